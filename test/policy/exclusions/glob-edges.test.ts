// Wildcard edges indexed by literal prefix or suffix must find exactly the globs that match (§4.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GlobEdges } from '../../../engine/policy/exclusions/glob-edges.ts';
import { compileSegmentGlob, matchSegmentGlob } from '../../../engine/policy/exclusions/index.ts';

function found(globs: readonly string[], segment: string): string[] {
  const edges = new GlobEdges<string>();
  for (const glob of globs) edges.add(compileSegmentGlob(glob), () => glob);
  const seen: string[] = [];
  edges.forMatching(segment, (node) => seen.push(node));
  return seen.sort();
}

describe('GlobEdges', () => {
  it('should find prefix, suffix and loose globs that match a segment', () => {
    expect(found(['contoso*', 'con*', 'fabrikam*', '*.log', '*a*', '*', 'c?ntoso labs'], 'contoso labs')).toEqual([
      '*',
      '*a*',
      'c?ntoso labs',
      'con*',
      'contoso*',
    ]);
  });

  it('should find a suffix glob whose suffix is the whole segment (kept counterexample)', () => {
    expect(found(['*b.'], 'b.')).toEqual(['*b.']);
  });

  it('should share one edge between equal globs', () => {
    const edges = new GlobEdges<number>();
    let made = 0;
    edges.add(compileSegmentGlob('a*'), () => ++made);
    edges.add(compileSegmentGlob('a*'), () => ++made);
    expect([edges.size, made]).toEqual([1, 1]);
  });

  it('should visit exactly the edges whose glob matches, for generated globs and segments', () => {
    const unit = fc.constantFrom('a', 'b', '.', '*', '?');
    const glob = fc.string({ unit, minLength: 1, maxLength: 6 }).filter((text) => /[*?]/.test(text));
    const segment = fc.string({ unit: fc.constantFrom('a', 'b', '.'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.uniqueArray(glob, { maxLength: 12 }), segment, (globs, text) => {
        const expected = globs.filter((g) => matchSegmentGlob(compileSegmentGlob(g), text)).sort();
        expect(found(globs, text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
