/** The benchmark's result document (`latest.json`) and the goals each figure is held to. */
import { append, maxOf } from '../engine/core/append.ts';
import type { ExclusionBenchResult } from './exclusions.bench.ts';
import type { BenchMode, LongEnough } from './bench-sizes.ts';
import type { BenchShape } from './bench-shape.ts';
import type { Latency } from './decision-stage.ts';
import type { JsonSpeed, ReasonsCost } from './reasons-stage.ts';
import type { AirCost } from './air-stage.ts';
import type { Measurement } from './bench-doc-schema.ts';
import type { RemediationLatency, RemediationRate } from './sim-time-figures.ts';
import { startupGoals, type StartupFigures } from './startup-figures.ts';

/** One measured subject: artifacts over CPU and wall time; rates are per CPU second (one core). */
export interface Throughput {
  readonly artifacts: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly perSecond: number;
  readonly nsPerArtifact: number;
}

/** A point of a scaling curve: marginal cost per artifact, relative to the curve's first point. */
export interface CurvePoint {
  readonly x: number;
  readonly artifacts: number;
  readonly nsPerArtifact: number;
  readonly relative: number;
  /** Fleet model, policy compile and generator set-up, measured by a one-artifact run. */
  readonly setupMs: number;
  /** Fleet curve only: ns to compile one device's context, paid on each device's first artifact. */
  readonly contextCompileNs?: number;
}

export interface StreamPoint extends CurvePoint {
  readonly perSecond: number;
  readonly baseRssMb: number;
  readonly peakRssMb: number;
}

/** One worker count's run. `wallMs`, `perSecond` and `workerMs` are its best measured pass (see `workerSteps`). */
export interface WorkerRun {
  readonly workers: number;
  readonly wallMs: number;
  readonly perSecond: number;
  readonly workerMs: readonly number[];
  /** Slices of the fleet each worker took in that pass (absent before issue 13's eleventh pass: fixed halves). */
  readonly slices?: readonly number[];
  /** Wall time of the first pass, which also pays each thread's first sightings (absent before 2026-12-06). */
  readonly firstPassMs?: number;
  /**
   * Median over the measured passes of the CPU time the process's other threads used during a pass: V8's helpers
   * (compiler, collector) and the main thread. Beside one worker they have a core of their own; beside N on N cores
   * they take a worker's. Absent where the system gives no per-thread scheduler times, and before issue 13's
   * fifteenth pass.
   */
  readonly otherThreadsMs?: number;
  /** Median over the measured passes of the time this count's workers, together, waited for a core (same source). */
  readonly waitedMs?: number;
}

/** The worker speed-up goal (issue 13): N workers against one, merged counts identical. */
export const WORKERS_GOAL = 1.8;

export interface WorkerFigures {
  readonly artifacts: number;
  readonly runs: readonly WorkerRun[];
  /**
   * Wall-time speed-up of the largest worker count over one worker, best measured pass against best: warmed pools
   * since the ninth pass, a fresh pool's second pass before it (2026-12-06), its first pass before that.
   */
  readonly speedup: number;
  /** The same in the first pass, each thread's first sightings included (absent before 2026-12-06). */
  readonly firstPassSpeedup?: number;
  /**
   * The median, over the measured pairs, of one pass of one worker over the N-worker pass right after it: two passes
   * seconds apart share the host's speed, where the best of each may come from different spells (shown beside the
   * judged figure, not judged; absent before issue 13's eleventh pass).
   */
  readonly pairedSpeedup?: number;
  /** Untimed passes each pool made after its first, before the measured ones (absent before the ninth pass). */
  readonly warmPasses?: number;
  /** Measured passes of each pool per round, alternating the pools (absent before the ninth pass). */
  readonly pairs?: number;
  /**
   * Slices a pass cuts the fleet into, taken by whichever worker is free (`SLICES_PER_PASS`); absent before the
   * eleventh pass, when each of N workers owned every N-th device.
   */
  readonly slicesPerPass?: number;
  /** The merged counts of every worker count are identical to the one-worker run. */
  readonly identical: boolean;
  /** …and to `countSimulation` in the main thread (undefined when the shapes differ). */
  readonly matchesPipeline?: boolean;
}

