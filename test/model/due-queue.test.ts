import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueQueue } from '../../engine/model/due-queue.ts';

describe('DueQueue — pending propagation order', () => {
  it('should pop entries in (time, index) order, like sorting', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }))), (entries) => {
        const queue = new DueQueue(() => true);
        for (const [at, index] of entries) queue.push(at, index);
        const popped: [number, number][] = [];
        for (let next = queue.peek(); next !== undefined; next = queue.peek()) {
          popped.push([next.at, next.index]);
          queue.pop();
        }
        expect(popped).toEqual([...entries].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
      }),
      { numRuns: 200 },
    );
  });

  it('should skip entries that are no longer live', () => {
    const live = new Set(['20:2']);
    const queue = new DueQueue((at, index) => live.has(`${at}:${index}`));
    queue.push(10, 1);
    queue.push(20, 2);
    expect(queue.peek()).toEqual({ at: 20, index: 2 });
    live.clear();
    expect(queue.peek()).toBeUndefined();
  });
});
