import { describe, expect, it } from 'vitest';
import {
  PROCESS_PROBE,
  QUIET_CPU_MS,
  QUIET_MAX_WINDOWS,
  QUIET_WINDOW_MS,
  untilQuiet,
  type QuietProbe,
} from '../../bench/measure.ts';

/** A process whose CPU grows by `used[i]` ms during window i (the last value repeats), and the pauses asked for. */
function fakeProcess(used: readonly number[]): { probe: QuietProbe; pauses: number[] } {
  let cpu = 0;
  const pauses: number[] = [];
  const probe: QuietProbe = {
    cpuMs: () => cpu,
    pause: async (ms) => {
      cpu += used[Math.min(pauses.length, used.length - 1)]!;
      pauses.push(ms);
    },
  };
  return { probe, pauses };
}

describe('untilQuiet', () => {
  it('returns after the first window in which the process used less than the quiet CPU', async () => {
    const { probe, pauses } = fakeProcess([40, 12, QUIET_CPU_MS, 0]);
    expect(await untilQuiet(probe)).toBe(true);
    // Busy, busy, exactly at the limit (not under it), then quiet.
    expect(pauses).toEqual([QUIET_WINDOW_MS, QUIET_WINDOW_MS, QUIET_WINDOW_MS, QUIET_WINDOW_MS]);
  });

  it('takes one window when the process is already quiet', async () => {
    const { probe, pauses } = fakeProcess([0.2]);
    expect(await untilQuiet(probe)).toBe(true);
    expect(pauses).toHaveLength(1);
  });

  it('gives up after the last window of a process that never settles, so the pass still runs', async () => {
    const { probe, pauses } = fakeProcess([5]);
    expect(await untilQuiet(probe)).toBe(false);
    expect(pauses).toHaveLength(QUIET_MAX_WINDOWS);
  });

  it("by default reads this process's CPU time, which work on this thread raises", () => {
    const before = PROCESS_PROBE.cpuMs();
    let spin = 0;
    for (let i = 0; i < 2e7; i++) spin = (spin + i) % 1_000_003;
    expect(spin).toBeGreaterThanOrEqual(0);
    expect(PROCESS_PROBE.cpuMs()).toBeGreaterThan(before);
  });
});
