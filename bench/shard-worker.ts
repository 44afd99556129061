/** Worker-thread entry: builds its input from the shape, says ready, then counts slices of the fleet once per "go". */
import { parentPort, workerData } from 'node:worker_threads';
import { benchInput, type BenchShape } from './bench-shape.ts';
import { countShards } from './shard-pipeline.ts';
import { claimedSlices } from './slice-claims.ts';
import { withArtifacts } from './stream-stage.ts';
import { ownThreadId } from './thread-times.ts';

/** What the main thread sends at spawn time (structured-cloned; the claims buffer is shared, not copied). */
export interface ShardJob {
  readonly shape: BenchShape;
  /** One Int32 a slice of the fleet (device i in slice `i % slices`), shared by the pool: 1 once a worker took it. */
  readonly claims: SharedArrayBuffer;
  /** This worker's place in the pool, and the pool's size: which slices it owns (`claimedSlices`). */
  readonly worker: number;
  readonly workers: number;
}

/**
 * Short runs a new thread makes before it says ready, each over every slice with a fresh policy state, as a pass is.
 * A pass's set-up (the policy lists' parse and compile, each slice's model, contexts and generator plan) runs once a
 * pass or once a slice, and V8 tiers a function up by how much of it has run, so one short run left it compiling in
 * the timed passes. Those TurboFan jobs run on V8's helper threads: beside one worker they take the idle core, beside
 * two they take a worker's. Measured over ten timed passes of the default shape (three isolates, `--trace-opt`, two
 * processes each): 90–104 jobs and 342–390 ms of compiling after 1 run of these, 33–59 jobs and 111–149 ms after 24
 * (issue 13, fifteenth pass; bench/README.md). The hot path is warm after the first run; the rest add invocations of
 * the set-up.
 */
export const WARM_RUNS = 24;
/** Artifacts in each warm-up run (fewer when the shape has fewer). */
export const WARM_ARTIFACTS = 20_000;

/**
 * Messages a shard worker posts: `ready` once its input is built (with its thread id where the system has one, so the
 * pool can tell its workers' scheduler times from the other threads'), `done` with one pass's counts, run time and
 * slices taken.
 */
export type ShardMessage =
  | { readonly type: 'ready'; readonly tid?: string }
  | {
      readonly type: 'done';
      readonly counts: ReturnType<typeof countShards>['counts'];
      readonly wallMs: number;
      readonly slices: number;
    };

const port = parentPort;
if (port !== null) {
  const job = workerData as ShardJob;
  const claims = new Int32Array(job.claims);
  // Building the input (fleet, lists, indicator sample) is set-up: done before the clock starts.
  const input = benchInput(job.shape);
  // A new thread runs cold: warm its JIT before the clock on short runs of every slice (`WARM_RUNS`), claimed in a
  // private array (the pool's is for the timed passes).
  const warm = new Int32Array(claims.length);
  const short = withArtifacts(input, Math.min(WARM_ARTIFACTS, job.shape.artifacts));
  for (let run = 0; run < WARM_RUNS; run++) {
    warm.fill(0);
    countShards(short, claimedSlices(warm, job.worker, job.workers));
  }
  // Each "go" is one pass: this thread claims and counts slices until none is left. The first pass also makes the
  // thread's first sightings (catalog line records, memo answers); later passes find V8 has tiered up the per-pass
  // set-up (`workerSteps` warms them).
  port.on('message', () => {
    const start = process.hrtime.bigint();
    const { counts, slices } = countShards(input, claimedSlices(claims, job.worker, job.workers));
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    port.postMessage({ type: 'done', counts, wallMs, slices } satisfies ShardMessage);
  });
  const tid = ownThreadId();
  port.postMessage({ type: 'ready', ...(tid === undefined ? {} : { tid }) } satisfies ShardMessage);
}
