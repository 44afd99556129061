// Segment globs: `*` any run, `?` one character, within one segment, with no backtracking (§4.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSegmentGlob, countWildcards, matchSegmentGlob } from '../../../engine/policy/exclusions/index.ts';
import { referenceMatch } from './reference-matcher.ts';

const glob = (pattern: string, text: string): boolean => matchSegmentGlob(compileSegmentGlob(pattern), text);

describe('matchSegmentGlob', () => {
  it.each([
    ['contoso*', 'contoso labs', true],
    ['v?', 'v1', true],
    ['v?', 'v12', false],
    ['my?.zip', 'my1.zip', true],
    ['my?.zip', 'my.zip', false],
    ['*.txt', 'notes.txt', true],
    ['*.txt', 'notes.txt.bak', false],
    ['date*', 'date', true],
    ['*', 'anything', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['*a*ab', 'xab', false],
    ['*a*ab', 'aab', true],
    ['ab*ba', 'aba', false],
    ['?*?', 'a', false],
    ['test0?', 'test01', true],
  ])('should match %s against %s: %s (§4.2)', (pattern, text, expected) => {
    expect(glob(pattern, text)).toBe(expected);
  });

  it('should decide *a*a*a*a*a*b against 20,000 characters of a in one pass', () => {
    expect(glob('*a*a*a*a*a*b', 'a'.repeat(20_000))).toBe(false);
    expect(glob('*a*a*a*a*a*b', `${'a'.repeat(20_000)}b`)).toBe(true);
  });

  it('should share one compiled glob per text, and stay right once the shared table has been emptied', () => {
    expect(compileSegmentGlob('contoso*')).toBe(compileSegmentGlob('contoso*'));
    const first = compileSegmentGlob('v?*.log');
    // More distinct texts than the table holds: it is emptied at its bound, never grown without limit.
    for (let i = 0; i < 20_000; i++) compileSegmentGlob(`filler${i}*`);
    const again = compileSegmentGlob('v?*.log');
    expect(again).toEqual(first);
    expect(matchSegmentGlob(again, 'v1x.log')).toBe(true);
    expect(matchSegmentGlob(again, 'v.log')).toBe(false);
  });

  it('should count * and ? as wildcards', () => {
    expect(countWildcards('C:\\a*\\b?\\*')).toBe(3);
  });

  it('should agree with the reference matcher on generated globs and names', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 8 }).filter((s) => s !== '');
    const pattern = fc
      .string({ unit: fc.constantFrom('a', 'b', '.', '*', '?'), maxLength: 7 })
      .filter((s) => s !== '' && countWildcards(s) <= 6);
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const expected = referenceMatch({ paths: [`C:\\x\\${p}`] }, { path: `C:\\x\\${t}`, trigger: 'on-access' }) !== undefined;
        expect(glob(p, t)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
