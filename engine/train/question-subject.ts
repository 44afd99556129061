/** What a question is about, found again in its run: the artifact's verdict, the device's state, or AIR's entry and investigation. */
import { formatDuration } from '../core/duration.ts';
import type { AirActionEntry, DeviceState } from '../model/index.ts';
import type { InvestigationAt } from '../pipeline/air-queries.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import type { Scenario } from '../scenario/index.ts';
import { AIR_CHOICES, airQuestions, type AirQuestion } from './air-questions.ts';
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

/**
 * A question's subject: an artifact and its verdict, a device and its state at the time asked, or (AIR questions) the
 * Action Center entry and the investigation as they stood at the time asked (`entry` absent for an investigation
 * question, `investigation` absent for a manual response action's entry).
 */
export type QuestionSubject =
  | { readonly kind: 'artifact'; readonly artifact: string; readonly verdict: Verdict }
  | { readonly kind: 'device'; readonly device: string; readonly at: number; readonly state: DeviceState }
  | {
      readonly kind: 'air';
      readonly field: AirQuestion['field'];
      readonly at: number;
      readonly entry?: AirActionEntry;
      readonly investigation?: InvestigationAt;
    };

const isAirField = (field: string): field is AirQuestion['field'] => Object.hasOwn(AIR_CHOICES, field);
const ARTIFACT_FIELDS: readonly string[] = ['outcome', 'detectionStatus', 'actionCenter'];

/**
 * Finds the `expect` entry a question was built from (the ids are built as `buildQuestions` builds them, so a
 * dot or `@` in a name cannot confuse it) and its verdict, device state, or AIR entry and investigation; `undefined`
 * when the run lacks it.
 *
 * @example
 * questionSubject(question, context)?.kind; // 'artifact'
 */
export function questionSubject(question: Question, context: RevealContext): QuestionSubject | undefined {
  for (const expectation of context.scenario.expect) {
    // An AIR question's id can equal an artifact question's (`a1.entryTab`): only the verdict fields are artifact ones.
    if (expectation.kind === 'artifact' && ARTIFACT_FIELDS.includes(question.field)) {
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
    if ((expectation.kind === 'actionCenterEntry' || expectation.kind === 'investigation') && isAirField(question.field)) {
      const air = context.report.run.air;
      // The first expectation that asks this id is the one `buildQuestions` kept; ask it again the same way.
      if (air === undefined || !airQuestions(expectation, context.report).questions.some((q) => q.id === question.id)) continue;
      const at = expectation.at ?? context.report.run.endAt;
      const entry = expectation.kind === 'actionCenterEntry' ? air.entriesAt(expectation, expectation.at)[0] : undefined;
      // An entry's investigation is the one holding its artifact on its device (the one that proposed it).
      const investigation =
        entry === undefined
          ? air.investigationAt(expectation, expectation.at)
          : entry.investigationId === undefined
            ? undefined
            : air.investigationAt({ artifact: entry.artifact, device: entry.device }, expectation.at);
      return {
        kind: 'air',
        field: question.field,
        at,
        ...(entry === undefined ? {} : { entry }),
        ...(investigation === undefined || (entry !== undefined && investigation.id !== entry.investigationId)
          ? {}
          : { investigation }),
      };
    }
  }
  return undefined;
}
