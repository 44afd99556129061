/** Confidence-weighted points, hint costs, themes from course folders, and mastery per theme. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerPoints,
  CONFIDENCES,
  masteryByTheme,
  POINTS,
  themeOf,
  type Confidence,
} from '../../engine/train/classroom-score.ts';

describe('answerPoints', () => {
  it('should score the documented table: right +1/+2/+3, wrong 0/−1/−3', () => {
    expect(CONFIDENCES.map((c) => answerPoints(true, c, 0))).toEqual([1, 2, 3]);
    expect(CONFIDENCES.map((c) => answerPoints(false, c, 0))).toEqual([0, -1, -3]);
  });

  it('should cost a confident wrong answer more than an unsure one', () => {
    expect(answerPoints(false, 'high', 0)).toBeLessThan(answerPoints(false, 'medium', 0));
    expect(answerPoints(false, 'medium', 0)).toBeLessThan(answerPoints(false, 'low', 0));
  });

  it('should take one point per hint from a right answer, never below the wrong value of the same confidence', () => {
    expect(answerPoints(true, 'high', 1)).toBe(2);
    expect(answerPoints(true, 'high', 2)).toBe(1);
    expect(answerPoints(true, 'high', 9)).toBe(-3);
    expect(answerPoints(true, 'low', 2)).toBe(0);
    expect(answerPoints(false, 'medium', 2)).toBe(-1);
  });

  it('should hold its laws for every confidence and hint count: right never scores below wrong, hints never add', () => {
    fc.assert(
      fc.property(fc.constantFrom<Confidence>(...CONFIDENCES), fc.nat(20), (confidence, hints) => {
        const right = answerPoints(true, confidence, hints);
        expect(right).toBeGreaterThanOrEqual(answerPoints(false, confidence, hints));
        expect(right).toBeLessThanOrEqual(answerPoints(true, confidence, 0));
        expect(answerPoints(true, confidence, hints + 1)).toBeLessThanOrEqual(right);
        expect(answerPoints(false, confidence, hints)).toBe(POINTS[confidence].wrong);
      }),
      { numRuns: 50 },
    );
  });

  it('should refuse a hint count that is negative, fractional or not a number, and an unknown confidence', () => {
    for (const hints of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => answerPoints(true, 'low', hints)).toThrow(/^answerPoints: hintsOpened must be a whole number/);
    expect(() => answerPoints(true, 'toString' as Confidence, 0)).toThrow(
      /^answerPoints: confidence must be one of low, medium, high/,
    );
  });
});

describe('themeOf', () => {
  it("should name a scenario's theme by its course folder, whatever the separator", () => {
    expect(themeOf('scenarios/07-exclusions/01-block-mode-honours-folder-exclusion.yaml')).toBe('07-exclusions');
    expect(themeOf('C:\\course\\03-servers\\x.yaml')).toBe('03-servers');
    expect(themeOf('/abs/01-modes/./a.yaml')).toBe('01-modes');
    expect(themeOf('a.yaml')).toBe('ungrouped');
    expect(themeOf('')).toBe('ungrouped');
  });
});

describe('masteryByTheme', () => {
  it('should total answers, right answers and points per theme, in the order themes first appear', () => {
    const mastery = masteryByTheme([
      { file: 's/02-requirements/a.yaml', correct: true, points: 3 },
      { file: 's/01-modes/a.yaml', correct: false, points: -3 },
      { file: 's/02-requirements/b.yaml', correct: false, points: 0 },
      { file: 's/01-modes/b.yaml', correct: true, points: 1 },
    ]);
    expect(mastery).toEqual([
      { theme: '02-requirements', answered: 2, correct: 1, points: 3, maxPoints: 6, share: 0.5 },
      { theme: '01-modes', answered: 2, correct: 1, points: -2, maxPoints: 6, share: 0.5 },
    ]);
    expect(masteryByTheme([])).toEqual([]);
  });
});
