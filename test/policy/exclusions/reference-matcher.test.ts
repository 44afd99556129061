// The fast matcher and the independent reference matcher must agree on every generated list and canonical target (§4.2–4.3, §5.1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIGGERS } from '../../../engine/core/vocabulary.ts';
import { compileExclusions, parseExclusions, type ExclusionTarget } from '../../../engine/policy/exclusions/index.ts';
import { int, OPENERS, pick, randomPolicy } from './exclusion-arbitraries.ts';
import { referenceIsValid, referenceMatch } from './reference-matcher.ts';

describe('reference matcher agreement', () => {
  it('should agree with the fast matcher (indexed and entry by entry) on validity and the deciding entry', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { lists, options, reference, targets } = randomPolicy(g);

        const parsed = parseExclusions(lists, options);
        for (const list of ['paths', 'extensions', 'processes'] as const) {
          lists[list].forEach((text, index) => {
            const fastValid = !parsed.issues.some(
              (issue) => issue.severity !== 'warning' && issue.path[0] === list && issue.path[1] === index,
            );
            expect({ list, text, valid: fastValid }).toEqual({ list, text, valid: referenceIsValid(list, text, reference) });
          });
        }
        const matcher = compileExclusions(parsed.entries, options);
        for (const path of targets) {
          const target: ExclusionTarget = {
            path,
            trigger: pick(g, TRIGGERS),
            isFolder: int(g, 0, 3) === 0,
            scanType: pick(g, ['quick', 'full'] as const),
            ...(int(g, 0, 2) === 0 ? {} : { process: pick(g, OPENERS) }),
          };
          const fast = matcher.match(target);
          const hit = fast === undefined ? undefined : { list: fast.entry.list, index: fast.entry.index };
          expect({ lists, target, hit }).toEqual({ lists, target, hit: referenceMatch(lists, target, reference) });
          // explain's entry-by-entry decisions must name the same entry as the indexed lookup.
          expect(matcher.decide(target).find((decision) => decision.verdict === 'match')?.entry).toBe(fast?.entry);
        }
      }),
      { numRuns: 400 },
    );
  });
});
