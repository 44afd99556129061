import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchInput } from '../../bench/bench-shape.ts';
import { cpuModel } from '../../bench/measure.ts';
import { runRemediationBench } from '../../bench/remediation.bench.ts';
import { renderBenchSvg } from '../../bench/render-bench-svg.ts';
import { renderBenchTable } from '../../bench/render-bench-table.ts';
import { countsDigest, countShard, mergeCounts, shardDevices } from '../../bench/shard-pipeline.ts';
import { registerBench } from '../../bench/register-bench.ts';
import { main } from '../../engine/cli/main.ts';
import type { Io } from '../../engine/cli/io.ts';
import { countSimulation } from '../../engine/pipeline/run-simulation.ts';

// Smoke only: sizes are tiny and nothing asserts a duration (timing belongs in `edrsim bench`, not in tests).
const TINY = {
  artifacts: 3_000,
  pool: 1_000,
  rounds: 1,
  simTime: 1_000,
  curve: 1_000,
  fleet: [20, 40],
  exclusions: [10, 20],
  indicators: [10, 20],
  stream: [2_000],
  matcherMinMs: 1,
  matcherTargets: 128,
  curveRounds: 1,
  workerRounds: 1,
  workerWarmPasses: 1,
  workerPairs: 2,
};

describe('bench smoke', () => {
  it('should count exactly what countSimulation counts when the fleet is split into device shards', () => {
    const input = benchInput({ devices: 30, artifacts: 4_000, exclusions: 20, indicators: 50, seed: 3 });
    const shards = [0, 1, 2].map((index) => countShard(input, { index, of: 3 }));
    expect(shards.every((counts) => counts.artifacts > 0)).toBe(true);
    expect(countsDigest(mergeCounts(shards))).toBe(countsDigest(countSimulation(input).counts));
  });

  it('should give each device to exactly one shard', () => {
    const owned = [0, 1].flatMap((index) => [...shardDevices(7, { index, of: 2 })]).sort((a, b) => a - b);
    expect(owned).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('should fill every figure, curve, worker check and goal of the result document', async () => {
    const result = await runRemediationBench({ quick: true, sizes: TINY }, undefined, '2026-01-01T00:00:00.000Z');
    const f = result.figures;
    for (const subject of [f.pipeline, f.generator, f.loop, f.rx]) expect(subject.perSecond).toBeGreaterThan(0);
    expect(f.pipeline.artifacts).toBe(3_000);
    expect(f.pOverG).toBeGreaterThan(0);
    expect(f.dOverL).toBeGreaterThan(0);
    expect(f.latency.samples).toBeGreaterThan(0);
    expect(f.latency.p99Ns).toBeGreaterThanOrEqual(f.latency.p50Ns);
    // The model remediates at the artifact's own instant: the measured distribution is all zeros.
    expect(f.remediationLatency.remediations).toBeGreaterThan(0);
    expect(f.remediationLatency.maxMs).toBe(0);
    expect(f.remediationRate.perDeviceHour).toBeGreaterThan(0);
    // Issue 17: P with AIR on and off over the same artifacts; AIR on opens investigations (no timing asserted).
    expect(f.air?.offPerSecond).toBeGreaterThan(0);
    expect(f.air?.onPerSecond).toBeGreaterThan(0);
    expect(f.air?.investigations).toBeGreaterThan(0);
    const c = result.curves;
    for (const curve of [c.fleet, c.exclusionsRealistic, c.exclusionsAdversarial, c.indicators]) {
      expect(curve.map((point) => point.x)).toHaveLength(2);
      expect(curve[0]?.relative).toBe(1);
    }
    expect(c.fleet.every((point) => (point.contextCompileNs ?? 0) > 0)).toBe(true);
    expect(c.exclusionMatcher?.rows.filter((row) => row.kind === 'realistic').map((row) => row.entries)).toEqual([10, 20]);
    expect(c.exclusionMatcher?.rows.every((row) => row.nsPerLookup > 0)).toBe(true);
    expect(c.stream[0]?.peakRssMb).toBeGreaterThan(0);
    // The file names its machine (issue 13, fourteenth pass): the model the OS gives for the first CPU.
    expect(result.cpuModel).toBe(cpuModel());
    expect(result.cpuModel).toMatch(/\S/);
    expect(result.workers).toMatchObject({ identical: true, matchesPipeline: true });
    expect(result.workers?.runs.map((run) => run.workers)).toEqual([1, 2]);
    // Both passes are timed: the second is judged, the first (each thread's first sightings) reported beside it.
    expect(result.workers?.runs.every((run) => (run.firstPassMs ?? 0) > 0)).toBe(true);
    expect(result.workers?.firstPassSpeedup).toBeGreaterThan(0);
    // Beside the judged best-against-best figure: the median over adjacent pairs of passes, which share the host's speed.
    expect(result.workers?.pairedSpeedup).toBeGreaterThan(0);
    expect(renderBenchTable(result)).toMatch(
      /speed-up [\d.]+× \(first pass [\d.]+×; median of adjacent pairs [\d.]+×, not judged\)/,
    );
    // Warmed pools, then alternating measured passes: the document says how the figure was taken.
    expect(result.workers).toMatchObject({ warmPasses: 1, pairs: 2 });
    expect(renderBenchTable(result)).toContain('best wall time of 2 alternating passes a round, after 1 warm-up passes');
    // A pass's slices are taken by whichever worker is free: every run took all of them between its workers.
    const slicesPerPass = result.workers?.slicesPerPass ?? 0;
    expect(slicesPerPass).toBeGreaterThan(1);
    for (const run of result.workers?.runs ?? []) {
      expect(run.slices).toHaveLength(run.workers);
      expect((run.slices ?? []).reduce((sum, taken) => sum + taken, 0)).toBe(slicesPerPass);
    }
    expect(renderBenchTable(result)).toContain(`in ${slicesPerPass} slices of the fleet, each taken by the next free worker`);
    // What each count's passes competed with, read per thread where Linux gives scheduler times (fifteenth pass).
    if (process.platform === 'linux') {
      for (const run of result.workers?.runs ?? []) {
        expect(run.otherThreadsMs).toBeGreaterThanOrEqual(0);
        expect(run.waitedMs).toBeGreaterThanOrEqual(0);
      }
      expect(renderBenchTable(result)).toMatch(/other threads' CPU +workers waited/);
    }
    expect(result.goals.map((goal) => goal.id)).toEqual([
      'p-rate',
      'p-over-g',
      'p-beyond-g',
      'l-rate',
      'd-over-l',
      'reasons-cost',
      'fleet',
      'fleet-context',
      'exclusions',
      'indicators',
      'exclusion-matcher',
      'workers-speedup',
      'workers-identical',
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    // Tiny sizes are far below the default run's: no timing goal is judged, identical counts always are.
    expect(result.goals.filter((goal) => goal.judged).map((goal) => goal.id)).toEqual(['workers-identical']);
    expect(renderBenchTable(result)).not.toContain('MISSED');
    expect(renderBenchTable(result)).toContain('identical merged counts; identical to countSimulation');
    expect(renderBenchSvg(result)).toMatch(
      /^<svg[\s\S]*Fleet size[\s\S]*Exclusions[\s\S]*Indicators[\s\S]*Stream length[\s\S]*<\/svg>\n$/,
    );
  });

  it('should refuse a size that is not a count, with exit code 2 and the option named', async () => {
    const err: string[] = [];
    const io: Io = { cwd: process.cwd(), out: () => {}, err: (text) => err.push(text), colour: false, stdinIsTTY: false };
    expect(await main(['bench', '--devices', 'ten'], io, [registerBench])).toBe(2);
    expect(err.join('')).toContain('--devices must be a whole number');
  });
});

describe('bench --count and --compare', () => {
  const SHAPE = { devices: 20, artifacts: 2_000, exclusions: 10, indicators: 20, sizes: TINY };

  it('should repeat every figure under the same ids and report min ≤ median ≤ max, goals judged on the medians', async () => {
    const result = await runRemediationBench({ ...SHAPE, count: 3 });
    expect(result.repeats.count).toBe(3);
    const ids = result.repeats.measurements.map((m) => m.id);
    expect(ids).toContain('pipeline.p');
    expect(ids).toContain('reasons.ratio');
    expect(ids).toContain('json.mb-per-s');
    expect(ids).toContain('air.ratio');
    // Each id was measured in all three runs: the ids are the same from run to run.
    for (const m of result.repeats.measurements) {
      expect(m.values).toHaveLength(3);
      expect(m.min).toBeLessThanOrEqual(m.median);
      expect(m.median).toBeLessThanOrEqual(m.max);
    }
    const p = result.repeats.measurements.find((m) => m.id === 'pipeline.p');
    expect(result.figures.pipeline.perSecond).toBe(p?.median);
    expect(result.goals.find((goal) => goal.id === 'p-rate')?.value).toBe(p?.median);
    // A difference of two timings: at this tiny size, on a loaded machine, noise may make it negative (it did in
    // a loaded `vitest run`), so what is checked is that it is a number and the median of its repeats, not its sign.
    const beyondG = result.repeats.measurements.find((m) => m.id === 'pipeline.beyond-g');
    expect(Number.isFinite(result.figures.pBeyondGNs)).toBe(true);
    expect(result.figures.pBeyondGNs).toBe(beyondG?.median);
    expect(result.figures.json.bytes).toBeGreaterThan(result.figures.json.artifacts * 100);
  });

  it('should give the same ids, in the same order, in two separate runs', async () => {
    const [a, b] = [await runRemediationBench(SHAPE), await runRemediationBench(SHAPE)];
    expect(a.repeats.measurements.map((m) => m.id)).toEqual(b.repeats.measurements.map((m) => m.id));
    expect(a.repeats.measurements.length).toBeGreaterThan(10);
  });

  it('should print the comparison with an earlier results file, and add it to the JSON', async () => {
    const out: string[] = [];
    const io: Io = { cwd: process.cwd(), out: (text) => out.push(text), err: () => {}, colour: false, stdinIsTTY: false };
    const dir = mkdtempSync(join(tmpdir(), 'edrsim-count-'));
    try {
      const old = fileURLToPath(new URL('./fixtures/default-run.json', import.meta.url));
      const argv = ['bench', '--devices', '20', '--artifacts', '2000', '--count', '2', '--out-dir', dir, '--compare', old];
      expect(await main(argv, io, [registerBench])).toBe(0);
      const text = out.join('');
      expect(text).toContain('2 runs: every figure above is the median');
      expect(text).toMatch(/compared with .*default-run\.json \(this run: medians of 2 runs/);
      expect(text).toMatch(/pipeline\.p +591,869 +[\d,]+ +\d+\.\d\d× +artifacts\/s/);
      expect(text).toMatch(/fleet\.1000 .* missing in this run/);
      expect(text).toMatch(/reasons\.ratio .* new figure/);
      out.length = 0;
      expect(await main([...argv, '--format', 'json'], io, [registerBench])).toBe(0);
      const doc = JSON.parse(out.join('')) as { comparison: { id: string; ratio?: number }[] };
      expect(doc.comparison.find((row) => row.id === 'pipeline.p')?.ratio).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
