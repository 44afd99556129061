/** A pool of worker threads, each counting one shard of a shape by device; each pass merges their counts. */
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

/** `workers` threads over one shape, started and ready; each `pass` counts every shard once more. */
export interface ShardPool {
  readonly workers: number;
  /** Starts every worker on its shard together and waits for all: one pass, counts merged. */
  pass(): Promise<ShardPass>;
  /** Stops the threads; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Spawns `workers` threads, each generating only its devices' artifacts, and resolves once all have built
 * their input. A pool is kept across passes so that its threads warm up as the main thread does: V8 tiers a
 * function up by how often it runs, and a worker's per-pass set-up runs once a pass (see bench/README.md,
 * ninth pass). Close it in a `finally`.
 *
 * @example
 * const pool = await openShardPool(shape, 2);
 * try { countsDigest((await pool.pass()).counts); } finally { await pool.close(); }
 */
export async function openShardPool(shape: BenchShape, workers: number): Promise<ShardPool> {
  const threads = Array.from({ length: workers }, (_, index) => {
    const job: ShardJob = { shape, shard: { index, of: workers } };
    return new Worker(WORKER_FILE, { workerData: job });
  });
  const close = async (): Promise<void> => {
    await Promise.all(threads.map((thread) => thread.terminate()));
  };
  const inboxes = threads.map(inbox);
  try {
    await Promise.all(inboxes.map((next) => next('ready')));
  } catch (error) {
    await close();
    throw error;
  }
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
  return { workers, pass, close };
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
