import { describe, expect, it } from 'vitest';
import { benchInput } from '../../bench/bench-shape.ts';
import { marginalCost, type PipelineMeasure } from '../../bench/stream-stage.ts';
import { emptyCounts } from '../../engine/pipeline/counts.ts';

const input = benchInput({ devices: 10, artifacts: 1_001, exclusions: 10, indicators: 10, seed: 7 });

/** A measure that answers the scripted CPU times in call order, each run counting the artifacts it was given. */
function scripted(cpuMs: readonly number[]): { measure: PipelineMeasure; calls: number[] } {
  const calls: number[] = [];
  const measure: PipelineMeasure = (given) => {
    const artifacts = given.timeline.reduce((n, event) => n + (event.kind === 'generate' ? event.generate.count : 0), 0);
    const ms = cpuMs[calls.length] ?? 0;
    calls.push(artifacts);
    return { counts: { ...emptyCounts(), artifacts }, timing: { wallMs: ms, cpuMs: ms } };
  };
  return { measure, calls };
}

describe('marginalCost', () => {
  it('subtracts the cheaper of two one-artifact runs, so a collector pause in one never makes the point look cheap', () => {
    // The first set-up run caught a pause (9 ms against 3): subtracting it would read 6 ms of the run as set-up.
    const { measure, calls } = scripted([9, 63, 3]);
    const cost = marginalCost(input, measure);
    expect(calls).toEqual([1, 1_001, 1]);
    expect(cost.setupMs).toBe(3);
    expect(cost.nsPerArtifact).toBeCloseTo(((63 - 3) * 1e6) / 1_000, 6);
  });

  it('runs afterRun between the run and the second set-up run', () => {
    const { measure, calls } = scripted([3, 63, 3]);
    const seen: number[][] = [];
    marginalCost(input, measure, () => seen.push([...calls]));
    expect(seen).toEqual([[1, 1_001]]);
  });

  it('keeps the first set-up run when the second is the slower one', () => {
    const { measure } = scripted([3, 63, 12]);
    expect(marginalCost(input, measure).setupMs).toBe(3);
  });

  it('falls back to the whole cost per artifact when the run is not above its set-up', () => {
    const { measure } = scripted([5, 4, 5]);
    expect(marginalCost(input, measure).nsPerArtifact).toBeCloseTo((4 * 1e6) / 1_001, 6);
  });
});
