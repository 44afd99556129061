/** The instructor's view of a class: answers per choice per question, the most-missed questions, and the results as CSV and JSON. */
import { forCsv, forJsonText } from '../core/escape.ts';
import type { Confidence } from './classroom-score.ts';

/** One trainee's answer to one question, as the classroom records it. */
export interface ClassAnswer {
  /** The trainee's id (the server's, stable). */
  readonly trainee: string;
  /** The name the trainee joined with: user text. */
  readonly traineeName: string;
  /** The scenario's index in course order. */
  readonly scenario: number;
  /** The question's id within its scenario, e.g. `a1.outcome`. */
  readonly question: string;
  readonly given: string;
  readonly correct: boolean;
  readonly confidence: Confidence;
  readonly hints: number;
  readonly points: number;
}

/** A question as the summary needs it: where it is, its choices in order, and the engine's answer. */
export interface ClassQuestion {
  readonly scenario: number;
  readonly id: string;
  readonly choices: readonly string[];
  readonly expected: string;
}

/** One question's tally. `counts` has every choice, in choice order, 0 included. */
export interface QuestionTally {
  readonly scenario: number;
  readonly id: string;
  readonly expected: string;
  readonly counts: readonly { readonly choice: string; readonly count: number }[];
  /** Answers that are none of the choices (a client sent something else). */
  readonly other: number;
  readonly answered: number;
  readonly correct: number;
}

/** A question that some trainees missed, with the wrong answer most of them chose. */
export interface MissedQuestion {
  readonly scenario: number;
  readonly id: string;
  readonly expected: string;
  readonly misses: number;
  readonly answered: number;
  /** The wrong choice chosen most (the first in choice order on a tie); absent when every wrong answer was off the list. */
  readonly mostChosenWrong?: string;
  readonly mostChosenWrongCount: number;
}

export interface ClassSummary {
  readonly questions: readonly QuestionTally[];
  /** Questions with at least one miss, most misses first, ties in course order. */
  readonly mostMissed: readonly MissedQuestion[];
}

const keyOf = (scenario: number, id: string) => `${scenario}\u0000${id}`;

/**
 * Tallies a class's answers per question (in the order of `questions`, the course order). A trainee's later
 * answer to the same question replaces the earlier one; answers to unknown questions are ignored.
 *
 * @example
 * summariseClass([{ scenario: 0, id: 'a1.outcome', choices: ['blocked', 'detected'], expected: 'blocked' }], answers)
 *   .questions[0]?.counts; // [{ choice: 'blocked', count: 2 }, { choice: 'detected', count: 1 }]
 */
export function summariseClass(questions: readonly ClassQuestion[], answers: readonly ClassAnswer[]): ClassSummary {
  const latest = new Map<string, Map<string, ClassAnswer>>();
  for (const answer of answers) {
    const key = keyOf(answer.scenario, answer.question);
    const byTrainee = latest.get(key) ?? new Map<string, ClassAnswer>();
    byTrainee.set(answer.trainee, answer);
    latest.set(key, byTrainee);
  }
  const tallies: QuestionTally[] = [];
  const missed: (MissedQuestion & { order: number })[] = [];
  questions.forEach((question, order) => {
    const given = [...(latest.get(keyOf(question.scenario, question.id))?.values() ?? [])];
    const counts = question.choices.map((choice) => ({ choice, count: given.filter((a) => a.given === choice).length }));
    const listed = counts.reduce((sum, row) => sum + row.count, 0);
    const correct = given.filter((a) => a.correct).length;
    tallies.push({
      scenario: question.scenario,
      id: question.id,
      expected: question.expected,
      counts,
      other: given.length - listed,
      answered: given.length,
      correct,
    });
    const misses = given.length - correct;
    if (misses === 0) return;
    let top: { choice: string; count: number } | undefined;
    for (const row of counts)
      if (row.choice !== question.expected && row.count > 0 && (top === undefined || row.count > top.count)) top = row;
    missed.push({
      scenario: question.scenario,
      id: question.id,
      expected: question.expected,
      misses,
      answered: given.length,
      ...(top === undefined ? {} : { mostChosenWrong: top.choice }),
      mostChosenWrongCount: top?.count ?? 0,
      order,
    });
  });
  missed.sort((a, b) => b.misses - a.misses || a.order - b.order);
  return { questions: tallies, mostMissed: missed.map(({ order: _order, ...rest }) => rest) };
}

/** The CSV columns, in order. */
export const CLASS_CSV_HEADER = [
  'trainee',
  'name',
  'scenario',
  'question',
  'given',
  'correct',
  'confidence',
  'hints',
  'points',
] as const;

/**
 * The answers as CSV (RFC 4180: CRLF line ends, every cell through `forCsv`, so a trainee named `=HYPERLINK(…)`
 * is text in a spreadsheet), in the order given, with a header row. `scenario` is 1-based, as the page shows it.
 *
 * @example
 * classResultsCsv(answers).split('\r\n')[0]; // 'trainee,name,scenario,question,given,correct,confidence,hints,points'
 */
export function classResultsCsv(answers: readonly ClassAnswer[]): string {
  const rows = answers.map((a) =>
    [
      a.trainee,
      a.traineeName,
      String(a.scenario + 1),
      a.question,
      a.given,
      a.correct ? 'yes' : 'no',
      a.confidence,
      String(a.hints),
      String(a.points),
    ]
      .map(forCsv)
      .join(','),
  );
  return `${[CLASS_CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * The class's results as JSON: the summary, then every answer in the order given, each object's keys in a
 * fixed order, so the same class gives the same bytes. Invisible characters in names are written as `\uXXXX`.
 *
 * @example
 * JSON.parse(classResultsJson(questions, answers)).answers.length; // answers.length
 */
export function classResultsJson(questions: readonly ClassQuestion[], answers: readonly ClassAnswer[]): string {
  const summary = summariseClass(questions, answers);
  const document = {
    summary,
    answers: answers.map((a) => ({
      trainee: a.trainee,
      traineeName: a.traineeName,
      scenario: a.scenario,
      question: a.question,
      given: a.given,
      correct: a.correct,
      confidence: a.confidence,
      hints: a.hints,
      points: a.points,
    })),
  };
  return `${forJsonText(JSON.stringify(document, null, 2))}\n`;
}
