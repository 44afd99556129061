import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted } from '../../engine/pipeline/merge-sorted.ts';

describe('mergeSorted', () => {
  it('should merge sorted sources into one sorted sequence holding every item', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 50 }))), (lists) => {
        const sources = lists.map((list) => [...list].sort((a, b) => a - b));
        const merged = [...mergeSorted(sources, (n) => n)];
        expect(merged).toEqual(sources.flat().sort((a, b) => a - b));
      }),
    );
  });

  it('should keep source order for equal items so the merge is deterministic', () => {
    const merged = [...mergeSorted([[{ t: 1, s: 'a' }], [{ t: 1, s: 'b' }], [{ t: 0, s: 'c' }]], (x) => x.t)];
    expect(merged.map((x) => x.s)).toEqual(['c', 'a', 'b']);
  });

  it('should pull lazily, holding one pending item per source', () => {
    let pulled = 0;
    function* counting(): Generator<number> {
      for (let i = 0; ; i += 2) {
        pulled++;
        yield i;
      }
    }
    const merged = mergeSorted([counting(), [1, 3]], (n) => n);
    const firstFive: number[] = [];
    for (const x of merged) {
      firstFive.push(x);
      if (firstFive.length === 5) break;
    }
    expect(firstFive).toEqual([0, 1, 2, 3, 4]);
    expect(pulled).toBeLessThanOrEqual(4);
  });
});
