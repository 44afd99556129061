/** What a question is about, found again in its run: the artifact's verdict, or the device's state at the time asked. */
import { formatDuration } from '../core/duration.ts';
import type { DeviceState } from '../model/index.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import type { Scenario } from '../scenario/index.ts';
import { decidedVerdicts } from './decided-verdicts.ts';
import type { Question } from './question.ts';

/** The run a question came from, and the trainee's answer when there is one (the classroom's reveal and hints read it). */
export interface RevealContext {
  readonly scenario: Scenario;
  readonly report: ScenarioReport;
  readonly deviceAt: (device: string, at: number) => DeviceState | undefined;
  /** The trainee's answer; absent when they gave none. */
  readonly given?: string;
  /** Whether `given` is the engine's answer. */
  readonly correct?: boolean;
  /**
   * The pipeline's verdicts of the named artifacts (`decidedVerdicts(scenario, names)`), computed once per
   * scenario by the caller; when absent, each artifact question decides its artifact again (a few events).
   */
  readonly decided?: ReadonlyMap<string, Verdict>;
}

/** A question's subject: an artifact and its verdict, or a device and its state at the time asked. */
export type QuestionSubject =
  | { readonly kind: 'artifact'; readonly artifact: string; readonly verdict: Verdict }
  | { readonly kind: 'device'; readonly device: string; readonly at: number; readonly state: DeviceState };

/**
 * Finds the `expect` entry a question was built from (the ids are built as `buildQuestions` builds them, so a
 * dot or `@` in a name cannot confuse it) and its verdict or device state; `undefined` when the run lacks it.
 *
 * @example
 * questionSubject(question, context)?.kind; // 'artifact'
 */
export function questionSubject(question: Question, context: RevealContext): QuestionSubject | undefined {
  for (const expectation of context.scenario.expect) {
    if (expectation.kind === 'artifact' && question.field !== 'runningMode') {
      if (`${expectation.artifact}.${question.field}` !== question.id) continue;
      const name = expectation.artifact;
      // The pipeline's own verdict holds the exclusion entry and indicator; the report's has their text only.
      const verdict =
        context.report.namedVerdicts.get(name) === undefined
          ? undefined
          : (context.decided?.get(name) ??
            decidedVerdicts(context.scenario, [name]).get(name) ??
            context.report.namedVerdicts.get(name));
      return verdict === undefined ? undefined : { kind: 'artifact', artifact: expectation.artifact, verdict };
    }
    if (expectation.kind === 'device' && question.field === 'runningMode' && expectation.runningMode !== undefined) {
      const id = `${expectation.device}${expectation.at === undefined ? '' : `@${formatDuration(expectation.at)}`}.runningMode`;
      if (id !== question.id) continue;
      const at = expectation.at ?? context.report.run.endAt;
      const state = context.deviceAt(expectation.device, at);
      return state === undefined ? undefined : { kind: 'device', device: expectation.device, at, state };
    }
  }
  return undefined;
}
