/** A pool of worker threads sharing a pass's slices of the fleet, taken as each thread comes free; counts merged. */
import { Worker } from 'node:worker_threads';
import type { Counts } from '../engine/pipeline/counts.ts';
import type { BenchShape } from './bench-shape.ts';
import { untilQuiet } from './measure.ts';
import { mergeCounts } from './shard-pipeline.ts';
import type { ShardJob, ShardMessage } from './shard-worker.ts';
import { passThreadTimes, threadTimes, type PassThreadTimes } from './thread-times.ts';

const WORKER_FILE = new URL('./workers/shard-worker.js', import.meta.url);

/**
 * Slices of the fleet a pass is cut into, whatever the pool's size (fewer for a smaller fleet): every pool does the
 * same work. Each worker counts its own slices, then claims the others' last ones (`claimedSlices`), so a thread on
 * a slower vCPU counts fewer and the pass ends within about one slice of even. With fixed halves a two-worker pass
 * waited for the slower vCPU: in one sitting its workers took 429 and 529 ms, 416 and 533, 573 and 393 (issue 13,
 * eleventh pass). 64 slices cost what one does in a single thread (the policy state is made once a pass,
 * `countShards`).
 */
export const SLICES_PER_PASS = 64;

/** One pass of the pool over every slice, timed from the main thread. */
export interface ShardPass {
  /** Wall time from "go" to the last worker's counts: worker start-up and input building excluded. */
  readonly wallMs: number;
  /** Each worker's own time for the pass. */
  readonly workerMs: readonly number[];
  /** How many of the pass's slices each worker took (`SLICES_PER_PASS` in all). */
  readonly slices: readonly number[];
  readonly counts: Counts;
  /**
   * What the pass's workers competed with (`passThreadTimes`): the process's other threads' CPU and the workers' wait
   * for a core. Absent where the system gives no per-thread scheduler times or a worker could not name its thread.
   */
  readonly threads?: PassThreadTimes;
}

/** `workers` threads over one shape, started and ready; each `pass` counts every slice once more. */
export interface ShardPool {
  readonly workers: number;
  /**
   * Starts every worker together on the pass's slices, once the process is quiet (`untilQuiet`), and waits for all:
   * one pass, counts merged.
   */
  pass(): Promise<ShardPass>;
  /** Stops the threads; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Spawns `workers` threads, each generating only the artifacts of the slices it takes, and resolves once all have
 * built their input. A pool is kept across passes so that its threads warm up as the main thread does: V8 tiers a
 * function up by how often it runs, and a worker's per-pass set-up runs once a pass (see bench/README.md,
 * ninth pass). Close it in a `finally`.
 *
 * @example
 * const pool = await openShardPool(shape, 2);
 * try { countsDigest((await pool.pass()).counts); } finally { await pool.close(); }
 */
export async function openShardPool(shape: BenchShape, workers: number): Promise<ShardPool> {
  const slices = Math.min(SLICES_PER_PASS, shape.devices);
  const buffer = new SharedArrayBuffer(slices * Int32Array.BYTES_PER_ELEMENT);
  const claims = new Int32Array(buffer);
  const threads = Array.from({ length: workers }, (_, worker) => {
    const job: ShardJob = { shape, claims: buffer, worker, workers };
    return new Worker(WORKER_FILE, { workerData: job });
  });
  const close = async (): Promise<void> => {
    await Promise.all(threads.map((thread) => thread.terminate()));
  };
  const inboxes = threads.map(inbox);
  let tids: string[] = [];
  try {
    const ready = await Promise.all(inboxes.map((next) => next('ready')));
    tids = ready.flatMap((message) => (message.type === 'ready' && message.tid !== undefined ? [message.tid] : []));
  } catch (error) {
    await close();
    throw error;
  }
  const pass = async (): Promise<ShardPass> => {
    // Not beside the collector work that the pool before left on V8's helper threads (`untilQuiet`).
    await untilQuiet();
    // Every slice free again before "go" (`claimedSlices`).
    for (let slice = 0; slice < slices; slice++) Atomics.store(claims, slice, 0);
    // Read outside the timed span; only when every worker named its thread, or a worker would count as "other".
    const before = tids.length === workers ? threadTimes() : undefined;
    const start = process.hrtime.bigint();
    const finished = inboxes.map((next) => next('done'));
    for (const thread of threads) thread.postMessage('go');
    const results = await Promise.all(finished);
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const after = before === undefined ? undefined : threadTimes();
    const done = results.filter((message): message is Extract<ShardMessage, { type: 'done' }> => message.type === 'done');
    return {
      wallMs,
      workerMs: done.map((message) => message.wallMs),
      slices: done.map((message) => message.slices),
      counts: mergeCounts(done.map((message) => message.counts)),
      ...(before === undefined || after === undefined ? {} : { threads: passThreadTimes(before, after, tids) }),
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
