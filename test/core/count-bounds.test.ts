import { describe, expect, it } from 'vitest';
import { describeBounds, withinBounds } from '../../engine/core/count-bounds.ts';

describe('count bounds', () => {
  it('should say every bound given, in the order count, at least, at most', () => {
    expect(describeBounds({ atMost: 3, atLeast: 1 })).toBe('at least 1 and at most 3');
    expect(describeBounds({ count: 0 })).toBe('exactly 0');
  });
  it('should hold only when every bound given holds, each inclusive', () => {
    expect(withinBounds({ atLeast: 1, atMost: 3 }, 1)).toBe(true);
    expect(withinBounds({ atLeast: 1, atMost: 3 }, 3)).toBe(true);
    expect(withinBounds({ atLeast: 1, atMost: 3 }, 4)).toBe(false);
    expect(withinBounds({ count: 2 }, 1)).toBe(false);
    expect(withinBounds({}, 7)).toBe(true);
  });
});
