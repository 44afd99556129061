// The -t matcher: a `*`-glob that needs no backtracking, checked against a regular expression as the reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globIncludes, matchesFilter, scenarioFilter } from '../../engine/cli/scenario-filter.ts';

// The obviously-right reference: the glob as an unanchored regular expression (only safe on these tiny inputs).
const reference = (pattern: string, text: string) =>
  new RegExp(
    pattern
      .split('*')
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*'),
    's',
  ).test(text);

describe('globIncludes', () => {
  it('should agree with the regular expression reference on every small pattern and text', () => {
    const small = fc.string({ unit: fc.constantFrom('a', 'b', '*', '.', '('), maxLength: 8 });
    fc.assert(fc.property(small, small, (pattern, text) => globIncludes(pattern, text) === reference(pattern, text)));
  });

  it('should match a part anywhere, and pieces in order only', () => {
    expect(globIncludes('mode', 'passive mode with block')).toBe(true);
    expect(globIncludes('block*passive', 'passive mode with block')).toBe(false);
    expect(globIncludes('', 'anything')).toBe(true);
  });
});

describe('matchesFilter', () => {
  it('should need the name and one of the tags when both are given', () => {
    const checked = scenarioFilter({ name: 'Mode', tag: ['a', 'b'] });
    if (!checked.ok || checked.value === undefined) throw new Error('the filter should be valid');
    expect(matchesFilter(checked.value, { name: 'passive MODE', tags: ['b'] })).toBe(true);
    expect(matchesFilter(checked.value, { name: 'passive MODE', tags: ['c'] })).toBe(false);
    expect(matchesFilter(checked.value, { name: 'passive', tags: ['a'] })).toBe(false);
  });

  it('should be no filter at all when neither flag is given', () => {
    expect(scenarioFilter({})).toEqual({ ok: true, value: undefined });
  });
});
