import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGoals, type BenchResult } from '../../bench/bench-result.ts';
import { longEnough, SIZES, type BenchSizes } from '../../bench/bench-sizes.ts';
import { renderBenchSvg } from '../../bench/render-bench-svg.ts';
import { renderBenchTable } from '../../bench/render-bench-table.ts';

// A real default run (2026-11-29), held to issue 13's goals: it misses P, P / G, P beyond G, L, the fleet
// curve and its per-device cost, and the worker speed-up.
const DEFAULT_RUN = JSON.parse(readFileSync(new URL('./fixtures/default-run.json', import.meta.url), 'utf8')) as BenchResult;

/** The same figures, as if measured with `sizes`: only the run's length changes, not one number. */
function asIf(sizes: BenchSizes, artifacts = sizes.artifacts): BenchResult {
  const workers = DEFAULT_RUN.workers === undefined ? undefined : { ...DEFAULT_RUN.workers, artifacts };
  const figures = { ...DEFAULT_RUN.figures, pipeline: { ...DEFAULT_RUN.figures.pipeline, artifacts } };
  return {
    ...DEFAULT_RUN,
    figures,
    ...(workers === undefined ? {} : { workers }),
    goals: checkGoals(figures, DEFAULT_RUN.curves, workers, longEnough(sizes)),
  };
}

describe('goal verdicts', () => {
  it('should judge every goal of a run as long as the default one', () => {
    const goals = asIf(SIZES.default).goals;
    expect(goals.every((goal) => goal.judged)).toBe(true);
    expect(goals.filter((goal) => !goal.met).map((goal) => goal.id)).toEqual([
      'p-rate',
      'p-over-g',
      'p-beyond-g',
      'l-rate',
      'fleet',
      'fleet-context',
      'workers-speedup',
    ]);
    const table = renderBenchTable(asIf(SIZES.default));
    expect(table).toContain('goals: 6 of 13 met — missed: ');
    expect(table).toMatch(/P full pipeline .* MISSED/);
  });

  it('should say "too short to judge" for every timing goal of a --quick run, and never MISSED', () => {
    const result = asIf(SIZES.quick);
    expect(result.goals.filter((goal) => goal.judged).map((goal) => goal.id)).toEqual(['rss-10m', 'workers-identical']);
    const table = renderBenchTable(result);
    expect(table).not.toContain('MISSED');
    expect(table).not.toMatch(/goals: \d+ of \d+ met/);
    expect(table).toMatch(/P full pipeline .* too short to judge/);
    expect(table).toMatch(/^goals: 2 of 2 judged met; too short to judge: .*P artifacts\/s.*$/m);
    expect(table).toContain('1,000,000 artifacts');
  });

  it('should judge P by its own length: an explicit 5M-artifact shape is long enough, 200k is not', () => {
    expect(longEnough(SIZES.default, 5_000_000).pipeline).toBe(true);
    expect(longEnough(SIZES.default, 200_000).pipeline).toBe(false);
    expect(longEnough({ ...SIZES.default, curveRounds: 1 }).curves).toBe(false);
  });

  it('should judge the worker speed-up only after the default warm-up and alternating passes', () => {
    expect(longEnough(SIZES.default).workers).toBe(true);
    expect(longEnough({ ...SIZES.default, workerWarmPasses: 0 }).workers).toBe(false);
    expect(longEnough({ ...SIZES.default, workerPairs: 1 }).workers).toBe(false);
    expect(longEnough(SIZES.quick).workers).toBe(false);
  });
});

describe("the workers' competition columns", () => {
  it("should show each count's other-thread CPU and wait only in a result that measured them, as medians a pass", () => {
    const plain = renderBenchTable(asIf(SIZES.default));
    expect(plain).not.toContain("other threads' CPU");
    const base = asIf(SIZES.default);
    const runs = base.workers!.runs.map((run) => ({
      ...run,
      otherThreadsMs: 15.6 * run.workers,
      waitedMs: 11.2 * run.workers - 10,
    }));
    const table = renderBenchTable({ ...base, workers: { ...base.workers!, runs } });
    const row = (count: number) => table.split('\n').find((line) => line.startsWith(`${count} `)) ?? '';
    expect(table).toMatch(/first pass +other threads' CPU +workers waited/);
    expect(row(1)).toMatch(/16 ms +1 ms$/);
    expect(row(2)).toMatch(/31 ms +12 ms$/);
    expect(table).toContain("other threads' CPU, workers waited: medians a measured pass");
  });
});

describe('the machine a run names', () => {
  it('should print the CPU model in the table header, escaped for the terminal, and nothing for a file without one', () => {
    const named = renderBenchTable({ ...asIf(SIZES.default), cpuModel: 'AMD EPYC\u001b[2J' });
    expect(named.split('\n')[0]).toMatch(/, 2 CPUs \(AMD EPYC\\u001b\[2J\), load /);
    expect(renderBenchTable(asIf(SIZES.default)).split('\n')[0]).toMatch(/, \d+ CPUs, load /);
  });

  it('should print it in the SVG header as XML text, markup and control characters escaped or dropped', () => {
    const svg = renderBenchSvg({ ...asIf(SIZES.default), cpuModel: 'EPYC <b>&\u001b</b>' });
    expect(svg).toContain('CPUs (EPYC &lt;b&gt;&amp;&lt;/b&gt;)');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u001b');
  });
});
