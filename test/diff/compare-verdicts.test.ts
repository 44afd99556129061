// Per-artifact labels: protection rank for malicious, PUA and probes; false positives for benign artifacts.
import { describe, expect, it } from 'vitest';
import { compareVerdicts, runLabel, verdictCode, verdictFacts, type VerdictFacts } from '../../engine/diff/compare-verdicts.ts';

const blocked: VerdictFacts = { outcome: 'blocked', by: 'mdav', detectionStatus: 'Prevented', actionCenter: true };
const byBlockMode: VerdictFacts = { outcome: 'blocked', by: 'edr-block-mode', detectionStatus: 'Blocked', actionCenter: true };
const detected: VerdictFacts = { outcome: 'detected', by: 'none', detectionStatus: 'Detected', actionCenter: false };
const allowed: VerdictFacts = { outcome: 'allowed', by: 'none', detectionStatus: 'none', actionCenter: false };
const missed: VerdictFacts = { outcome: 'missed', by: 'none', detectionStatus: 'none', actionCenter: false };

describe('compareVerdicts', () => {
  it('should rank blocked over detected over allowed and missed alike', () => {
    expect(compareVerdicts('malicious', verdictCode(blocked), verdictCode(detected))).toBe('weaker');
    expect(compareVerdicts('pua', verdictCode(missed), verdictCode(detected))).toBe('stronger');
    expect(compareVerdicts('malicious', verdictCode(allowed), verdictCode(missed))).toBe('changed'); // same rank (allowed = missed), another outcome
  });

  it('should call the same rank by another layer changed, and an identical verdict same', () => {
    expect(compareVerdicts('malicious', verdictCode(blocked), verdictCode(byBlockMode))).toBe('changed');
    expect(compareVerdicts('malicious', verdictCode(blocked), verdictCode(blocked))).toBe('same');
  });

  it('should call a benign rank change a false positive, never weaker or stronger', () => {
    expect(compareVerdicts('benign', verdictCode(missed), verdictCode(blocked))).toBe('fp-added');
    expect(compareVerdicts('benign', verdictCode(detected), verdictCode(missed))).toBe('fp-removed');
  });

  it('should give the facts back from the code', () => {
    for (const facts of [blocked, byBlockMode, detected, allowed, missed])
      expect(verdictFacts(verdictCode(facts))).toEqual(facts);
  });
});

describe('runLabel', () => {
  it('should be mixed with both, weaker or stronger with one, equivalent with neither', () => {
    expect([runLabel(1, 1), runLabel(1, 0), runLabel(0, 2), runLabel(0, 0)]).toEqual([
      'mixed',
      'weaker',
      'stronger',
      'equivalent',
    ]);
  });
});
