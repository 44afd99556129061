/** The scaling curves as steps: fleet size, exclusions, indicators, stream length, and workers. */
import type { Counts } from '../engine/pipeline/counts.ts';
import type { CurvePoint, StreamPoint, WorkerFigures, WorkerRun } from './bench-result.ts';
import { benchInput, type BenchShape } from './bench-shape.ts';
import { FLEET_ARTIFACTS_PER_DEVICE, type BenchSizes } from './bench-sizes.ts';
import type { Step } from './core-steps.ts';
import { runExclusionBench, type ExclusionBenchResult } from './exclusions.bench.ts';
import { perSecond, ratio } from './measure.ts';
import { formatRate } from './render-bench-table.ts';
import { countsDigest } from './shard-pipeline.ts';
import { runSharded, type ShardPass } from './sharded-run.ts';
import { runStreamChild } from './stream-length.ts';
import { marginalCost } from './stream-stage.ts';
import { measureContextCompile } from './decision-stage.ts';

/** What the curve steps measure, filled in as they run. */
export interface CurveDraft {
  fleet: CurvePoint[];
  exclusionsRealistic: CurvePoint[];
  exclusionsAdversarial: CurvePoint[];
  exclusionMatcher?: ExclusionBenchResult;
  indicators: CurvePoint[];
  stream: StreamPoint[];
  workers?: WorkerFigures;
}

const n = (value: number): string => value.toLocaleString('en-US');

/** Sets each point's `relative` to its cost over the first point's. */
export function relativeTo<T extends CurvePoint>(points: readonly T[]): T[] {
  const base = points[0]?.nsPerArtifact ?? 0;
  return points.map((point) => ({ ...point, relative: ratio(point.nsPerArtifact, base) }));
}

/** Keeps the cheaper measurement of a point: other load on the machine only ever adds time. */
function keepBest(points: CurvePoint[], point: CurvePoint): void {
  const at = points.findIndex((known) => known.x === point.x);
  const known = points[at];
  if (known === undefined) {
    points.push(point);
    points.sort((a, b) => a.x - b.x);
    return;
  }
  const better = point.nsPerArtifact < known.nsPerArtifact ? point : known;
  // The context-compile figure is its own measurement: keep its best round too.
  const compile = Math.min(point.contextCompileNs ?? Infinity, known.contextCompileNs ?? Infinity);
  points[at] = Number.isFinite(compile) ? { ...better, contextCompileNs: compile } : better;
}

interface PointSpec {
  readonly label: string;
  readonly shape: BenchShape;
  readonly x: number;
  readonly into: CurvePoint[];
  /** Fleet points also time one device's context compile. */
  readonly contexts?: boolean;
}

/** One point of an in-process curve: the shape's marginal cost per artifact. */
function pointStep(spec: PointSpec, round: string): Step {
  return {
    label: `${spec.label}${round}`,
    run: () => {
      const input = benchInput(spec.shape);
      const cost = marginalCost(input);
      const contextCompileNs = spec.contexts === true ? measureContextCompile(input, 20_000) : undefined;
      keepBest(spec.into, {
        x: spec.x,
        artifacts: spec.shape.artifacts,
        nsPerArtifact: cost.nsPerArtifact,
        relative: 0,
        setupMs: cost.setupMs,
        ...(contextCompileNs === undefined ? {} : { contextCompileNs }),
      });
      return `${cost.nsPerArtifact.toFixed(0)} ns/artifact, set-up ${cost.setupMs.toFixed(0)} ms${contextCompileNs === undefined ? '' : `, ${contextCompileNs.toFixed(0)} ns/context`}`;
    },
  };
}

/**
 * Fleet, exclusion (realistic, adversarial, matcher alone) and indicator curves around `base`. Each
 * in-process curve is measured `sizes.curveRounds` times, ascending then descending, keeping each
 * point's best, so a load change during the run does not tilt the curve.
 */
