/** Sizes of each benchmark mode, and the options `edrsim bench` accepts. */
import type { BenchShape } from './bench-shape.ts';

/** How a bench run was sized: `--quick`, the default curves, `--full`, or one explicit shape. */
export type BenchMode = 'quick' | 'default' | 'full' | 'shape';

/** What a caller may ask for; every field optional. Explicit sizes switch to the one-shape mode. */
export interface BenchOptions {
  readonly quick?: boolean;
  readonly full?: boolean;
  readonly devices?: number;
  readonly artifacts?: number;
  readonly exclusions?: number;
  readonly indicators?: number;
  /** Worker threads compared with one; default 2. Given with explicit sizes, adds the comparison. */
  readonly workers?: number;
  readonly seed?: number;
  /** Whole runs to repeat, reporting each figure's min, median and max; goals are judged on the median. Default 1. */
  readonly count?: number;
  /** Overrides of the mode's sizes, for tests and experiments (no CLI flag). */
  readonly sizes?: Partial<BenchSizes>;
}

export interface BenchSizes {
  /** Artifacts of the P and G runs (and of the worker comparison). */
  readonly artifacts: number;
  /** Pre-generated artifacts the L, D and latency loops cycle over. */
  readonly pool: number;
  /** Passes over the pool, best kept (L, D), and passes sampled for latency. */
  readonly rounds: number;
  /** Artifacts whose Action Center entries are timed on the virtual clock. */
  readonly simTime: number;
  /** Artifacts per point of the fleet, exclusion and indicator curves (fleet: at least FLEET_ARTIFACTS_PER_DEVICE per device). */
  readonly curve: number;
  readonly fleet: readonly number[];
  readonly exclusions: readonly number[];
  readonly indicators: readonly number[];
  readonly stream: readonly number[];
  /** Measuring time per row of the exclusion-matcher bench, ms, and the distinct targets it cycles over. */
  readonly matcherMinMs: number;
  readonly matcherTargets: number;
  /** Passes over each in-process curve (ascending, then descending), best point kept: drift cancels. */
  readonly curveRounds: number;
  /** Fresh pools of 1 and N workers, one after the other; best steady wall time of each count kept. */
  readonly workerRounds: number;
  /** Passes each pool makes after its first, untimed, before the measured ones: V8's tier-up (ninth pass). */
  readonly workerWarmPasses: number;
  /** Measured passes per round, alternating the 1-worker pool and the N-worker pool. */
  readonly workerPairs: number;
}

const DEFAULT_SIZES: BenchSizes = {
  artifacts: 1_000_000,
  pool: 200_000,
  rounds: 3,
  simTime: 200_000,
  curve: 150_000,
  fleet: [1_000, 10_000, 100_000, 1_000_000],
  exclusions: [10, 100, 1_000, 10_000],
  indicators: [100, 1_000, 5_000, 15_000],
  stream: [1_000_000, 10_000_000],
  matcherMinMs: 100,
  matcherTargets: 4096,
  curveRounds: 4,
  workerRounds: 2,
  workerWarmPasses: 3,
  workerPairs: 4,
};

export const SIZES: Readonly<Record<'quick' | 'default' | 'full', BenchSizes>> = {
  quick: {
    ...DEFAULT_SIZES,
    artifacts: 200_000,
    pool: 50_000,
    simTime: 50_000,
    curve: 50_000,
    fleet: [1_000, 10_000, 100_000],
    stream: [100_000, 1_000_000],
    matcherMinMs: 30,
    curveRounds: 1,
    workerWarmPasses: 1,
    workerPairs: 2,
  },
  default: DEFAULT_SIZES,
  full: { ...DEFAULT_SIZES, stream: [1_000_000, 10_000_000, 100_000_000] },
};

/** Which goals a run was long enough to judge; a goal of memory or correctness is always judged. */
export interface LongEnough {
  /** P and P / G: the P run's artifacts. */
  readonly pipeline: boolean;
  /** D / L: the pool and the passes over it. */
  readonly decision: boolean;
  /** The in-process curves: artifacts per point and rounds. */
  readonly curves: boolean;
  /** The exclusion matcher alone: measuring time per row. */
  readonly matcher: boolean;
  /** The worker speed-up: the sharded run's artifacts and rounds. */
  readonly workers: boolean;
}

/**
 * The one definition of "long enough to judge": at least the default mode's sizes, which bench/README.md
 * calls representative (a `--quick` worker run of 200,000 artifacts lasts well under a second, too short
 * for a stable speed-up). `artifacts` is the headline run's (an explicit `--artifacts`), default
 * `sizes.artifacts`.
 *
 * @example
 * longEnough(SIZES.quick).pipeline; // false: 200,000 artifacts < 1,000,000
 */
export function longEnough(sizes: BenchSizes, artifacts: number = sizes.artifacts): LongEnough {
  const least = DEFAULT_SIZES;
  return {
    pipeline: artifacts >= least.artifacts,
    decision: Math.min(sizes.pool, artifacts) >= least.pool && sizes.rounds >= least.rounds,
    curves: sizes.curve >= least.curve && sizes.curveRounds >= least.curveRounds,
    matcher: sizes.matcherMinMs >= least.matcherMinMs,
    workers:
      artifacts >= least.artifacts &&
      sizes.workerRounds >= least.workerRounds &&
      sizes.workerWarmPasses >= least.workerWarmPasses &&
      sizes.workerPairs >= least.workerPairs,
  };
}

/**
 * Artifacts per device at least, at every fleet-curve point: issue 13 measures the fleet at 10 per device,
 * so that a device's one-time cost is spread as in a real day, not over 2 artifacts. Runs before 2026-12-06's
 * second pass used 2 (their figures keep the ids `fleet.*`; these are `fleet10.*`, `figure-ids.ts`).
 */
export const FLEET_ARTIFACTS_PER_DEVICE = 10;

/** The fleet shape every curve varies one dimension of: 1,000 devices, 100 exclusions, 1,000 indicators. */
export const BASE_SHAPE: Omit<BenchShape, 'artifacts' | 'seed'> = { devices: 1_000, exclusions: 100, indicators: 1_000 };

/**
 * The mode the options select: explicit sizes mean `shape` (that shape only); otherwise `--quick`,
 * `--full` or the default.
 *
 * @example
 * benchMode({ devices: 50_000 }); // 'shape'
 */
export function benchMode(options: BenchOptions): BenchMode {
  const explicit = [options.devices, options.artifacts, options.exclusions, options.indicators].some(
    (size) => size !== undefined,
  );
  if (explicit) return 'shape';
  if (options.quick === true) return 'quick';
  return options.full === true ? 'full' : 'default';
}

/**
 * The sizes the options select: `--quick`, `--full` or the default, with any override applied.
 *
 * @example
 * benchSizes({ quick: true }).stream; // [100_000, 1_000_000]
 */
export function benchSizes(options: BenchOptions): BenchSizes {
  const sizes = SIZES[options.quick === true ? 'quick' : options.full === true ? 'full' : 'default'];
  return { ...sizes, ...options.sizes };
}

/** The shape of the headline run: the base shape, with any explicit size and the seed (default 7). */
export function headlineShape(options: BenchOptions, sizes: BenchSizes): BenchShape {
  return {
    devices: options.devices ?? BASE_SHAPE.devices,
    artifacts: options.artifacts ?? sizes.artifacts,
    exclusions: options.exclusions ?? BASE_SHAPE.exclusions,
    indicators: options.indicators ?? BASE_SHAPE.indicators,
    seed: options.seed ?? 7,
  };
}
