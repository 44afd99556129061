/** Worker-thread entry: builds its input from the shape, says ready, then counts slices of the fleet once per "go". */
import { parentPort, workerData } from 'node:worker_threads';
import { benchInput, type BenchShape } from './bench-shape.ts';
import { countShards } from './shard-pipeline.ts';
import { claimedSlices } from './slice-claims.ts';
import { withArtifacts } from './stream-stage.ts';

/** What the main thread sends at spawn time (structured-cloned; the claims buffer is shared, not copied). */
export interface ShardJob {
  readonly shape: BenchShape;
  /** One Int32 a slice of the fleet (device i in slice `i % slices`), shared by the pool: 1 once a worker took it. */
  readonly claims: SharedArrayBuffer;
  /** This worker's place in the pool, and the pool's size: which slices it owns (`claimedSlices`). */
  readonly worker: number;
  readonly workers: number;
}

/** Messages a shard worker posts: `ready` once its input is built, `done` with one pass's counts, run time and slices taken. */
export type ShardMessage =
  | { readonly type: 'ready' }
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
  // A new thread runs cold: warm its JIT on a short run of every slice, as the main thread's P is warmed, before the
  // clock: its own slices, claimed in a private array (the pool's is for the timed passes).
  const warm = new Int32Array(claims.length);
  countShards(withArtifacts(input, Math.min(50_000, job.shape.artifacts)), claimedSlices(warm, job.worker, job.workers));
  // Each "go" is one pass: this thread claims and counts slices until none is left. The first pass also makes the
  // thread's first sightings (catalog line records, memo answers); later passes find V8 has tiered up the per-pass
  // set-up (`workerSteps` warms them).
  port.on('message', () => {
    const start = process.hrtime.bigint();
    const { counts, slices } = countShards(input, claimedSlices(claims, job.worker, job.workers));
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    port.postMessage({ type: 'done', counts, wallMs, slices } satisfies ShardMessage);
  });
  port.postMessage({ type: 'ready' } satisfies ShardMessage);
}