export function curveSteps(base: BenchShape, sizes: BenchSizes, draft: CurveDraft): Step[] {
  const curve = { ...base, artifacts: sizes.curve };
  const curves: PointSpec[][] = [
    // At least ten artifacts per device (issue 13), so the largest fleet is not all first-artifact work.
    sizes.fleet.map((devices) => ({
      label: `fleet ${n(devices)} devices`,
      shape: { ...curve, devices, artifacts: Math.max(sizes.curve, FLEET_ARTIFACTS_PER_DEVICE * devices) },
      x: devices,
      into: draft.fleet,
      contexts: true,
    })),
    sizes.exclusions.map((exclusions) => ({
      label: `exclusions ${n(exclusions)} realistic`,
      shape: { ...curve, exclusions },
      x: exclusions,
      into: draft.exclusionsRealistic,
    })),
    sizes.exclusions.map((exclusions) => ({
      label: `exclusions ${n(exclusions)} adversarial`,
      shape: { ...curve, exclusions, exclusionKind: 'adversarial' as const },
      x: exclusions,
      into: draft.exclusionsAdversarial,
    })),
    sizes.indicators.map((indicators) => ({
      label: `indicators ${n(indicators)}`,
      shape: { ...curve, indicators },
      x: indicators,
      into: draft.indicators,
    })),
  ];
  const steps: Step[] = [];
  for (const points of curves) {
    for (let round = 0; round < sizes.curveRounds; round++) {
      // A point far larger than the curve size (the 1M-device fleet: ~45 s, 2 GB) is measured once.
      const affordable = round === 0 ? points : points.filter((spec) => spec.shape.artifacts <= 2 * sizes.curve);
      const ordered = round % 2 === 0 ? affordable : [...affordable].reverse();
      const suffix = sizes.curveRounds > 1 ? ` (round ${round + 1}/${sizes.curveRounds})` : '';
      steps.push(...ordered.map((spec) => pointStep(spec, suffix)));
    }
  }
  steps.push({
    label: 'exclusion matcher alone (exclusions.bench.ts)',
    run: () => {
      draft.exclusionMatcher = runExclusionBench({
        sizes: sizes.exclusions,
        minTimeMs: sizes.matcherMinMs,
        targets: sizes.matcherTargets,
        seed: base.seed,
      });
      return `realistic ${draft.exclusionMatcher.realisticRatio.toFixed(2)}×, adversarial ${draft.exclusionMatcher.adversarialRatio.toFixed(2)}×`;
    },
  });
  return steps;
}

/** Stream lengths, each in a child process that reports its time and peak RSS. */
export function streamSteps(base: BenchShape, sizes: BenchSizes, draft: CurveDraft): Step[] {
  return sizes.stream.map((artifacts) => ({
    label: `stream ${n(artifacts)} artifacts (child process)`,
    run: async () => {
      const result = await runStreamChild({ ...base, artifacts });
      const nsPerArtifact = (result.cpuMs * 1e6) / Math.max(1, result.artifacts);
      const perSec = perSecond(result.artifacts, result.cpuMs);
      draft.stream.push({
        x: artifacts,
        artifacts,
        nsPerArtifact,
        relative: 0,
        setupMs: 0,
        perSecond: perSec,
        baseRssMb: result.baseRssMb,
        peakRssMb: result.peakRssMb,
      });
      return `${formatRate(perSec)}, peak RSS ${result.peakRssMb.toFixed(0)} MB`;
    },
  }));
}

/**
 * One worker, then `workers`, `rounds` times over (best wall time of each pass kept: a slow round is the
 * machine, not the code), on the same shape. Each run makes two passes (`runSharded`): the steady one is
 * judged, as P keeps the better of its two runs; the first is reported beside it. Every pass's merged counts
 * are checked against the first one-worker pass and, when the shape is the headline one, against
 * `countSimulation` in this thread.
 */
export function workerSteps(
  shape: BenchShape,
  workers: number,
  rounds: number,
  draft: CurveDraft,
  pipelineCounts: () => Counts | undefined,
): Step[] {
  const runs = new Map<number, WorkerRun>();
  const firstPass = new Map<number, number>();
  const digests: string[] = [];
  const step = (count: number, round: number): Step => ({
    label: `${count} worker${count === 1 ? '' : 's'}, ${n(shape.artifacts)} artifacts sharded by device (${round}/${rounds})`,
    run: async () => {
      const run = await runSharded(shape, count);
      firstPass.set(count, Math.min(firstPass.get(count) ?? Infinity, run.first.wallMs));
      const known = runs.get(count);
      const steady = known === undefined || run.steady.wallMs < known.wallMs ? run.steady : known;
      runs.set(count, {
        workers: count,
        wallMs: steady.wallMs,
        perSecond: perSecond(run.steady.counts.artifacts, steady.wallMs),
        workerMs: steady.workerMs,
        firstPassMs: firstPass.get(count) ?? 0,
      });
      digests.push(countsDigest(run.first.counts), countsDigest(run.steady.counts));
      const one = runs.get(1);
      const most = runs.get(workers);
      const pipeline = pipelineCounts();
      draft.workers = {
        artifacts: shape.artifacts,
        runs: [...runs.values()].sort((a, b) => a.workers - b.workers),
        speedup: one === undefined || most === undefined ? 0 : ratio(one.wallMs, most.wallMs),
        firstPassSpeedup: ratio(firstPass.get(1) ?? 0, firstPass.get(workers) ?? 0),
        identical: digests.every((digest) => digest === digests[0]),
        ...(pipeline === undefined ? {} : { matchesPipeline: countsDigest(pipeline) === digests[0] }),
      };
      const rate = (pass: ShardPass): string => formatRate(perSecond(pass.counts.artifacts, pass.wallMs));
      const same = draft.workers.identical ? 'identical' : 'DIFFERENT';
      return `${rate(run.steady)} wall (first pass ${rate(run.first)}), ${same} counts`;
    },
  });
  return Array.from({ length: Math.max(1, rounds) }, (_, round) => [step(1, round + 1), step(workers, round + 1)]).flat();
}
