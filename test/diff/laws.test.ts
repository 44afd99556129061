// The laws of issue 15 on small random fleets (≤ 3 devices, ≤ 6 written + 30 generated artifacts, probes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../engine/diff/run-diff.ts';
import { applyChanges, policyDelta } from '../../engine/diff/policy-delta.ts';
import type { DiffReport } from '../../engine/diff/diff-report.ts';
import {
  EXTENSION_ENTRIES,
  fleetArb,
  indicatorsArb,
  listsArb,
  PATH_ENTRIES,
  PROCESS_ENTRIES,
  side,
  type Lists,
} from './diff-fixture.ts';

const OPTIONS = { generate: 30 };
const RUNS = { numRuns: 20 };

function diff(...args: Parameters<typeof runDiff>): DiffReport {
  const result = runDiff(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(result.value.flips.length).toBeLessThan(200); // every flip listed, so the laws see them all
  return result.value;
}

const entryArb = fc.oneof(
  fc.record({ list: fc.constant('paths' as const), text: fc.constantFrom(...PATH_ENTRIES) }),
  fc.record({ list: fc.constant('extensions' as const), text: fc.constantFrom(...EXTENSION_ENTRIES) }),
  fc.record({ list: fc.constant('processes' as const), text: fc.constantFrom(...PROCESS_ENTRIES) }),
);

const withEntry = (lists: Lists, entry: { list: keyof Lists; text: string }): Lists => ({
  ...lists,
  [entry.list]: [...lists[entry.list], entry.text],
});

const ids = (report: DiffReport, label: string) =>
  report.flips
    .filter((flip) => flip.label === label)
    .map((flip) => `${flip.scenario}|${flip.artifact}`)
    .sort();

describe('edrsim diff laws', () => {
  it('should call a policy equivalent to itself, every artifact the same', () => {
    fc.assert(
      fc.property(fleetArb(), listsArb, indicatorsArb, (fleet, lists, indicators) => {
        const report = diff(side('p', lists, indicators), side('p', lists, indicators), [fleet], OPTIONS);
        expect(report.label).toBe('equivalent');
        expect(report.counts.same).toBe(report.artifacts);
        expect(report.changes).toEqual([]);
      }),
      RUNS,
    );
  });

  it('should never call one added exclusion entry stronger, nor one removed entry weaker', () => {
    fc.assert(
      fc.property(fleetArb(), listsArb, indicatorsArb, entryArb, (fleet, lists, indicators, entry) => {
        const [without, withIt] = [side('a', lists, indicators), side('b', withEntry(lists, entry), indicators)];
        const added = diff(without, withIt, [fleet], OPTIONS);
        expect(added.counts.stronger).toBe(0);
        expect(['equivalent', 'weaker']).toContain(added.label);
        const removed = diff(withIt, without, [fleet], OPTIONS);
        expect(removed.counts.weaker).toBe(0);
        expect(['equivalent', 'stronger']).toContain(removed.label);
      }),
      RUNS,
    );
  });

  it('should find an artifact weaker from A to B exactly when it is stronger from B to A', () => {
    fc.assert(
      fc.property(fleetArb(), listsArb, listsArb, indicatorsArb, indicatorsArb, (fleet, la, lb, ia, ib) => {
        const [a, b] = [side('a', la, ia), side('b', lb, ib)];
        const [ab, ba] = [diff(a, b, [fleet], OPTIONS), diff(b, a, [fleet], OPTIONS)];
        expect(ids(ab, 'weaker')).toEqual(ids(ba, 'stronger'));
        expect(ids(ab, 'stronger')).toEqual(ids(ba, 'weaker'));
        expect(ids(ab, 'fp-added')).toEqual(ids(ba, 'fp-removed'));
      }),
      RUNS,
    );
  });

  it('should attribute soundly: a named change applied alone to BASE flips that artifact the same way', () => {
    fc.assert(
      fc.property(fleetArb(), listsArb, listsArb, indicatorsArb, indicatorsArb, (fleet, la, lb, ia, ib) => {
        const [a, b] = [side('a', la, ia), side('b', lb, ib)];
        const report = diff(a, b, [fleet], OPTIONS);
        const delta = policyDelta(a, b);
        for (const flip of report.flips) {
          for (const cause of flip.causes) {
            const changes = delta.filter((change) => cause.split('+').includes(change.id));
            const alone = diff(a, { ...a, ...applyChanges(a, changes), source: 'a+cause' }, [fleet], {
              ...OPTIONS,
              probesFrom: [a, b],
            });
            const again = alone.flips.find((other) => other.artifact === flip.artifact);
            expect({ cause, label: again?.label }).toEqual({ cause, label: flip.label });
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it('should leave every block-mode verdict unchanged when only indicators change on an all-passive fleet', () => {
    fc.assert(
      fc.property(fleetArb({ passiveOnly: true }), listsArb, indicatorsArb, indicatorsArb, (fleet, lists, ia, ib) => {
        const report = diff(side('a', lists, ia), side('b', lists, ib), [fleet], OPTIONS);
        for (const flip of report.flips) {
          expect([flip.base.by, flip.head.by]).not.toContain('edr-block-mode');
        }
        expect(report.counts.weaker + report.counts.stronger).toBe(0);
      }),
      RUNS,
    );
  });
});