export interface BenchFigures {
  readonly pipeline: Throughput;
  readonly generator: Throughput;
  readonly loop: Throughput;
  readonly rx: Throughput;
  /** Throughput ratios: P over G, D over L. */
  readonly pOverG: number;
  readonly dOverL: number;
  /** P's cost beyond G, ns per artifact: what the pipeline adds to producing the (frozen) plain artifact. */
  readonly pBeyondGNs: number;
  /** Every verdict's reasons read, against counting only. */
  readonly reasons: ReasonsCost;
  /** The JSON report written to a null sink, MB/s. */
  readonly json: JsonSpeed;
  /** P with AIR off and on (issue 17); absent in results written before it. */
  readonly air?: AirCost;
  /** The device whose compiled context L, D and the latency use, and its Defender Antivirus mode. */
  readonly context: { readonly device: string; readonly mode: string };
  readonly latency: Latency;
  readonly remediationLatency: RemediationLatency;
  readonly remediationRate: RemediationRate;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly blockers: Readonly<Record<string, number>>;
  readonly alerts: number;
  readonly actionCenter: number;
  /** Start-up of the installed package against `node -e 0` (issue 14); absent from one-shape runs. */
  readonly startup?: StartupFigures;
}

export interface BenchCurves {
  readonly fleet: readonly CurvePoint[];
  readonly exclusionsRealistic: readonly CurvePoint[];
  readonly exclusionsAdversarial: readonly CurvePoint[];
  /** The exclusion matcher alone (exclusions.bench.ts), ns per lookup. */
  readonly exclusionMatcher?: ExclusionBenchResult;
  readonly indicators: readonly CurvePoint[];
  readonly stream: readonly StreamPoint[];
}

export interface GoalCheck {
  readonly id: string;
  readonly label: string;
  readonly value: number | boolean;
  readonly goal: string;
  readonly met: boolean;
  /** The run was long enough for `met` to mean something (see `longEnough`); else "too short to judge". */
  readonly judged: boolean;
}

export interface BenchResult {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  /**
   * The first CPU's model as the OS names it (`os.cpus()`), so a file says which machine it measured: absolute
   * figures, and `--compare` ratios between files, mean something only on one machine. Absent in files written before
   * issue 13's fourteenth pass (2026-12-06).
   */
  readonly cpuModel?: string;
  readonly mode: BenchMode;
  readonly options: Readonly<Record<string, unknown>>;
  readonly shape: BenchShape;
  /** 1-minute load average before and after: above the core count, every absolute figure is inflated. */
  readonly load: { readonly start: number; readonly end: number };
  readonly durationS: number;
  readonly figures: BenchFigures;
  readonly curves: BenchCurves;
  readonly workers?: WorkerFigures;
  readonly goals: readonly GoalCheck[];
  /** `--count N` (default 1): how many whole runs the medians above fold, and every figure id's min / median / max. */
  readonly repeats: { readonly count: number; readonly measurements: readonly Measurement[] };
  /** `--compare old.json`: each figure's ratio to the old file's. */
  readonly comparison?: readonly FigureComparison[];
}

/** One figure id compared with an earlier results file: `ratio` is new / old (median vs median, or value vs value). */
export interface FigureComparison {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly better: 'higher' | 'lower';
  readonly old?: number;
  readonly new?: number;
  /** new / old; absent when either side lacks the figure or the old value is 0. */
  readonly ratio?: number;
}

const last = <T>(items: readonly T[]): T | undefined => items[items.length - 1];

/** Every goal judged: what a caller that knows nothing of the run's length gets. */
const ALL_JUDGED: LongEnough = { pipeline: true, decision: true, curves: true, matcher: true, workers: true };

/**
 * Holds each figure to its goal; curves and workers only when measured. A timing goal is `judged` only
 * when `long` says its run was long enough (default: all judged); peak RSS and identical counts always are.
 *
 * @example
 * checkGoals(figures, curves, workers, longEnough(sizes)).find((goal) => goal.id === 'p-rate')?.met; // false below 10^6/s
 */
