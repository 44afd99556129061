/** The classroom's scoring: points weighted by the trainee's confidence, hints that cost, and mastery per course theme. */

/** How sure the trainee is of an answer, in the order the page offers them. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Points per confidence for a right and a wrong answer. A confident wrong answer costs more than an unsure one:
 * the misconception a trainer most wants to surface is the one held with certainty (the rationale of
 * confidence-based marking). Low confidence risks nothing, so guessing is never punished; high confidence wins
 * three times a low one and loses as much as it could win, so claiming certainty pays only when it is real.
 *
 * | confidence | right | wrong |
 * |---|---|---|
 * | low    | +1 |  0 |
 * | medium | +2 | −1 |
 * | high   | +3 | −3 |
 */
export const POINTS: Readonly<Record<Confidence, { readonly right: number; readonly wrong: number }>> = {
  low: { right: 1, wrong: 0 },
  medium: { right: 2, wrong: -1 },
  high: { right: 3, wrong: -3 },
};

/** Points a hint takes from a right answer. */
export const HINT_COST = 1;

/**
 * The points of one answer: {@link POINTS} for its confidence, less {@link HINT_COST} per hint opened when it is
 * right, never below what the same answer would score wrong (a hint must not make being right worse than being
 * wrong). A wrong answer scores its wrong value whatever the hints.
 *
 * @example
 * answerPoints(true, 'high', 0); // 3
 * answerPoints(true, 'high', 2); // 1
 * answerPoints(false, 'high', 0); // -3
 */
export function answerPoints(correct: boolean, confidence: Confidence, hintsOpened: number): number {
  if (!Number.isSafeInteger(hintsOpened) || hintsOpened < 0)
    throw new RangeError(`answerPoints: hintsOpened must be a whole number 0 or more, got ${String(hintsOpened)}`);
  // hasOwn, not `in`: a confidence of `toString` must not find Object.prototype's.
  if (!Object.hasOwn(POINTS, confidence))
    throw new RangeError(`answerPoints: confidence must be one of ${CONFIDENCES.join(', ')}`);
  const points = POINTS[confidence];
  return correct ? Math.max(points.right - HINT_COST * hintsOpened, points.wrong) : points.wrong;
}

/**
 * The course theme of a scenario file: its parent folder's name (`scenarios/07-exclusions/01-x.yaml` →
 * `07-exclusions`); `/` and `\` both separate. A file outside any folder has the theme `ungrouped`.
 *
 * @example
 * themeOf('scenarios/07-exclusions/01-block-mode-honours-folder-exclusion.yaml'); // '07-exclusions'
 */
export function themeOf(file: string): string {
  const parts = file.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  return parts.length >= 2 ? (parts[parts.length - 2] as string) : 'ungrouped';
}

/** One answered question, for mastery: the scenario's file (its theme), whether it was right, and its points. */
export interface ThemeResult {
  readonly file: string;
  readonly correct: boolean;
  readonly points: number;
}

/** How a trainee did on one theme. `share` is right answers over answered (0 when none is answered). */
export interface ThemeMastery {
  readonly theme: string;
  readonly answered: number;
  readonly correct: number;
  readonly points: number;
  /** The most the answered questions could have scored (high confidence, right, no hint). */
  readonly maxPoints: number;
  readonly share: number;
}

/**
 * Mastery per theme, in the order the themes first appear in `results` (course order when results are).
 *
 * @example
 * masteryByTheme([{ file: 's/01-modes/a.yaml', correct: true, points: 2 }]);
 * // [{ theme: '01-modes', answered: 1, correct: 1, points: 2, maxPoints: 3, share: 1 }]
 */
export function masteryByTheme(results: readonly ThemeResult[]): ThemeMastery[] {
  const themes = new Map<string, { answered: number; correct: number; points: number }>();
  for (const result of results) {
    const theme = themeOf(result.file);
    const row = themes.get(theme) ?? { answered: 0, correct: 0, points: 0 };
    row.answered++;
    if (result.correct) row.correct++;
    row.points += result.points;
    themes.set(theme, row);
  }
  return [...themes].map(([theme, row]) => ({
    theme,
    answered: row.answered,
    correct: row.correct,
    points: row.points,
    maxPoints: row.answered * POINTS.high.right,
    share: row.answered === 0 ? 0 : row.correct / row.answered,
  }));
}
