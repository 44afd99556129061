import { describe, expect, it } from 'vitest';
import { ownThreadId, parseSchedstat, passThreadTimes, threadTimes, type ThreadTimes } from '../../bench/thread-times.ts';

const times = (entries: Record<string, [number, number]>): ThreadTimes =>
  new Map(Object.entries(entries).map(([tid, [runNs, waitNs]]) => [tid, { runNs, waitNs }]));

describe('per-thread scheduler times (the competition of a worker pass)', () => {
  it("should read a schedstat line's run and wait nanoseconds, and nothing from any other text", () => {
    expect(parseSchedstat('2033620 157040 12\n')).toEqual({ runNs: 2033620, waitNs: 157040 });
    expect(parseSchedstat('0 0 0')).toEqual({ runNs: 0, waitNs: 0 });
    for (const bad of ['', '1 2', '1 2 3 4', '-1 2 3', '1.5 2 3', 'a b c', '1 2 3\n4 5 6', `${'9'.repeat(20)} 1 1`]) {
      expect(parseSchedstat(bad)).toBeUndefined();
    }
  });

  it("should count the workers' wait and every other thread's CPU, a new thread from zero, never a negative change", () => {
    const before = times({ main: [1e6, 0], w1: [5e6, 1e6], w2: [5e6, 2e6], helper: [3e6, 9e6], gone: [1e6, 1e6] });
    const after = times({ main: [2e6, 5e6], w1: [9e6, 4e6], w2: [9e6, 2e6], helper: [7e6, 9e6], fresh: [2e6, 1e6], odd: [0, 0] });
    // main +1 ms, helper +4 ms, fresh 2 ms (from zero), odd 0 (absent before: zero, not negative); w1 waited 3 ms, w2 0.
    expect(passThreadTimes(before, after, ['w1', 'w2'])).toEqual({ otherThreadsMs: 7, waitedMs: 3 });
    // A counter that went backwards (a reused thread id) adds nothing.
    expect(passThreadTimes(times({ w1: [9e6, 9e6], x: [9e6, 0] }), times({ w1: [1e6, 1e6], x: [1e6, 0] }), ['w1'])).toEqual({
      otherThreadsMs: 0,
      waitedMs: 0,
    });
  });

  // /proc is Linux's: elsewhere threadTimes() is undefined and the bench leaves the two columns out.
  it.skipIf(process.platform !== 'linux')(
    'should read this process on Linux: this thread by its own id, with CPU time, and the main thread',
    () => {
      const now = threadTimes();
      const tid = ownThreadId();
      expect(tid).toMatch(/^\d+$/);
      expect(now?.get(tid ?? '')?.runNs).toBeGreaterThan(0);
      expect(now?.has(String(process.pid))).toBe(true);
    },
  );
});
