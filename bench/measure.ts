/** Timing primitives of the benchmark: wall and CPU time of one call, throughput, quantiles, peak memory. */
import { cpus, loadavg } from 'node:os';
import { setTimeout as pause } from 'node:timers/promises';
import { ownPeakRssKib } from './workers/own-peak-rss.js';

/** One measured call. CPU time is this process's (user + system), so it counts GC helper threads too. */
export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * Runs `fn` once and returns its result with the wall and CPU time it took. Single-threaded figures are
 * compared on CPU time: on a shared machine, time spent descheduled inflates wall time only.
 *
 * @example
 * const { value, timing } = timed(() => countSimulation(input)); // timing.cpuMs ≈ 1500
 */
export function timed<T>(fn: () => T): { value: T; timing: Timing } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = fn();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { value, timing: { wallMs, cpuMs: (used.user + used.system) / 1e3 } };
}

/** The faster of two timings by CPU time (noise only ever makes a run slower). */
export function best(a: Timing | undefined, b: Timing): Timing {
  return a === undefined || b.cpuMs < a.cpuMs ? b : a;
}

/** Items per second for `count` items in `ms`; 0 when nothing was timed. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** Nanoseconds per item. */
export function nsPer(count: number, ms: number): number {
  return count > 0 ? (ms * 1e6) / count : 0;
}

/**
 * The q-quantile (0…1) of ascending `sorted` values, nearest rank; 0 for an empty list.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Peak resident set size of this process so far, MB: its own, not a forked child's inherited start (own-peak-rss.js). */
export function peakRssMb(): number {
  return ownPeakRssKib() / 1024;
}

/**
 * The first CPU's model name, spaces collapsed, or `unknown` when the OS gives none.
 *
 * @example
 * cpuModel(); // 'AMD EPYC' on this machine (a KVM guest names little more)
 */
export function cpuModel(): string {
  const model = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? '';
  return model === '' ? 'unknown' : model;
}

/** The 1-minute load average, rounded: how shared the machine was while measuring. */
export function load1(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** Ratio of `value` to `base`, 0 when the base is 0 (a curve's point relative to its smallest point). */
export function ratio(value: number, base: number): number {
  return base > 0 ? value / base : 0;
}

/** How `untilQuiet` watches the process: its CPU time so far, ms, and a pause; tests replace both. */
export interface QuietProbe {
  readonly cpuMs: () => number;
  readonly pause: (ms: number) => Promise<unknown>;
}

/** Every thread of this process (`process.cpuUsage`), and a timer. */
export const PROCESS_PROBE: QuietProbe = {
  cpuMs: () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e3;
  },
  pause,
};

/** `untilQuiet`'s window, ms, and the CPU the whole process may use in one and still be quiet (a tenth of a core). */
export const QUIET_WINDOW_MS = 10;
export const QUIET_CPU_MS = 1;
/** Windows `untilQuiet` waits at most (half a second), so a process that never settles still gets measured. */
export const QUIET_MAX_WINDOWS = 50;

/**
 * Waits until the whole process, every thread of it, used under `QUIET_CPU_MS` of CPU in a `QUIET_WINDOW_MS` window:
 * true once it did, false after `QUIET_MAX_WINDOWS` windows without. Idle threads still run V8's leftover work (an
 * incremental marking finished by a task, concurrent sweeping), so a timed pass started right after another pool's
 * pass could run beside that pool's collector: in 30 two-worker passes of the default shape (three processes), 4 ran
 * beside 129–158 ms of other threads' CPU against medians of 25–32 ms; waiting for a quiet window first, none above 57
 * ms in 30 (issue 13, sixteenth pass). Nothing is measured while it waits.
 *
 * @example
 * await untilQuiet(); // usually one window: true after about 10 ms
 */
export async function untilQuiet(probe: QuietProbe = PROCESS_PROBE): Promise<boolean> {
  for (let window = 0; window < QUIET_MAX_WINDOWS; window++) {
    const before = probe.cpuMs();
    await probe.pause(QUIET_WINDOW_MS);
    if (probe.cpuMs() - before < QUIET_CPU_MS) return true;
  }
  return false;
}
