/** verdictCode: a verdict's countable facts packed in 12 bits and back, for every combination. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_CLASSES, BLOCKERS, DETECTION_STATUSES, OUTCOMES } from '../../engine/core/vocabulary.ts';
import { decodeVerdict, packVerdict, VERDICT_CODES, verdictCode } from '../../engine/pipeline/verdict-code.ts';

const factsArb = fc.record({
  outcome: fc.constantFrom(...OUTCOMES),
  by: fc.constantFrom(...BLOCKERS),
  detectionStatus: fc.constantFrom(...DETECTION_STATUSES),
  class: fc.constantFrom(...ARTIFACT_CLASSES),
  alertCount: fc.integer({ min: 0, max: 3 }),
  actionCenter: fc.boolean(),
});

describe('verdictCode', () => {
  it('should decode to the facts it packed, below VERDICT_CODES, and agree with packVerdict on ordinals', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const code = verdictCode(facts);
        expect(code).toBeLessThan(VERDICT_CODES);
        expect(decodeVerdict(code)).toEqual(facts);
        expect(code & 3).toBe(OUTCOMES.indexOf(facts.outcome));
        const ordinals = packVerdict(
          OUTCOMES.indexOf(facts.outcome),
          BLOCKERS.indexOf(facts.by),
          DETECTION_STATUSES.indexOf(facts.detectionStatus),
          ARTIFACT_CLASSES.indexOf(facts.class),
          facts.alertCount,
          facts.actionCenter,
        );
        expect(ordinals).toBe(code);
      }),
    );
  });
});
