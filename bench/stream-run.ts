/** Peak memory of `edrsim run` itself over a long generated stream, each report format in its own process, output to /dev/null. */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/edrsim.js', import.meta.url));
const REPORT_USAGE = new URL('./workers/report-usage.js', import.meta.url).href;

/** The report formats of `edrsim run`, as its options spell them. */
export const RUN_FORMATS = {
  text: [],
  summary: ['--summary'],
  json: ['--format', 'json'],
  junit: ['--format', 'junit'],
  csv: ['--format', 'csv'],
} as const;
export type RunFormat = keyof typeof RUN_FORMATS;

export interface StreamRunRow {
  readonly format: RunFormat;
  readonly artifacts: number;
  readonly wallS: number;
  readonly cpuS: number;
  /** Peak resident set of the `edrsim run` process, its own (`own-peak-rss.js`); undefined when it died. */
  readonly peakRssMb: number | undefined;
  readonly exit: number | null;
  /** The last line of stderr when the run failed. */
  readonly error?: string;
}

/**
 * The mixed fleet of `scenarios/10-scale/02-mixed-fleet.yaml` (200 devices, four kinds) with `artifacts`
 * generated over a day, and one expectation of each counted kind, so that every record type (verdicts,
 * alerts, Action Center entries) streams and every expectation tallies.
 */
export function streamScenario(artifacts: number): string {
  return `name: stream ${artifacts}
seed: 7
tenant: { edrBlockMode: true }
fleet:
  - { count: 120, namePrefix: lt-, template: { os: windows-11, primaryAv: non-microsoft } }
  - { count: 50, namePrefix: ws-, template: { os: windows-11 } }
  - { count: 20, namePrefix: srv-p-, template: { os: server-2022, primaryAv: non-microsoft, forceDefenderPassiveMode: 1 } }
  - { count: 10, namePrefix: srv-a-, template: { os: server-2019, primaryAv: non-microsoft } }
timeline:
  - at: 0m
    generate: { count: ${artifacts}, devices: all, window: 1d, mix: { malicious: 0.1, pua: 0.05, benign: 0.85 }, detection: { primaryAv: 0.85, mdav: 0.9, edr: 0.75 } }
expect:
  - { device: lt-001, mode: passive, runningMode: EDR Block Mode }
  - { artifact: gen-1-lt-001-0, outcome: missed }
  - totals: { class: malicious, outcome: blocked, share: { atLeast: 0.9 } }
  - alerts: { atLeast: 1 }
  - actionCenter: { atLeast: 1 }
`;
}

/**
 * Runs `node bin/edrsim.js run <file> <format options>` with stdout on /dev/null (or, with `viaOut`,
 * `--out /dev/null`), and reads the child's own peak RSS and CPU time from a preloaded exit hook.
 *
 * @example
 * (await measureRun(file, 'json', 10_000_000)).peakRssMb; // < 300
 */
export function measureRun(file: string, format: RunFormat, artifacts: number, viaOut = false): Promise<StreamRunRow> {
  const devNull = openSync('/dev/null', 'w');
  const args = ['--import', REPORT_USAGE, BIN, 'run', file, ...RUN_FORMATS[format], ...(viaOut ? ['--out', '/dev/null'] : [])];
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', devNull, 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    closeSync(devNull);
    let usage = '';
    let stderr = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => void (usage += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (exit) => {
      const wallS = Number(process.hrtime.bigint() - start) / 1e9;
      const measured = usage === '' ? undefined : (JSON.parse(usage) as { maxRssKb: number; cpuMs: number });
      const failed = exit !== 0 && exit !== 1;
      resolve({
        format,
        artifacts,
        wallS,
        cpuS: (measured?.cpuMs ?? 0) / 1000,
        peakRssMb: measured === undefined ? undefined : measured.maxRssKb / 1024,
        exit,
        ...(failed
          ? {
              error:
                stderr
                  .trim()
                  .split('\n')
                  .find((line) => /error|memory/i.test(line)) ??
                stderr.trim().split('\n').at(-1) ??
                '',
            }
          : {}),
      });
    });
  });
}

/** The rows as the Markdown table of bench/README.md. */
export function renderStreamRunTable(rows: readonly StreamRunRow[]): string {
  const header = ['format', 'artifacts', 'wall s', 'CPU s', 'peak RSS MB', 'exit'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const rss = row.peakRssMb === undefined ? `died: ${row.error ?? ''}` : String(Math.round(row.peakRssMb));
    lines.push(
      `| ${[row.format, row.artifacts.toLocaleString('en-US'), row.wallS.toFixed(0), row.cpuS.toFixed(0), rss, String(row.exit)].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const option = (name: string) => argv[argv.indexOf(name) + 1];
  const artifacts = argv.includes('--artifacts') ? Number(option('--artifacts')) : 10_000_000;
  const formats = (argv.includes('--formats') ? (option('--formats') ?? '').split(',') : Object.keys(RUN_FORMATS)) as RunFormat[];
  if (
    !Number.isInteger(artifacts) ||
    artifacts < 1 ||
    artifacts > 10_000_000 ||
    formats.some((format) => !(format in RUN_FORMATS))
  ) {
    process.stderr.write(
      `usage: node --import tsx bench/stream-run.ts [--artifacts 1..10000000] [--formats ${Object.keys(RUN_FORMATS).join(',')}] [--out]\n`,
    );
    process.exitCode = 2;
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'edrsim-stream-run-'));
  const file = join(folder, 'stream.yaml');
  writeFileSync(file, streamScenario(artifacts));
  const before = loadavg()[0]!.toFixed(2);
  const started = new Date().toISOString();
  const rows: StreamRunRow[] = [];
  try {
    for (const format of formats) {
      const row = await measureRun(file, format, artifacts, argv.includes('--out'));
      rows.push(row);
      process.stderr.write(
        `${format}: exit ${row.exit}, ${row.wallS.toFixed(0)} s, peak RSS ${row.peakRssMb === undefined ? '-' : Math.round(row.peakRssMb)} MB\n`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(
    `edrsim run, peak RSS per format — ${started}, node ${process.version}, ${cpus().length} CPUs, load ${before} → ${loadavg()[0]!.toFixed(2)}\n\n`,
  );
  process.stdout.write(`${renderStreamRunTable(rows)}\n`);
  if (rows.some((row) => row.peakRssMb === undefined || row.exit === null || row.exit > 1)) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
