/** The class's course: each scenario run once at start, its questions built as `edrsim train` builds them, in course order. */
import type { DeviceState } from '../model/index.ts';
import { modelAt } from '../pipeline/model-at.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import { runScenario } from '../run-scenario.ts';
import type { Scenario } from '../scenario/index.ts';
import { handoutContent, type HandoutScenario } from '../train/handout-content.ts';
import { markdownToHtml } from '../train/markdown-html.ts';
import { splitMarkdown } from '../train/plain-markdown.ts';
import { buildQuestions, type Question } from '../train/question.ts';

/** One scenario of the course, run once: what its reveals and hints are drawn from. */
export interface CourseScenario {
  readonly index: number;
  readonly scenario: Scenario;
  readonly report: ScenarioReport;
  readonly deviceAt: (device: string, at: number) => DeviceState | undefined;
  /** The trainee's briefing: situation, fleet, tenant, policy, timeline with ground truth; never an answer. */
  readonly briefing: HandoutScenario;
  /** The description before "What to notice" as HTML: Markdown with raw HTML off, every string escaped. */
  readonly situationHtml: string;
}

/** One question of the course; `index` is its place in the whole course, the number the API speaks. */
export interface CourseQuestion {
  readonly index: number;
  /** `<scenario file>#<question id>`: what the save file records, stable across restarts. */
  readonly key: string;
  readonly scenario: CourseScenario;
  readonly question: Question;
}

export interface Course {
  readonly scenarios: readonly CourseScenario[];
  readonly questions: readonly CourseQuestion[];
  /** Expectations that could not become questions, as `train` reports them: `file: problem`. */
  readonly problems: readonly string[];
}

/**
 * Runs every scenario once and asks its questions as `train` and `handout` do (`buildQuestions` over the run,
 * devices from `modelAt`), in the order given: the course order.
 *
 * @example
 * buildCourse(loaded.scenarios).questions[0]?.key; // 'scenarios/01-modes/01-active.yaml#a1.outcome'
 */
export function buildCourse(scenarios: readonly Scenario[]): Course {
  const out: CourseScenario[] = [];
  const questions: CourseQuestion[] = [];
  const problems: string[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    const report = runScenario(scenario);
    const deviceAt = (device: string, at: number) => modelAt(scenario, at).device(device);
    const built = buildQuestions(scenario, report, deviceAt);
    for (const problem of built.problems) problems.push(`${scenario.file}: ${problem}`);
    const briefing = handoutContent({ scenario, questions: built.questions }, false);
    const situationHtml = markdownToHtml(splitMarkdown(scenario.description).before);
    const item: CourseScenario = { index, scenario, report, deviceAt, briefing, situationHtml };
    out.push(item);
    for (const question of built.questions)
      questions.push({ index: questions.length, key: `${scenario.file}#${question.id}`, scenario: item, question });
  }
  return { scenarios: out, questions, problems };
}
