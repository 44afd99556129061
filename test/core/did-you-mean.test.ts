import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest, didYouMean, editDistance, nearest } from '../../engine/core/did-you-mean.ts';

describe('editDistance', () => {
  it.each([
    ['edrBlokMode', 'edrBlockMode', 1],
    ['ws-10', 'ws-01', 1],
    ['primaryAV', 'primaryAv', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('should count %s → %s as %i edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('should be symmetric and zero only for equal words (ignoring case)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = editDistance(a, b);
        return distance === editDistance(b, a) && (distance === 0) === (a.toLowerCase() === b.toLowerCase());
      }),
      { numRuns: 200 },
    );
  });
});

describe('didYouMean', () => {
  it('should suggest the closest candidate within a third of the word', () => {
    expect(didYouMean('cloudProtecton', ['installed', 'cloudProtection'])).toBe('did you mean "cloudProtection"?');
    expect(closest('windows-12', ['windows-10', 'windows-11'])).toBe('windows-10');
  });

  it('should suggest nothing for a word unlike every candidate', () => {
    expect(didYouMean('bogus', ['devices', 'tenant', 'name'])).toBeUndefined();
  });
});

describe('nearest', () => {
  it('should rank candidates by edit distance, ties in candidate order, and keep count of them', () => {
    expect(nearest('nope', ['plain', 'note', 'later', 'nape'], 2)).toEqual(['note', 'nape']);
    expect(nearest('x', ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(nearest('x', [])).toEqual([]);
  });

  it('should not compare a word longer than any typo, and still name candidates', () => {
    expect(nearest('x'.repeat(1_000_000), ['a1', 'a2'], 1)).toEqual(['a1']);
  });
});
