import { describe, expect, it } from 'vitest';
import { SIZES } from '../../bench/bench-sizes.ts';
import { curveSteps, type CurveDraft } from '../../bench/curve-steps.ts';

// Labels only: building the steps runs nothing (no timing in tests, issue 13).
const draft = (): CurveDraft => ({ fleet: [], exclusionsRealistic: [], exclusionsAdversarial: [], indicators: [], stream: [] });
const base = { devices: 1_000, artifacts: 1_000_000, exclusions: 100, indicators: 1_000, seed: 7 };

describe('curveSteps', () => {
  it('should measure every point in every round, the large fleet points included', () => {
    const labels = curveSteps(base, SIZES.default, draft()).map((step) => step.label);
    const rounds = (label: string): string[] =>
      labels.filter((text) => text.startsWith(`${label} (round`)).map((text) => text.slice(label.length));
    const four = [' (round 1/4)', ' (round 2/4)', ' (round 3/4)', ' (round 4/4)'];
    // The fleet goal compares the 10^6-device point with the 1,000-device point: each the best of four rounds, so
    // neither end gets more chances at a fast spell of the host than the other (issue 13, sixteenth pass).
    expect(rounds('fleet 1,000,000 devices')).toEqual(four);
    expect(rounds('fleet 100,000 devices')).toEqual(four);
    expect(rounds('fleet 1,000 devices')).toEqual(four);
    expect(rounds('indicators 15,000')).toEqual(four);
  });

  it('should take the rounds ascending, then descending, so a drift of the host tilts no end of a curve', () => {
    const fleet = curveSteps(base, SIZES.default, draft())
      .map((step) => step.label)
      .filter((label) => label.startsWith('fleet '))
      .map((label) => label.replace(/^fleet ([\d,]+) devices \(round (\d)\/4\)$/, '$2:$1'));
    expect(fleet.slice(0, 8)).toEqual([
      '1:1,000',
      '1:10,000',
      '1:100,000',
      '1:1,000,000',
      '2:1,000,000',
      '2:100,000',
      '2:10,000',
      '2:1,000',
    ]);
  });
});
