import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeHeap } from '../../engine/core/time-heap.ts';

const pair = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 }));
const sorted = (pairs: readonly [number, number][]): [number, number][] => [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

function drain(heap: TimeHeap): [number, number][] {
  const out: [number, number][] = [];
  while (heap.size > 0) {
    out.push([heap.topTime, heap.topKey]);
    heap.pop();
  }
  return out;
}

describe('TimeHeap', () => {
  it('should pop pushed pairs in (time, key) order, like sorting, growing past its first capacity', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 80 }), (pairs) => {
        const heap = new TimeHeap(1);
        for (const [time, key] of pairs) heap.push(time, key);
        expect(drain(heap)).toEqual(sorted(pairs));
      }),
      { numRuns: 200 },
    );
  });

  it('should order adopted arrays as pushes would, and keep order when the top is replaced', () => {
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 60 }), pair, (pairs, replacement) => {
        const heap = TimeHeap.adopt(
          Float64Array.from(pairs, (p) => p[0]),
          Int32Array.from(pairs, (p) => p[1]),
          pairs.length,
        );
        const rest = sorted(pairs).slice(1);
        heap.replaceTop(replacement[0], replacement[1]);
        expect(drain(heap)).toEqual(sorted([...rest, replacement]));
      }),
      { numRuns: 200 },
    );
  });

  it('should grow from an empty adopted heap and ignore pop when empty', () => {
    const heap = TimeHeap.adopt(new Float64Array(0), new Int32Array(0), 0);
    heap.pop();
    heap.push(5, 1);
    heap.push(5, 0);
    expect(drain(heap)).toEqual([
      [5, 0],
      [5, 1],
    ]);
  });
});
