/** Who is in the class and what each has done: names, hints opened, answers given, and the instructor's reveal locks. */
import type { Confidence } from '../train/classroom-score.ts';
import type { Course } from './class-course.ts';
import type { SavedClass } from './saved-class.ts';

/** One submitted answer; `at` is the server's clock (ms since the epoch) when it arrived. */
export interface GivenAnswer {
  readonly given: string;
  readonly confidence: Confidence;
  /** Hints opened before submitting: each costs points. */
  readonly hintsOpened: number;
  readonly at: number;
}

export interface Trainee {
  /** The random session id of the trainee's cookie; never shown to anyone else. */
  readonly session: string;
  readonly name: string;
  readonly joinedAt: number;
  /** Hints opened per course question index. */
  readonly hints: Map<number, number>;
  readonly answers: Map<number, GivenAnswer>;
}

/**
 * The class as the server holds it. Mutations return what changed; the caller saves and notifies. Questions are
 * numbered by their course index; the save file names them by key, so a restart maps them back.
 *
 * @example
 * const state = new ClassState(course);
 * const trainee = state.join('Ada', session, now);
 * state.answer(trainee, 0, 'blocked', 'high', now);
 */
export class ClassState {
  readonly trainees = new Map<string, Trainee>();
  readonly locked = new Set<number>();

  constructor(readonly course: Course) {}

  join(name: string, session: string, at: number): Trainee {
    const trainee: Trainee = { session, name, joinedAt: at, hints: new Map(), answers: new Map() };
    this.trainees.set(session, trainee);
    return trainee;
  }

  /** Opens the trainee's next hint of a question not yet answered; false when there is none left or it is answered. */
  openHint(trainee: Trainee, question: number, available: number): boolean {
    const opened = trainee.hints.get(question) ?? 0;
    if (trainee.answers.has(question) || opened >= available) return false;
    trainee.hints.set(question, opened + 1);
    return true;
  }

  /** Records the answer once: a second submission of the same question is refused (undefined). */
  answer(trainee: Trainee, question: number, given: string, confidence: Confidence, at: number): GivenAnswer | undefined {
    if (trainee.answers.has(question)) return undefined;
    const answer: GivenAnswer = { given, confidence, hintsOpened: trainee.hints.get(question) ?? 0, at };
    trainee.answers.set(question, answer);
    return answer;
  }

  /** The trainees in the order they joined. */
  roster(): Trainee[] {
    return [...this.trainees.values()];
  }

  /** The state as the save file holds it (questions by key). The instructor's token is not part of it. */
  toSaved(): SavedClass {
    const key = (index: number) => this.course.questions[index]?.key ?? '';
    return {
      edrsimClassroom: 1,
      trainees: this.roster().map((t) => ({
        session: t.session,
        name: t.name,
        joinedAt: t.joinedAt,
        hints: [...t.hints].map(([question, opened]) => ({ question: key(question), opened })),
        answers: [...t.answers].map(([question, a]) => ({ question: key(question), ...a })),
      })),
      locked: [...this.locked].map(key),
    };
  }

  /**
   * The state a save file describes, or the keys it names that this course does not have (a save file of another
   * course must not be resumed silently with answers dropped).
   */
  static fromSaved(course: Course, saved: SavedClass): { ok: true; value: ClassState } | { ok: false; unknown: string[] } {
    const index = new Map(course.questions.map((q) => [q.key, q.index]));
    const unknown = new Set<string>();
    const find = (key: string): number => {
      const found = index.get(key);
      if (found === undefined) unknown.add(key);
      return found ?? -1;
    };
    const state = new ClassState(course);
    for (const t of saved.trainees) {
      const trainee = state.join(t.name, t.session, t.joinedAt);
      for (const h of t.hints) trainee.hints.set(find(h.question), h.opened);
      for (const { question, ...answer } of t.answers) trainee.answers.set(find(question), answer);
    }
    for (const key of saved.locked) state.locked.add(find(key));
    return unknown.size > 0 ? { ok: false, unknown: [...unknown] } : { ok: true, value: state };
  }
}
