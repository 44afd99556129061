/** `--count N`: N whole runs folded into one result whose every number is the median of the runs', plus each figure's min / median / max. */
import { minOf } from '../engine/core/append.ts';
import { checkGoals, type BenchResult } from './bench-result.ts';
import { figuresOf, median, summarise } from './figure-ids.ts';
import type { LongEnough } from './bench-sizes.ts';

// Numbers fold to their median, booleans to "all true" (identical counts must be identical in every run),
// anything else to the first run's; arrays and objects fold element by element.
function fold(values: readonly unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') return median(values.filter((value): value is number => typeof value === 'number'));
  if (typeof first === 'boolean') return values.every((value) => value === true);
  if (Array.isArray(first)) {
    const arrays = values.filter((value): value is unknown[] => Array.isArray(value));
    const length = minOf(arrays.map((array) => array.length));
    return Array.from({ length }, (_, index) => fold(arrays.map((array) => array[index])));
  }
  if (first !== null && typeof first === 'object') {
    const objects = values.filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object');
    return Object.fromEntries(Object.keys(first).map((key) => [key, fold(objects.map((object) => object[key]))]));
  }
  return first;
}

/**
 * One result from `runs` (at least one): figures and curves are the medians of the runs' (so goals are
 * judged on medians), `repeats` has every figure id's min, median and max, the load spans the first
 * run's start to the last run's end and the duration is the total.
 *
 * @example
 * medianRun([a, b, c], longEnough(sizes)).repeats.measurements.find((m) => m.id === 'pipeline.p')?.median;
 */
export function medianRun(runs: readonly BenchResult[], long: LongEnough): BenchResult {
  const first = runs[0];
  const lastRun = runs[runs.length - 1];
  if (first === undefined || lastRun === undefined) throw new Error('medianRun needs at least one run');
  const folded = runs.length === 1 ? first : (fold(runs) as BenchResult);
  return {
    ...folded,
    date: first.date,
    load: { start: first.load.start, end: lastRun.load.end },
    durationS: runs.reduce((total, run) => total + run.durationS, 0),
    goals: checkGoals(folded.figures, folded.curves, folded.workers, long),
    repeats: { count: runs.length, measurements: summarise(runs.map((run) => figuresOf(run))) },
  };
}
