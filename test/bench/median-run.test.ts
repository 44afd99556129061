import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../bench/bench-result.ts';
import { longEnough, SIZES } from '../../bench/bench-sizes.ts';
import { medianRun } from '../../bench/median-run.ts';

const RUN = JSON.parse(readFileSync(new URL('./fixtures/default-run.json', import.meta.url), 'utf8')) as BenchResult;

/** The fixture with P and every fleet point scaled by `factor`. */
function scaled(factor: number): BenchResult {
  return {
    ...RUN,
    figures: { ...RUN.figures, pipeline: { ...RUN.figures.pipeline, perSecond: RUN.figures.pipeline.perSecond * factor } },
    curves: {
      ...RUN.curves,
      fleet: RUN.curves.fleet.map((point) => ({ ...point, nsPerArtifact: point.nsPerArtifact * factor })),
    },
  };
}

describe('medianRun (--count)', () => {
  it('should fold every number of the runs, curve points included, to its median and judge goals on it', () => {
    const folded = medianRun([scaled(1), scaled(3), scaled(2)], longEnough(SIZES.default));
    expect(folded.figures.pipeline.perSecond).toBeCloseTo(RUN.figures.pipeline.perSecond * 2, 6);
    expect(folded.curves.fleet.map((point) => point.x)).toEqual(RUN.curves.fleet.map((point) => point.x));
    expect(folded.curves.fleet[3]?.nsPerArtifact).toBeCloseTo((RUN.curves.fleet[3]?.nsPerArtifact ?? 0) * 2, 6);
    expect(folded.goals.find((goal) => goal.id === 'p-rate')?.value).toBeCloseTo(RUN.figures.pipeline.perSecond * 2, 6);
    expect(folded.repeats.count).toBe(3);
    const p = folded.repeats.measurements.find((m) => m.id === 'pipeline.p');
    expect(p?.values).toHaveLength(3);
    expect(p?.max).toBeCloseTo(RUN.figures.pipeline.perSecond * 3, 6);
    expect(folded.durationS).toBeCloseTo(RUN.durationS * 3, 6);
  });

  it('should call the worker counts identical only when every run found them identical', () => {
    const different = { ...RUN, workers: { ...(RUN.workers as NonNullable<BenchResult['workers']>), identical: false } };
    expect(medianRun([RUN, different, RUN], longEnough(SIZES.default)).workers?.identical).toBe(false);
    expect(medianRun([RUN, RUN], longEnough(SIZES.default)).workers?.identical).toBe(true);
  });
});
