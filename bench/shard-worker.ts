/** Worker-thread entry: builds its input from the shape, says ready, then counts its shard once per "go". */
import { parentPort, workerData } from 'node:worker_threads';
import { benchInput, type BenchShape } from './bench-shape.ts';
import { countShard, type Shard } from './shard-pipeline.ts';
import { withArtifacts } from './stream-stage.ts';

/** What the main thread sends at spawn time (structured-cloned). */
export interface ShardJob {
  readonly shape: BenchShape;
  readonly shard: Shard;
}

/** Messages a shard worker posts: `ready` once its input is built, `done` with one pass's counts and run time. */
export type ShardMessage =
  { readonly type: 'ready' } | { readonly type: 'done'; readonly counts: ReturnType<typeof countShard>; readonly wallMs: number };

const port = parentPort;
if (port !== null) {
  const job = workerData as ShardJob;
  // Building the input (fleet, lists, indicator sample) is set-up: done before the clock starts.
  const input = benchInput(job.shape);
  // A new thread runs cold: warm its JIT on a short run, as the main thread's P is warmed, before the clock.
  countShard(withArtifacts(input, Math.min(50_000, job.shape.artifacts)), job.shard);
  // Each "go" is one whole pass over the shard. The first pass also makes the thread's first sightings (catalog
  // line records, memo answers); later passes find V8 has tiered up the per-pass set-up (`workerSteps` warms them).
  port.on('message', () => {
    const start = process.hrtime.bigint();
    const counts = countShard(input, job.shard);
    const message: ShardMessage = { type: 'done', counts, wallMs: Number(process.hrtime.bigint() - start) / 1e6 };
    port.postMessage(message);
  });
  port.postMessage({ type: 'ready' } satisfies ShardMessage);
}
