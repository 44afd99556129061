/** What the instructor sees: the roster, every question's answers per choice, the most-missed, and the results to export. */
import { answerPoints } from '../train/classroom-score.ts';
import { summariseClass, type ClassAnswer, type ClassQuestion } from '../train/class-summary.ts';
import type { ClassState } from './class-state.ts';

export interface InstructorView {
  readonly trainees: readonly {
    readonly name: string;
    readonly answered: number;
    readonly correct: number;
    readonly points: number;
  }[];
  readonly questions: readonly {
    readonly index: number;
    readonly scenario: string;
    readonly id: string;
    readonly text: string;
    readonly expected: string;
    readonly choices: readonly string[];
    /** Per choice, in choice order. */
    readonly counts: readonly number[];
    readonly answered: number;
    readonly correct: number;
    readonly locked: boolean;
  }[];
  readonly mostMissed: readonly {
    readonly index: number;
    readonly text: string;
    readonly wrong: number;
    readonly answered: number;
    readonly commonWrong?: string;
  }[];
}

/** The course's questions as the class summary takes them. */
export function classQuestions(state: ClassState): ClassQuestion[] {
  return state.course.questions.map((q) => ({
    scenario: q.scenario.index,
    id: q.question.id,
    choices: q.question.choices,
    expected: q.question.expected,
  }));
}

/**
 * Every answer of the class, trainee by trainee in join order, questions in course order. The trainee id in the
 * export is the join number, never the session id (that is the trainee's cookie).
 */
export function classAnswers(state: ClassState): ClassAnswer[] {
  const answers: ClassAnswer[] = [];
  for (const [n, trainee] of state.roster().entries()) {
    for (const q of state.course.questions) {
      const a = trainee.answers.get(q.index);
      if (a === undefined) continue;
      const correct = a.given === q.question.expected;
      answers.push({
        trainee: `t${n + 1}`,
        traineeName: trainee.name,
        scenario: q.scenario.index,
        question: q.question.id,
        given: a.given,
        correct,
        confidence: a.confidence,
        hints: a.hintsOpened,
        points: answerPoints(correct, a.confidence, a.hintsOpened),
      });
    }
  }
  return answers;
}

/**
 * The instructor page's data: the instructor sees every answer and the engine's, whatever is locked.
 *
 * @example
 * instructorView(state).questions[0]?.counts; // [2, 1, 0, 0]
 */
export function instructorView(state: ClassState): InstructorView {
  const answers = classAnswers(state);
  const summary = summariseClass(classQuestions(state), answers);
  const byKey = new Map(state.course.questions.map((q) => [`${q.scenario.index}\u0000${q.question.id}`, q]));
  const trainees = state.roster().map((t, n) => {
    const own = answers.filter((a) => a.trainee === `t${n + 1}`);
    return {
      name: t.name,
      answered: own.length,
      correct: own.filter((a) => a.correct).length,
      points: own.reduce((sum, a) => sum + a.points, 0),
    };
  });
  const questions = state.course.questions.map((q, n) => {
    const tally = summary.questions[n];
    return {
      index: q.index,
      scenario: q.scenario.scenario.name,
      id: q.question.id,
      text: q.question.text,
      expected: q.question.expected,
      choices: q.question.choices,
      counts: q.question.choices.map((choice) => tally?.counts.find((c) => c.choice === choice)?.count ?? 0),
      answered: tally?.answered ?? 0,
      correct: tally?.correct ?? 0,
      locked: state.locked.has(q.index),
    };
  });
  const mostMissed = summary.mostMissed.slice(0, 5).flatMap((m) => {
    const q = byKey.get(`${m.scenario}\u0000${m.id}`);
    if (q === undefined) return [];
    return [
      {
        index: q.index,
        text: q.question.text,
        wrong: m.misses,
        answered: m.answered,
        ...(m.mostChosenWrong === undefined ? {} : { commonWrong: m.mostChosenWrong }),
      },
    ];
  });
  return { trainees, questions, mostMissed };
}