export function checkGoals(
  figures: BenchFigures,
  curves: BenchCurves,
  workers?: WorkerFigures,
  long: LongEnough = ALL_JUDGED,
): GoalCheck[] {
  // Results written before issue 13 have no field: the same difference, from their P and G.
  const beyondG = figures.pBeyondGNs ?? figures.pipeline.nsPerArtifact - figures.generator.nsPerArtifact;
  const goals: GoalCheck[] = [
    {
      id: 'p-rate',
      label: 'P artifacts/s (one core)',
      value: figures.pipeline.perSecond,
      goal: '≥ 1,500,000',
      met: figures.pipeline.perSecond >= 1.5e6,
      judged: long.pipeline,
    },
    { id: 'p-over-g', label: 'P / G', value: figures.pOverG, goal: '≥ 0.5', met: figures.pOverG >= 0.5, judged: long.pipeline },
    {
      id: 'p-beyond-g',
      label: "P's cost beyond G (ns/artifact)",
      value: beyondG,
      goal: '≤ 350',
      met: beyondG <= 350,
      judged: long.pipeline,
    },
    {
      id: 'l-rate',
      label: 'L decisions/s (one core)',
      value: figures.loop.perSecond,
      goal: '≥ 4,000,000',
      met: figures.loop.perSecond >= 4e6,
      judged: long.decision,
    },
    { id: 'd-over-l', label: 'D / L', value: figures.dOverL, goal: '≥ 0.25', met: figures.dOverL >= 0.25, judged: long.decision },
  ];
  if (figures.reasons !== undefined) {
    const value = figures.reasons.ratio;
    goals.push({
      id: 'reasons-cost',
      label: 'reasons read / counting',
      value,
      goal: '≤ 3×',
      met: value <= 3,
      judged: long.decision,
    });
  }
  const fleet = last(curves.fleet);
  if (fleet !== undefined && curves.fleet.length > 1) {
    goals.push({
      id: 'fleet',
      label: `fleet ${curves.fleet[0]?.x}→${fleet.x} devices (marginal cost)`,
      value: fleet.relative,
      goal: '≤ 1.5×',
      met: fleet.relative <= 1.5,
      judged: long.curves,
    });
    const compile = maxOf(
      curves.fleet.map((point) => point.contextCompileNs ?? 0),
      0,
    );
    goals.push({
      id: 'fleet-context',
      label: 'context compile per device (ns, worst fleet point)',
      value: compile,
      goal: '≤ 2,000',
      met: compile <= 2000,
      judged: long.curves,
    });
  }
  const realistic = last(curves.exclusionsRealistic);
  if (realistic !== undefined && curves.exclusionsRealistic.length > 1) {
    goals.push({
      id: 'exclusions',
      label: `exclusions ${curves.exclusionsRealistic[0]?.x}→${realistic.x} realistic (pipeline)`,
      value: realistic.relative,
      goal: '≤ 1.2×',
      met: realistic.relative <= 1.2,
      judged: long.curves,
    });
  }
  const indicators = last(curves.indicators);
  if (indicators !== undefined && curves.indicators.length > 1) {
    goals.push({
      id: 'indicators',
      label: `indicators ${curves.indicators[0]?.x}→${indicators.x} (pipeline)`,
      value: indicators.relative,
      goal: '≤ 1.2×',
      met: indicators.relative <= 1.2,
      judged: long.curves,
    });
  }
  if (curves.exclusionMatcher !== undefined) {
    const value = curves.exclusionMatcher.realisticRatio;
    goals.push({
      id: 'exclusion-matcher',
      label: 'exclusions smallest→largest realistic (matcher)',
      value,
      goal: '≤ 2×',
      met: value <= 2,
      judged: long.matcher,
    });
  }
  const stream10m = curves.stream.find((point) => point.x === 10_000_000);
  if (stream10m !== undefined) {
    goals.push({
      id: 'rss-10m',
      label: 'peak RSS at 10M artifacts (MB)',
      value: stream10m.peakRssMb,
      goal: '< 300',
      met: stream10m.peakRssMb < 300,
      judged: true,
    });
  }
  if (workers !== undefined) {
    goals.push({
      id: 'workers-speedup',
      label: `speed-up, ${last(workers.runs)?.workers ?? 0} workers vs 1`,
      value: workers.speedup,
      goal: `≥ ${WORKERS_GOAL}×`,
      met: workers.speedup >= WORKERS_GOAL,
      judged: long.workers,
    });
    const same = workers.identical && workers.matchesPipeline !== false;
    goals.push({
      id: 'workers-identical',
      label: 'sharded counts identical',
      value: same,
      goal: 'identical',
      met: same,
      judged: true,
    });
  }
  if (figures.startup !== undefined) append(goals, startupGoals(figures.startup));
  return goals;
}
