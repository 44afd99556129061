import { describe, expect, it } from 'vitest';
import { applyIndicatorToAirVerdict } from '../../../engine/policy/indicators/index.ts';

describe('applyIndicatorToAirVerdict', () => {
  it('should treat a "No threats found" file with a Block IoC as bad (T61)', () => {
    expect(applyIndicatorToAirVerdict('No threats found', 'Block')).toMatchObject({
      verdict: 'Malicious',
      original: 'No threats found',
      remediate: true,
      reason: { code: 'air-block-ioc' },
    });
    expect(applyIndicatorToAirVerdict('No threats found', 'BlockAndRemediate').verdict).toBe('Malicious');
  });

  it('should ignore a Malicious verdict on a file with an Allow IoC: no remediation (T62)', () => {
    expect(applyIndicatorToAirVerdict('Malicious', 'Allowed')).toMatchObject({
      verdict: 'No threats found',
      original: 'Malicious',
      remediate: false,
      reason: { code: 'air-allow-ioc' },
    });
    expect(applyIndicatorToAirVerdict('Suspicious', 'Allowed').remediate).toBe(false);
  });

  it.each([
    ['Malicious', undefined, true],
    ['Suspicious', 'Audit', true],
    ['No threats found', 'Warn', false],
    ['No threats found', 'Allowed', false],
  ] as const)('should keep verdict %s with indicator %s', (verdict, action, remediate) => {
    expect(applyIndicatorToAirVerdict(verdict, action)).toMatchObject({
      verdict,
      remediate,
      reason: { code: 'air-verdict-kept' },
    });
  });
});
