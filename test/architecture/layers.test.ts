// The layer table of ARCHITECTURE.md, checked on every import in engine/ and bench/: arrows, cycles, packages, node:fs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLayers, findCycles } from './check-layers.ts';
import { LAYERS } from './layer-table.ts';
import { readImportGraph, readImports, type Import, type ImportGraph } from './read-imports.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** A value (or type-only) import of `target` from `file`, as the reader would report it. */
function edge(target: string, typeOnly = false, names: string[] = ['x']): Import {
  return { specifier: target, target, typeOnly, dynamic: false, names };
}
function pkg(specifier: string, names: string[] = ['x']): Import {
  return { specifier, typeOnly: false, dynamic: false, names };
}
const graphOf = (entries: [string, Import[]][]): ImportGraph => new Map(entries);

describe('the layer table on the real tree', () => {
  const graph = readImportGraph(ROOT, ['engine', 'bench']);

  it('should read every file and import of engine/ and bench/', () => {
    expect(graph.size).toBeGreaterThan(200);
    const run = graph.get('engine/run-scenario.ts')?.map((one) => one.target);
    expect(run).toEqual(
      expect.arrayContaining([
        'engine/pipeline/run-simulation.ts',
        'engine/report/build-scenario-report.ts',
        'engine/scenario/index.ts',
      ]),
    );
    expect(graph.get('bench/workers/shard-worker.js')?.map((one) => [one.target, one.dynamic])).toContainEqual([
      'bench/shard-worker.ts',
      true,
    ]);
  });

  it('should find no arrow against the table, no cycle (type imports included) and node:fs only where allowed', () => {
    expect(checkLayers(graph)).toEqual([]);
  });

  it('should keep ARCHITECTURE.md naming every row of the table', () => {
    const doc = readFileSync(`${ROOT}ARCHITECTURE.md`, 'utf8');
    for (const rule of LAYERS) expect(doc, rule.layer).toContain(rule.owns[0]!.replace(/^engine\//, ''));
  });
});

describe('the layer checker', () => {
  it('should fail on an upward import, a value import where only types may go, and an import of bench/', () => {
    const violations = checkLayers(
      graphOf([
        ['engine/core/issue.ts', [edge('engine/cli/io.ts', true)]],
        ['engine/report/json-report.ts', [edge('engine/pipeline/verdict.ts', true), edge('engine/pipeline/simulate.ts')]],
        ['engine/cli/main.ts', [edge('bench/register-bench.ts')]],
        ['engine/cli/io.ts', []],
        ['engine/pipeline/verdict.ts', []],
        ['engine/pipeline/simulate.ts', []],
        ['bench/register-bench.ts', []],
      ]),
    );
    expect(violations.map((one) => [one.rule, one.file])).toEqual([
      ['arrow', 'engine/core/issue.ts'],
      ['arrow', 'engine/report/json-report.ts'],
      ['arrow', 'engine/cli/main.ts'],
    ]);
    expect(violations[0]?.message).toBe('engine/core/issue.ts (core) may not import types from engine/cli/io.ts (cli)');
  });

  it('should fail on a cycle of type-only imports, and name every file in it', () => {
    const graph = graphOf([
      ['engine/model/fleet-model.ts', [edge('engine/model/device-table.ts')]],
      ['engine/model/device-table.ts', [edge('engine/model/fleet-model.ts', true)]],
      ['engine/model/running-mode.ts', [edge('engine/model/running-mode.ts', true)]],
    ]);
    expect(findCycles(graph)).toEqual([
      ['engine/model/device-table.ts', 'engine/model/fleet-model.ts'],
      ['engine/model/running-mode.ts'],
    ]);
    expect(checkLayers(graph).map((one) => one.message)).toEqual([
      'import cycle: engine/model/device-table.ts ↔ engine/model/fleet-model.ts',
      'import cycle: engine/model/running-mode.ts',
    ]);
  });

  it('should fail on node:fs outside the allowed files, and on a write from the reader', () => {
    const violations = checkLayers(
      graphOf([
        ['engine/report/json-report.ts', [pkg('node:fs', ['writeFileSync'])]],
        ['engine/io/read-input.ts', [pkg('node:fs', ['readSync', 'writeSync'])]],
        ['engine/cli/commands/run.ts', [pkg('fs/promises', ['readFile'])]],
        ['engine/cli/write-output.ts', [pkg('node:fs', ['writeSync', 'renameSync'])]],
      ]),
    );
    expect(violations.map((one) => [one.rule, one.file])).toEqual([
      ['package', 'engine/report/json-report.ts'],
      ['fs', 'engine/report/json-report.ts'],
      ['fs', 'engine/io/read-input.ts'],
      ['fs', 'engine/cli/commands/run.ts'],
    ]);
  });

  it('should fail on a package a layer may not use, a file in no row, and a computed import()', () => {
    const violations = checkLayers(
      graphOf([
        ['engine/pipeline/simulate.ts', [pkg('xstate'), pkg('rxjs')]],
        ['engine/policy/match.ts', [pkg('node:path')]],
        ['engine/helpers.ts', []],
        ['bench/workers/any.js', [{ specifier: '<expression>', typeOnly: false, dynamic: true, names: ['*'] }]],
      ]),
    );
    expect(violations.map((one) => [one.rule, one.file])).toEqual([
      ['package', 'engine/pipeline/simulate.ts'],
      ['package', 'engine/policy/match.ts'],
      ['no-layer', 'engine/helpers.ts'],
      ['dynamic', 'bench/workers/any.js'],
    ]);
  });
  it('should read `node:*` as every Node built-in, subpaths included, and `node:path` as that one only', () => {
    const violations = checkLayers(
      graphOf([
        ['bench/measure.ts', [pkg('node:timers/promises'), pkg('node:perf_hooks'), pkg('timers'), pkg('node:os')]],
        ['engine/policy/match.ts', [pkg('node:timers')]],
        ['engine/diff/diff-policies.ts', [pkg('node:path/posix')]],
      ]),
    );
    expect(violations.map((one) => [one.rule, one.file, one.message])).toEqual([
      ['package', 'engine/policy/match.ts', "engine/policy/match.ts (policy) may not import 'node:timers'"],
    ]);
  });
});

describe('the import reader', () => {
  it('should read static, re-exported, type-only, side-effect and dynamic imports, over several lines', () => {
    const source = [
      "import { a, type B } from './a.ts';",
      "import type { C } from '../core/c.ts';",
      "import {\n  type D,\n  type E,\n} from './d.ts';",
      "export { f } from './f.ts';",
      "export type { G } from './g.ts';",
      "import './side.ts';",
      "import * as fs from 'node:fs';",
      "const later = await import('./lazy.ts');",
      'const computed = await import(name);',
    ].join('\n');
    expect(readImports(source, 'engine/model/x.ts').map((one) => [one.specifier, one.target, one.typeOnly, one.dynamic])).toEqual(
      [
        ['./a.ts', 'engine/model/a.ts', false, false],
        ['../core/c.ts', 'engine/core/c.ts', true, false],
        ['./d.ts', 'engine/model/d.ts', true, false],
        ['./f.ts', 'engine/model/f.ts', false, false],
        ['./g.ts', 'engine/model/g.ts', true, false],
        ['./side.ts', 'engine/model/side.ts', false, false],
        ['node:fs', undefined, false, false],
        ['./lazy.ts', 'engine/model/lazy.ts', false, true],
        ['<expression>', undefined, false, true],
      ],
    );
  });

  it('should not read imports inside comments, strings, help texts or regular expressions', () => {
    const source = [
      '/**',
      " * import { x } from '../cli/main.ts';",
      ' */',
      "// import { y } from '../cli/io.ts';",
      "const help = `\nimport { z } from '../cli/main.ts';\n${'${'}1}`;",
      'const text = "import { w } from \'../cli/io.ts\'";',
      "const pattern = /import\\('x'\\)/;",
      "import { real } from './real.ts';",
    ].join('\n');
    expect(readImports(source, 'engine/core/x.ts').map((one) => one.specifier)).toEqual(['./real.ts']);
  });
});
