/** The score of a training session: per question, per scenario and in total; what `--report FILE` writes as JSON. */
import { resolveCite, type CiteLink } from '../core/cite/resolve-cite.ts';
import type { Question } from './question.ts';

export interface QuestionResult {
  readonly id: string;
  readonly question: string;
  /** The engine's answer. */
  readonly expected: string;
  /** The trainee's answer as a canonical choice; null when unanswered. */
  readonly given: string | null;
  readonly correct: boolean;
  readonly cite: string | null;
  /** The cite's sources, each with its title and link (empty without a cite, or for one the registry does not know). */
  readonly sources: readonly CiteLink[];
  /** The engine's reasons, layer by layer. */
  readonly reasons: readonly string[];
}

export interface Score {
  readonly correct: number;
  readonly total: number;
  /** Rounded to a whole number; null when there were no questions. */
  readonly percent: number | null;
}

export interface ScenarioScore {
  readonly file: string;
  readonly name: string;
  readonly questions: readonly QuestionResult[];
  readonly score: Score;
}

export interface TrainReport {
  readonly scenarios: readonly ScenarioScore[];
  readonly total: Score & { readonly scenarios: number };
  /** True when the trainee left before the end (closed input); later scenarios are not in `scenarios`. */
  readonly stopped: boolean;
}

/**
 * Scores answers: one point per question whose answer is the engine's.
 *
 * @example
 * score([{ correct: true }, { correct: false }]); // { correct: 1, total: 2, percent: 50 }
 */
export function score(results: readonly { readonly correct: boolean }[]): Score {
  const correct = results.filter((result) => result.correct).length;
  return { correct, total: results.length, percent: results.length === 0 ? null : Math.round((100 * correct) / results.length) };
}

/** One question's result from the trainee's answer (undefined = unanswered). */
export function questionResult(question: Question, given: string | undefined): QuestionResult {
  return {
    id: question.id,
    question: question.text,
    expected: question.expected,
    given: given ?? null,
    correct: given === question.expected,
    cite: question.cite ?? null,
    sources: question.cite === undefined ? [] : (resolveCite(question.cite)?.sources ?? []),
    reasons: question.reasons,
  };
}

/** Builds the session report from the scored scenarios. */
export function trainReport(scenarios: readonly ScenarioScore[], stopped: boolean): TrainReport {
  return { scenarios, total: { ...score(scenarios.flatMap((s) => s.questions)), scenarios: scenarios.length }, stopped };
}

/** `4/5 (80 %)`, or `0/0 (no questions)`. */
export function formatScore(value: Score): string {
  return `${value.correct}/${value.total} (${value.percent === null ? 'no questions' : `${value.percent} %`})`;
}
