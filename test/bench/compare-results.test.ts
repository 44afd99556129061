import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BenchDocSchema, type BenchDoc } from '../../bench/bench-doc-schema.ts';
import { compareResults, MAX_RESULTS_FILE, readResultsFile, renderComparison } from '../../bench/compare-results.ts';
import { registerBench } from '../../bench/register-bench.ts';
import { main } from '../../engine/cli/main.ts';
import type { Io } from '../../engine/cli/io.ts';

const FIXTURE = new URL('./fixtures/default-run.json', import.meta.url);
const OLD = BenchDocSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));

const temporaries: string[] = [];
function file(name: string, content: string | Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), 'edrsim-compare-'));
  temporaries.push(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}
afterEach(() => {
  for (const folder of temporaries.splice(0)) rmSync(folder, { recursive: true, force: true });
});

// A results document with repeats: only the ids and medians matter to --compare.
function withRepeats(medians: Record<string, number>): BenchDoc {
  const measurements = Object.entries(medians).map(([id, median]) => ({
    id,
    label: id,
    unit: 'artifacts/s',
    better: 'higher' as const,
    min: median / 2,
    median,
    max: median * 2,
    values: [median / 2, median, median * 2],
  }));
  return { ...OLD, repeats: { count: 3, measurements } };
}

async function bench(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  const io: Io = {
    cwd: tmpdir(),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    colour: false,
    stdinIsTTY: false,
  };
  const code = await main(['bench', ...argv], io, [registerBench]);
  return { code, stderr: err.join(''), stdout: out.join('') };
}

describe('--compare: figure by figure against an earlier results file', () => {
  it('should divide medians by medians, and list a figure on one side only as missing', () => {
    const rows = compareResults(
      withRepeats({ 'pipeline.p': 500_000, 'fleet.1000': 2000 }),
      withRepeats({ 'pipeline.p': 1_000_000, 'loop.l': 4e6 }),
    );
    expect(rows.map((row) => [row.id, row.old, row.new, row.ratio])).toEqual([
      ['pipeline.p', 500_000, 1_000_000, 2],
      ['loop.l', undefined, 4e6, undefined],
      ['fleet.1000', 2000, undefined, undefined],
    ]);
    const text = renderComparison(rows, 'old.json', { repeats: { count: 3, measurements: [] } });
    expect(text).toMatch(/pipeline\.p +500,000 +1,000,000 +2\.00× +artifacts\/s +better$/m);
    expect(text).toMatch(/loop\.l .*new figure \(not in the old file\)/);
    expect(text).toMatch(/fleet\.1000 .*missing in this run/);
    expect(text).toContain('medians of 3 runs');
  });

  it('should read an old file without repeats value by value, and say a lower cost is better', () => {
    const rows = compareResults(OLD, withRepeats({ 'pipeline.p': OLD.figures.pipeline.perSecond * 1.5 }));
    expect(rows.find((row) => row.id === 'pipeline.p')?.ratio).toBeCloseTo(1.5, 10);
    // The fixture's curve points come through under their ids, only on the old side.
    expect(rows.find((row) => row.id === 'fleet.1000000')).toMatchObject({ old: OLD.curves?.fleet?.[3]?.nsPerArtifact });
    const cheaper = compareResults(OLD, { ...OLD, figures: { ...OLD.figures, pBeyondGNs: 300 } });
    const beyond = cheaper.find((row) => row.id === 'pipeline.beyond-g');
    expect(beyond?.ratio).toBeLessThan(1);
    expect(renderComparison(cheaper, 'a.json', { repeats: { count: 1, measurements: [] } })).toMatch(
      /pipeline\.beyond-g .* better$/m,
    );
  });

  // Issue 13, fourteenth pass: the host changed CPU between two sittings (Intel Xeon, then AMD EPYC), and a
  // --compare against the earlier file read every figure about twice as fast: the machine's doing, not the code's.
  it('should say when the old file ran on another CPU, or does not say which', () => {
    const rows = compareResults(withRepeats({ 'pipeline.p': 1 }), withRepeats({ 'pipeline.p': 2 }));
    const now = { repeats: { count: 1, measurements: [] }, cpuModel: 'AMD EPYC' };
    const other = renderComparison(rows, 'old.json', now, { cpuModel: 'Intel(R) Xeon(R) \u001b[31mCPU' });
    expect(other).toContain('old.json ran on Intel(R) Xeon(R) \\u001b[31mCPU, this run on AMD EPYC');
    expect(other).toContain('its ratios compare the machines as well as the code');
    expect(renderComparison(rows, 'old.json', now, {})).toContain('old.json does not name its CPU');
    const same = renderComparison(rows, 'old.json', now, { cpuModel: 'AMD EPYC' });
    expect(same).not.toMatch(/ran on|does not name/);
  });

  it('should read the CPU model of a results file that has one, and accept one without', () => {
    expect(BenchDocSchema.parse({ ...OLD, cpuModel: 'AMD EPYC' }).cpuModel).toBe('AMD EPYC');
    expect(BenchDocSchema.parse(OLD).cpuModel).toBeUndefined();
    expect(BenchDocSchema.safeParse({ ...OLD, cpuModel: 'x'.repeat(201) }).success).toBe(false);
  });

  it('should refuse a file that is not JSON with its line and column', () => {
    const result = readResultsFile(file('bad.json', '{\n  "figures": oops\n}'));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/^--compare .*bad\.json: is not JSON at line 2, column 14$/);
  });

  it('should refuse JSON of the wrong shape, naming the first wrong field', () => {
    const result = readResultsFile(file('shape.json', JSON.stringify({ figures: { pipeline: { perSecond: 'fast' } } })));
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/is not a bench results file: figures\.pipeline\.perSecond: /);
    const array = readResultsFile(file('array.json', '[1, 2, 3]'));
    expect(array.ok ? '' : array.issues[0]?.message).toMatch(/is not a bench results file: the document: /);
  });

  it('should refuse a file over the size cap without reading it all, and a folder', () => {
    const huge = readResultsFile(file('huge.json', Buffer.alloc(MAX_RESULTS_FILE + 1, 0x20)));
    expect(huge.ok ? '' : huge.issues[0]?.message).toMatch(/larger than 4 ?MiB/);
    const folder = readResultsFile(tmpdir());
    expect(folder.ok ? '' : folder.issues[0]?.message).toMatch(/not a regular file/);
  });

  it('should exit 2 with one error line before measuring anything when the compare file is bad', async () => {
    const run = await bench('--devices', '10', '--artifacts', '500', '--compare', file('x.json', 'not json'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(/^edrsim bench: --compare .*x\.json: is not JSON at line 1, column 2$/);
    expect(run.stderr).not.toMatch(/\n {4}at /);
  });

  it('should refuse a --count outside 1 to 20 before measuring', async () => {
    for (const count of ['0', '21', 'two']) {
      const run = await bench('--count', count);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--count must be a whole number from 1 to 20');
    }
  });
});
