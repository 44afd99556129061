import { describe, expect, it } from 'vitest';
import { SIZES } from '../../bench/bench-sizes.ts';
import { curveSteps, type CurveDraft } from '../../bench/curve-steps.ts';

// Labels only: building the steps runs nothing (no timing in tests, issue 13).
const draft = (): CurveDraft => ({ fleet: [], exclusionsRealistic: [], exclusionsAdversarial: [], indicators: [], stream: [] });
const base = { devices: 1_000, artifacts: 1_000_000, exclusions: 100, indicators: 1_000, seed: 7 };

describe('curveSteps', () => {
  it('should measure the large fleet points in the ascending rounds and the small ones in every round', () => {
    const labels = curveSteps(base, SIZES.default, draft()).map((step) => step.label);
    const rounds = (label: string): string[] =>
      labels.filter((text) => text.startsWith(`${label} (round`)).map((text) => text.slice(label.length));
    // 10^6 devices × 10 artifacts and 10^5 × 10 are far above the 150,000-artifact curve size: rounds 1 and 3 only,
    // so the judged point is a best of two, not one run against the smallest point's best of four.
    expect(rounds('fleet 1,000,000 devices')).toEqual([' (round 1/4)', ' (round 3/4)']);
    expect(rounds('fleet 100,000 devices')).toEqual([' (round 1/4)', ' (round 3/4)']);
    expect(rounds('fleet 1,000 devices')).toHaveLength(4);
    expect(rounds('indicators 15,000')).toHaveLength(4);
  });
});
