/** Test fixture: a scenario loaded (from text or a library file) and run, as the classroom's reveal sees it. */
import { modelAt } from '../../engine/pipeline/model-at.ts';
import { loadScenarioFile, runScenario } from '../../engine/run-scenario.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { decidedVerdicts } from '../../engine/train/decided-verdicts.ts';
import { buildQuestions, type Question } from '../../engine/train/question.ts';
import type { RevealContext } from '../../engine/train/reveal-html.ts';
import { loaded } from '../scenario/scenario-text.ts';

/** A run's reveal context (with the pipeline's verdicts of the named artifacts) and its questions. */
export interface Classroom {
  readonly context: RevealContext;
  readonly questions: readonly Question[];
  /** The question with this id; throws when there is none, so a test cannot pass on nothing. */
  question(id: string): Question;
}

/**
 * Runs `scenario` and builds its questions as `edrsim train` does.
 *
 * @example
 * classroomOf(loaded(CLASSROOM_HOSTILE)).question('a2.outcome').expected; // 'blocked'
 */
export function classroomOf(scenario: Scenario): Classroom {
  const report = runScenario(scenario);
  const deviceAt = (device: string, at: number) => modelAt(scenario, at).device(device);
  const decided = decidedVerdicts(scenario, report.namedVerdicts.keys());
  const { questions } = buildQuestions(scenario, report, deviceAt);
  return {
    context: { scenario, report, deviceAt, decided },
    questions,
    question: (id) => {
      const found = questions.find((q) => q.id === id);
      if (found === undefined) throw new Error(`no question ${id}: ${questions.map((q) => q.id).join(', ')}`);
      return found;
    },
  };
}

const library = new Map<string, Classroom>();

/** {@link classroomOf} a library file, e.g. `07-exclusions/01-block-mode-honours-folder-exclusion.yaml`; run once per test file. */
export function libraryClassroom(file: string): Classroom {
  const known = library.get(file);
  if (known !== undefined) return known;
  const result = loadScenarioFile(new URL(`../../scenarios/${file}`, import.meta.url).pathname);
  if (!result.ok) throw new Error(`${file} does not load`);
  const classroom = classroomOf(result.value);
  library.set(file, classroom);
  return classroom;
}

/** {@link classroomOf} scenario text. */
export const textClassroom = (text: string): Classroom => classroomOf(loaded(text));
