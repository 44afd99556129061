// ddmin: a 1-minimal subset that still passes the test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deltaDebug } from '../../engine/diff/delta-debug.ts';

describe('deltaDebug', () => {
  it('should find the one change that matters', () => {
    expect(deltaDebug([1, 2, 3, 4, 5], (set) => set.includes(3))).toEqual([3]);
  });

  it('should find a pair that only works together', () => {
    expect(deltaDebug([1, 2, 3, 4, 5, 6, 7, 8], (set) => set.includes(2) && set.includes(7))).toEqual([2, 7]);
  });

  it('should return a subset that passes and from which no single change can be dropped', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(20), { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(fc.nat(20), { maxLength: 3 }),
        (all, needed) => {
          const must = needed.filter((n) => all.includes(n));
          const test = (set: readonly number[]) => must.every((n) => set.includes(n)) && set.length > 0;
          const found = deltaDebug(all, test);
          expect(test(found)).toBe(true);
          for (let i = 0; i < found.length && found.length > 1; i++) expect(test(found.filter((_, j) => j !== i))).toBe(false);
        },
      ),
    );
  });
});
