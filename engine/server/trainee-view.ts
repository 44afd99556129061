/** What one trainee may see of the class: the one place that decides, so no answer leaves before its submission. */
import { questionHints } from '../train/question-hints.ts';
import { renderRevealHtml, type RevealContext } from '../train/reveal-html.ts';
import { answerPoints, masteryByTheme, themeOf, type Confidence, type ThemeResult } from '../train/classroom-score.ts';
import { FLEET_HEADER } from '../train/handout-content.ts';
import type { HandoutScenario } from '../train/handout-content.ts';
import type { CourseQuestion } from './class-course.ts';
import type { ClassState, Trainee } from './class-state.ts';

/** A question as the trainee sees it. Before submission: what `train` asks and the hints opened, nothing else. */
export type TraineeQuestion = {
  readonly index: number;
  readonly id: string;
  readonly subject: string;
  readonly text: string;
  readonly choices: readonly string[];
  /** The texts of the hints opened so far (each costs points), and how many more there are. */
  readonly hints: readonly string[];
  readonly hintsLeft: number;
} & (
  | { readonly status: 'open' }
  /**
   * Submitted, reveal held: until every question of its scenario is answered (as `train` reveals a scenario only
   * after asking all of it, since one reveal shows what the next question asks), or while the instructor locks it.
   */
  | {
      readonly status: 'submitted';
      readonly held: 'scenario' | 'instructor';
      readonly given: string;
      readonly confidence: Confidence;
    }
  | {
      readonly status: 'revealed';
      readonly given: string;
      readonly confidence: Confidence;
      readonly correct: boolean;
      readonly expected: string;
      readonly points: number;
      /** The reveal, already escaped and CSP-safe (engine/train/reveal-html.ts). */
      readonly revealHtml: string;
    }
);

export interface TraineeScenario {
  readonly index: number;
  readonly theme: string;
  /** Situation, fleet, tenant, policy, timeline with ground truth: the handout's trainee copy, never an answer. */
  readonly briefing: Omit<HandoutScenario, 'questions' | 'notice' | 'situation'> & {
    /** The description before "What to notice", as HTML from `markdownToHtml` (raw HTML off, every string escaped). */
    readonly situationHtml: string;
  };
  readonly questions: readonly TraineeQuestion[];
}

export interface TraineeView {
  readonly joined: true;
  readonly name: string;
  /** The fleet table's columns, as the handout prints them. */
  readonly fleetHeader: readonly string[];
  readonly scenarios: readonly TraineeScenario[];
  readonly progress: { readonly answered: number; readonly total: number };
  /** Over revealed answers only: a locked answer's points would tell whether it was right. */
  readonly score: { readonly points: number; readonly revealed: number };
  readonly mastery: ReturnType<typeof masteryByTheme>;
}

function contextOf(q: CourseQuestion, given?: string, correct?: boolean): RevealContext {
  const { scenario, report, deviceAt } = q.scenario;
  return { scenario, report, deviceAt, ...(given === undefined ? {} : { given }), ...(correct === undefined ? {} : { correct }) };
}

// A view is built on every request; a question's hints and its reveal per answer given never change, so each is made once.
const hintCache = new WeakMap<CourseQuestion, readonly string[]>();
const revealCache = new WeakMap<CourseQuestion, Map<string, string>>();

/** The hints a question has, as `questionHints` gives them. */
export function hintsOf(q: CourseQuestion): readonly string[] {
  let hints = hintCache.get(q);
  if (hints === undefined) hintCache.set(q, (hints = questionHints(q.question, contextOf(q))));
  return hints;
}

function revealOf(q: CourseQuestion, given: string, correct: boolean): string {
  let byAnswer = revealCache.get(q);
  if (byAnswer === undefined) revealCache.set(q, (byAnswer = new Map()));
  let html = byAnswer.get(given);
  if (html === undefined) byAnswer.set(given, (html = renderRevealHtml(q.question, contextOf(q, given, correct))));
  return html;
}

/**
 * The trainee's whole view: every scenario in course order with its briefing and questions, progress, score and
 * mastery. A question's expected answer, reasons, reveal and unopened hints appear only once the trainee submitted
 * every question of its scenario and the instructor has not locked its reveal.
 *
 * @example
 * traineeView(state, trainee).scenarios[0]?.questions[0]?.status; // 'open'
 */
export function traineeView(state: ClassState, trainee: Trainee): TraineeView {
  let points = 0;
  let revealed = 0;
  const scored: ThemeResult[] = [];
  const unanswered = new Set(state.course.questions.filter((q) => !trainee.answers.has(q.index)).map((q) => q.scenario));
  const questions = state.course.questions.map((q): TraineeQuestion => {
    const hints = hintsOf(q);
    const opened = Math.min(trainee.hints.get(q.index) ?? 0, hints.length);
    const base = {
      index: q.index,
      id: q.question.id,
      subject: q.question.subject,
      text: q.question.text,
      choices: q.question.choices,
      hints: hints.slice(0, opened),
      hintsLeft: hints.length - opened,
    };
    const answer = trainee.answers.get(q.index);
    if (answer === undefined) return { ...base, status: 'open' };
    const { given, confidence, hintsOpened } = answer;
    if (unanswered.has(q.scenario)) return { ...base, status: 'submitted', held: 'scenario', given, confidence };
    if (state.locked.has(q.index)) return { ...base, status: 'submitted', held: 'instructor', given, confidence };
    const correct = given === q.question.expected;
    const earned = answerPoints(correct, confidence, hintsOpened);
    points += earned;
    revealed++;
    scored.push({ file: q.scenario.scenario.file, correct, points: earned });
    return {
      ...base,
      status: 'revealed',
      given,
      confidence,
      correct,
      expected: q.question.expected,
      points: earned,
      revealHtml: revealOf(q, given, correct),
    };
  });
  const scenarios = state.course.scenarios.map((s): TraineeScenario => {
    const { questions: _asked, notice: _notice, situation: _text, ...briefing } = s.briefing;
    return {
      index: s.index,
      theme: themeOf(s.scenario.file),
      briefing: { ...briefing, situationHtml: s.situationHtml },
      questions: questions.filter((q) => state.course.questions[q.index]?.scenario === s),
    };
  });
  return {
    joined: true,
    name: trainee.name,
    fleetHeader: FLEET_HEADER,
    scenarios,
    progress: { answered: trainee.answers.size, total: questions.length },
    score: { points, revealed },
    mastery: masteryByTheme(scored),
  };
}
