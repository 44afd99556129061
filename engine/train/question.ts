/** A training question: one pinned fact of a scenario's `expect`, with the engine's answer and why. */
import { formatDuration } from '../core/duration.ts';
import { DETECTION_STATUSES, OUTCOMES, RUNNING_MODES, type Reason } from '../core/vocabulary.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import { verdictSummary } from '../report/render-trace.ts';
import type { Expectation, Scenario } from '../scenario/index.ts';
import type { DeviceState } from '../model/index.ts';
import { AIR_CHOICES, airQuestions } from './air-questions.ts';

/**
 * What a question asks about: an artifact's verdict fields, a device's `AMRunningMode`, or (AIR scenarios) an Action
 * Center entry's tab and status and an investigation's state.
 */
export type QuestionField =
  'outcome' | 'detectionStatus' | 'actionCenter' | 'runningMode' | 'entryTab' | 'entryStatus' | 'investigationState';

/** The numbered choices of each field, in the order the prompt lists them. */
export const CHOICES: Readonly<Record<QuestionField, readonly string[]>> = {
  outcome: OUTCOMES,
  detectionStatus: DETECTION_STATUSES,
  actionCenter: ['yes', 'no'],
  runningMode: RUNNING_MODES,
  ...AIR_CHOICES,
};

export interface Question {
  /**
   * `a1.outcome`, `a1.detectionStatus`, `a1.actionCenter`, `ws-01@25m.runningMode`, `ws-01.runningMode` (end of run);
   * AIR: `a1@8d.entryStatus`, `a1.entryTab`, `ws-01.investigationState`.
   */
  readonly id: string;
  readonly field: QuestionField;
  /** What it is about, as a heading: `artifact a1 on ws-01 at 5m`, `device ws-01 at 25m`. */
  readonly subject: string;
  /** One sentence a trainee can answer, e.g. `artifact a1 on ws-01 at 5m: what is its outcome?`. */
  readonly text: string;
  readonly choices: readonly string[];
  /** The engine's answer, taken from the run (never from the expectation text). */
  readonly expected: string;
  /** The engine's summary line and its reasons, layer by layer, rendered as `[layer] message (cite)`. */
  readonly summary: string;
  readonly reasons: readonly string[];
  readonly cite?: string;
}

const FIELD_TEXT: Readonly<Record<'outcome' | 'detectionStatus' | 'actionCenter', string>> = {
  outcome: 'what is its outcome?',
  detectionStatus: 'what detection status does the portal show?',
  actionCenter: 'does the Action Center get an entry?',
};

const renderReason = (reason: Reason) => `[${reason.layer}] ${reason.message}${reason.cite ? ` (${reason.cite})` : ''}`;

/**
 * Turns a scenario's `expect` into questions, in `expect` order: every `artifact` entry asks for its
 * `outcome`, plus `detectionStatus` and `actionCenter` when the entry pins them; every `device` entry that
 * pins `runningMode` asks for it. A question asked twice is kept once; a subject the run does not know
 * becomes a problem instead of a question.
 *
 * @example
 * buildQuestions(scenario, runScenario(scenario), deviceAt).questions.map((q) => q.id); // ['a1.outcome', …]
 */
export function buildQuestions(
  scenario: Scenario,
  report: ScenarioReport,
  deviceAt: (device: string, at: number) => DeviceState | undefined,
): { questions: Question[]; problems: string[] } {
  const questions = new Map<string, Question>();
  const problems: string[] = [];
  for (const expectation of scenario.expect) {
    const cite = expectation.cite === undefined ? {} : { cite: expectation.cite };
    if (expectation.kind === 'artifact') {
      const verdict = report.namedVerdicts.get(expectation.artifact);
      if (verdict === undefined) {
        problems.push(
          `expect[${expectation.index}]: the run has no verdict for artifact "${expectation.artifact}", so it is not asked`,
        );
        continue;
      }
      const summary = verdictSummary(verdict);
      const reasons = verdict.reasons.map(renderReason);
      const answers = {
        outcome: verdict.outcome,
        detectionStatus: verdict.detectionStatus,
        actionCenter: verdict.actionCenter ? 'yes' : 'no',
      };
      for (const field of fieldsOf(expectation)) {
        const id = `${expectation.artifact}.${field}`;
        if (questions.has(id)) continue;
        const subject = `artifact ${verdict.artifact} on ${verdict.device} at ${formatDuration(verdict.at)}`;
        questions.set(id, {
          id,
          field,
          subject,
          text: `${subject}: ${FIELD_TEXT[field]}`,
          choices: CHOICES[field],
          expected: answers[field],
          summary,
          reasons,
          ...cite,
        });
      }
    } else if (expectation.kind === 'actionCenterEntry' || expectation.kind === 'investigation') {
      const asked = airQuestions(expectation, report);
      if (asked.problem !== undefined) problems.push(asked.problem);
      for (const question of asked.questions) if (!questions.has(question.id)) questions.set(question.id, question);
    } else if (expectation.kind === 'device' && expectation.runningMode !== undefined) {
      const at = expectation.at ?? report.run.endAt;
      const state = deviceAt(expectation.device, at);
      if (state === undefined) {
        problems.push(`expect[${expectation.index}]: there is no device "${expectation.device}", so it is not asked`);
        continue;
      }
      const id = `${expectation.device}${expectation.at === undefined ? '' : `@${formatDuration(expectation.at)}`}.runningMode`;
      if (questions.has(id)) continue;
      const when = expectation.at === undefined ? 'at the end of the run' : `at ${formatDuration(expectation.at)}`;
      const block = state.edrBlockMode.effective ? 'effective' : 'not effective';
      questions.set(id, {
        id,
        field: 'runningMode',
        subject: `device ${expectation.device} ${when}`,
        text: `device ${expectation.device} ${when}: what does Get-MpComputerStatus show as AMRunningMode?`,
        choices: CHOICES.runningMode,
        expected: state.runningMode,
        summary: `Defender Antivirus ${state.mode}, AMRunningMode ${state.runningMode}, EDR in block mode ${block}`,
        reasons: [...state.modeReasons, ...state.edrBlockMode.reasons].map(renderReason),
        ...cite,
      });
    }
  }
  return { questions: [...questions.values()], problems };
}

function fieldsOf(expectation: Extract<Expectation, { kind: 'artifact' }>): ('outcome' | 'detectionStatus' | 'actionCenter')[] {
  return [
    'outcome' as const,
    ...(expectation.detectionStatus === undefined ? [] : ['detectionStatus' as const]),
    ...(expectation.actionCenter === undefined ? [] : ['actionCenter' as const]),
  ];
}
