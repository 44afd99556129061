/** Per-thread CPU and wait times of this process, from Linux's scheduler statistics: what a worker pass competes with. */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** One thread's totals since it started, in nanoseconds. */
export interface ThreadTime {
  /** Time on a CPU. */
  readonly runNs: number;
  /** Time runnable but waiting for a CPU. */
  readonly waitNs: number;
}

/** Every thread of this process by thread id, at one moment. */
export type ThreadTimes = ReadonlyMap<string, ThreadTime>;

/**
 * A `schedstat` file's first two numbers (`/proc/<pid>/task/<tid>/schedstat`: run ns, wait ns, time slices), or
 * undefined when the text is not that.
 *
 * @example
 * parseSchedstat('2033620 157040 12\n'); // { runNs: 2033620, waitNs: 157040 }
 */
export function parseSchedstat(text: string): ThreadTime | undefined {
  const match = /^(\d{1,20}) (\d{1,20}) \d{1,20}\s*$/.exec(text);
  if (match === null) return undefined;
  const runNs = Number(match[1]);
  const waitNs = Number(match[2]);
  return Number.isSafeInteger(runNs) && Number.isSafeInteger(waitNs) ? { runNs, waitNs } : undefined;
}

/**
 * Every thread's times now, or undefined where the system has no per-thread scheduler statistics (not Linux, or a
 * kernel without `CONFIG_SCHEDSTATS`). A thread that ends while it is read is left out.
 *
 * @example
 * threadTimes()?.get(String(process.pid))?.runNs; // the main thread's CPU time so far, ns
 */
export function threadTimes(): ThreadTimes | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const times = new Map<string, ThreadTime>();
  for (const tid of tids) {
    let text: string;
    try {
      text = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8');
    } catch {
      continue;
    }
    const time = parseSchedstat(text);
    if (time !== undefined) times.set(tid, time);
  }
  return times.size === 0 ? undefined : times;
}

/**
 * The calling thread's id (`/proc/thread-self` is `<pid>/task/<tid>`), or undefined where there is none.
 *
 * @example
 * ownThreadId(); // '41234' in a worker thread of process 41200
 */
export function ownThreadId(): string | undefined {
  try {
    return /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1];
  } catch {
    return undefined;
  }
}

/** What a pass's workers competed with: the other threads' CPU and the workers' wait for a core, ms. */
export interface PassThreadTimes {
  /** CPU time of every thread of the process but the pass's workers (V8's helper threads, the main thread, …). */
  readonly otherThreadsMs: number;
  /** Time the pass's workers, together, were runnable but waiting for a CPU. */
  readonly waitedMs: number;
}

/**
 * Splits the change between two readings into the workers' waiting and everyone else's CPU. A thread that started
 * between them counts from zero; one that ended before the second is left out (its last moments are lost).
 *
 * @example
 * passThreadTimes(before, after, ['41234', '41235']).otherThreadsMs; // e.g. 24.5
 */
export function passThreadTimes(before: ThreadTimes, after: ThreadTimes, workers: readonly string[]): PassThreadTimes {
  const mine = new Set(workers);
  let otherNs = 0;
  let waitedNs = 0;
  for (const [tid, now] of after) {
    const then = before.get(tid) ?? { runNs: 0, waitNs: 0 };
    if (mine.has(tid)) waitedNs += Math.max(0, now.waitNs - then.waitNs);
    else otherNs += Math.max(0, now.runNs - then.runNs);
  }
  return { otherThreadsMs: otherNs / 1e6, waitedMs: waitedNs / 1e6 };
}
