// Locating a JSON syntax error, for line numbers on Node versions whose errors do not give one.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../engine/policy/exclusions/json-error-offset.ts';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": [1,]}', 9],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['{"a": tru}', 6],
    ['{"a": 1} x', 9],
    ['"abc', 4],
  ])('should find the error in %s at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('should return -1 for valid JSON', () => {
    expect(jsonErrorOffset('{ "a": [1, -2.5e3, "x\\"y", true, null, {}] }')).toBe(-1);
  });
});
