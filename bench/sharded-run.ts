/** Runs one shape on N worker threads sharded by device and merges their counts. */
import { Worker } from 'node:worker_threads';
import type { Counts } from '../engine/pipeline/counts.ts';
import type { BenchShape } from './bench-shape.ts';
import { mergeCounts } from './shard-pipeline.ts';
import type { ShardJob, ShardMessage } from './shard-worker.ts';

const WORKER_FILE = new URL('./workers/shard-worker.js', import.meta.url);

/** One pass of every worker over its shard, timed from the main thread. */
export interface ShardPass {
  /** Wall time from "go" to the last worker's counts: worker start-up and input building excluded. */
  readonly wallMs: number;
  /** Each worker's own time for the pass. */
  readonly workerMs: readonly number[];
  readonly counts: Counts;
}

export interface ShardedRun {
  readonly workers: number;
  /** The first pass: it also pays each thread's first sightings (catalog line records, memo answers). */
  readonly first: ShardPass;
  /** The second pass over the same shards: the steady state, as P's better of two runs is. */
  readonly steady: ShardPass;
}

/**
 * Spawns `workers` threads, each generating only its devices' artifacts, waits until all have built
 * their input, then starts them together twice: a first pass, and a second one over the same shards.
 * Each pass's counts are merged.
 *
 * @example
 * const run = await runSharded(shape, 2);
 * countsDigest(run.steady.counts) === countsDigest(countSimulation(benchInput(shape)).counts); // true
 */
export async function runSharded(shape: BenchShape, workers: number): Promise<ShardedRun> {
  const threads = Array.from({ length: workers }, (_, index) => {
    const job: ShardJob = { shape, shard: { index, of: workers } };
    return new Worker(WORKER_FILE, { workerData: job });
  });
  try {
    const inboxes = threads.map(inbox);
    await Promise.all(inboxes.map((next) => next('ready')));
    const pass = async (): Promise<ShardPass> => {
      const start = process.hrtime.bigint();
      const finished = inboxes.map((next) => next('done'));
      for (const thread of threads) thread.postMessage('go');
      const results = await Promise.all(finished);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const done = results.filter((message): message is Extract<ShardMessage, { type: 'done' }> => message.type === 'done');
      return {
        wallMs,
        workerMs: done.map((message) => message.wallMs),
        counts: mergeCounts(done.map((message) => message.counts)),
      };
    };
    const first = await pass();
    return { workers, first, steady: await pass() };
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/** Reads a worker's messages in order; a worker error or early exit rejects the pending read. */
function inbox(thread: Worker): (type: ShardMessage['type']) => Promise<ShardMessage> {
  const queue: ShardMessage[] = [];
  let waiting: { type: string; resolve: (message: ShardMessage) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const deliver = (): void => {
    if (waiting === undefined) return;
    // Messages already received win over a later exit: a worker may end right after posting `done`.
    const message = queue.shift();
    if (message === undefined) {
      if (failure !== undefined) waiting.reject(failure);
      return;
    }
    const { type, resolve, reject } = waiting;
    waiting = undefined;
    if (message.type === type) resolve(message);
    else reject(new Error(`shard worker sent "${message.type}", expected "${type}"`));
  };
  thread.on('message', (message: ShardMessage) => {
    queue.push(message);
    deliver();
  });
  thread.on('error', (error) => {
    failure = error;
    deliver();
  });
  thread.on('exit', (code) => {
    failure ??= new Error(`shard worker exited with code ${code} before finishing`);
    deliver();
  });
  return (type) =>
    new Promise((resolve, reject) => {
      waiting = { type, resolve, reject };
      deliver();
    });
}
