import { describe, expect, it } from 'vitest';
import { append, maxOf, minOf } from '../../engine/core/append.ts';

describe('append', () => {
  it('should append 600,000 items, where push(...items) overflows the stack', () => {
    const items = new Array<number>(600_000).fill(1);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    expect(append([0], items)).toHaveLength(600_001);
  });
});

describe('maxOf and minOf', () => {
  it('should agree with Math.max and Math.min, floor and ceiling included', () => {
    for (const values of [[3, 9, 4], [], [-1], [2, Number.NaN, 5]]) {
      expect(maxOf(values)).toBe(Math.max(...values));
      expect(minOf(values)).toBe(Math.min(...values));
      expect(maxOf(values, 4)).toBe(Math.max(4, ...values));
      expect(minOf(values, 4)).toBe(Math.min(4, ...values));
    }
  });

  it('should take 600,000 values', () => {
    const values = Array.from({ length: 600_000 }, (_, i) => i);
    expect([maxOf(values), minOf(values)]).toEqual([599_999, 0]);
  });
});
