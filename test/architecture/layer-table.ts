/** The layer table of ARCHITECTURE.md as data: which folder may import which, which packages, and who may touch node:fs. */

/** One row: a layer, the files it owns, and what it may import. */
export interface LayerRule {
  readonly layer: string;
  /** Repo-relative folders (ending in `/`) or single files the layer owns. */
  readonly owns: readonly string[];
  /** Layers it may import anything from (its own files always). */
  readonly imports: readonly string[];
  /** Layers it may import only types from (`import type`). */
  readonly typesFrom?: readonly string[];
  /** Packages it may import; `node:*` stands for every Node built-in. `node:fs` is checked by {@link FS_ALLOWED} as well. */
  readonly packages: readonly string[];
}

const ENGINE = ['core', 'io', 'scenario', 'policy', 'model', 'pipeline', 'report', 'train', 'run', 'diff', 'coverage'];

/** Keep in step with the table in ARCHITECTURE.md. */
export const LAYERS: readonly LayerRule[] = [
  // package.json, read for edrsim's version by its one home (engine/cli/edrsim-version.ts).
  { layer: 'manifest', owns: ['package.json'], imports: [], packages: [] },
  { layer: 'core', owns: ['engine/core/'], imports: [], packages: [] },
  // node:child_process: `git show REF:path` for `edrsim diff` (engine/io/git-show.ts), bounded like a file read.
  { layer: 'io', owns: ['engine/io/'], imports: ['core'], packages: ['node:fs', 'node:path', 'node:child_process'] },
  { layer: 'scenario', owns: ['engine/scenario/'], imports: ['core', 'io'], packages: ['yaml', 'zod'] },
  { layer: 'policy', owns: ['engine/policy/'], imports: ['core'], packages: [] },
  { layer: 'model', owns: ['engine/model/'], imports: ['core', 'policy'], packages: ['xstate'] },
  { layer: 'pipeline', owns: ['engine/pipeline/'], imports: ['core', 'policy', 'model'], packages: ['rxjs'] },
  { layer: 'report', owns: ['engine/report/'], imports: ['core'], typesFrom: ['scenario', 'model', 'pipeline'], packages: [] },
  {
    layer: 'train',
    owns: ['engine/train/'],
    imports: ['core', 'scenario', 'pipeline', 'report'],
    typesFrom: ['model'],
    packages: ['yaml'],
  },
  {
    layer: 'run',
    owns: ['engine/run-scenario.ts', 'engine/run/'],
    imports: ['core', 'io', 'scenario', 'policy', 'model', 'pipeline', 'report'],
    packages: [],
  },
  // `edrsim diff`: two policies over the same artifacts, on the run's path; renders its own report.
  {
    layer: 'diff',
    owns: ['engine/diff/'],
    imports: ['core', 'io', 'scenario', 'policy', 'model', 'pipeline', 'report', 'run'],
    packages: ['node:path'],
  },
  // `edrsim coverage`: how a run used each policy entry, on the run's path; reuses diff's streaming and entry lines.
  {
    layer: 'coverage',
    owns: ['engine/coverage/'],
    imports: ['core', 'io', 'scenario', 'policy', 'model', 'pipeline', 'report', 'run', 'diff'],
    packages: [],
  },
  { layer: 'api', owns: ['engine/index.ts'], imports: ENGINE, packages: [] },
  // The classroom server: serves train sessions over node:http; zod checks every request body and the save file.
  // The CLI starts it and writes its save file; it never imports the CLI. Its pages (static/) are read once at start.
  { layer: 'server', owns: ['engine/server/'], imports: [...ENGINE, 'api'], packages: ['node:*', 'zod'] },
  {
    layer: 'cli',
    owns: ['engine/cli/'],
    imports: [...ENGINE, 'api', 'server', 'manifest'],
    packages: ['commander', 'yaml', 'node:*'],
  },
  {
    layer: 'bench',
    owns: ['bench/'],
    imports: [...ENGINE, 'api', 'cli'],
    packages: ['commander', 'rxjs', 'tsx/esm/api', 'zod', 'node:*'],
  },
];

const READS = ['readSync', 'openSync', 'closeSync', 'fstatSync', 'statSync', 'realpathSync', 'constants', 'StatsBase'];

/**
 * The only files that may import `node:fs`, each with the names it may use: the reader reads, the CLI's output
 * writer writes, the folder walk lists, and bench/ measures with its own temporary and result files.
 */
export const FS_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'engine/io/read-input.ts': READS,
  'engine/io/file-kind.ts': READS,
  'engine/io/confine-import.ts': READS,
  'engine/cli/write-output.ts': [
    'closeSync',
    'mkdirSync',
    'openSync',
    'realpathSync',
    'renameSync',
    'rmSync',
    'statSync',
    'writeSync',
  ],
  'engine/cli/temp-file-guard.ts': ['closeSync', 'rmSync'],
  'engine/cli/write-stdout.ts': ['writeSync'],
  'engine/cli/collect-files.ts': ['readdirSync', 'statSync', 'Dirent'],
  'bench/register-bench.ts': ['mkdirSync'],
  'bench/stream-run.ts': ['closeSync', 'mkdtempSync', 'openSync', 'rmSync', 'writeFileSync'],
  'bench/packed-install.ts': ['cpSync', 'mkdirSync', 'mkdtempSync', 'readFileSync', 'rmSync', 'symlinkSync', 'writeFileSync'],
  'bench/workers/report-usage.js': ['writeSync'],
  // /proc/self/status: the process's own peak RSS (a forked child's maxRSS starts at its parent's).
  'bench/workers/own-peak-rss.js': ['readFileSync'],
  // Per-thread scheduler times under /proc/self/task (issue 13, fifteenth pass): reads only.
  'bench/thread-times.ts': ['readdirSync', 'readFileSync', 'readlinkSync'],
};

/** The layer that owns `file`, or undefined when no row does. */
export function layerOf(file: string): LayerRule | undefined {
  return LAYERS.find((rule) => rule.owns.some((owned) => (owned.endsWith('/') ? file.startsWith(owned) : file === owned)));
}
