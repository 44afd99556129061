/** Training questions for AIR expectations: an Action Center entry's tab and status, an investigation's state (contract §5.4). */
import { formatDuration } from '../core/duration.ts';
import { ACTION_CENTER_STATUSES, ACTION_CENTER_TABS, MODELLED_INVESTIGATION_STATES, type Reason } from '../core/vocabulary.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import type { Expectation } from '../scenario/index.ts';

/** The investigation states AIR reaches in the simulator (the statechart's), in the order a prompt lists them. */
export { MODELLED_INVESTIGATION_STATES };

/** A question about an AIR expectation; the same shape as `Question` (question.ts), which imports this file. */
export interface AirQuestion {
  readonly id: string;
  readonly field: 'entryTab' | 'entryStatus' | 'investigationState';
  readonly subject: string;
  readonly text: string;
  readonly choices: readonly string[];
  readonly expected: string;
  readonly summary: string;
  readonly reasons: readonly string[];
  readonly cite?: string;
}

/** The AIR question fields and their choices. */
export const AIR_CHOICES = {
  entryTab: ACTION_CENTER_TABS,
  entryStatus: ACTION_CENTER_STATUSES,
  investigationState: MODELLED_INVESTIGATION_STATES,
} as const;

const renderReason = (reason: Reason) => `[${reason.layer}] ${reason.message}${reason.cite ? ` (${reason.cite})` : ''}`;
const when = (at: number | undefined) => (at === undefined ? 'at the end of the run' : `at ${formatDuration(at)}`);
const about = (e: { artifact?: string; device?: string }) =>
  e.artifact === undefined ? `device ${e.device}` : `artifact ${e.artifact}`;
const key = (e: { artifact?: string; device?: string; at?: number }) =>
  `${e.artifact ?? e.device}${e.at === undefined ? '' : `@${formatDuration(e.at)}`}`;

/**
 * The questions an AIR expectation asks, answered from the run (never from the expectation): an `actionCenterEntry`
 * that pins `tab` or `status` asks for them about its first matching entry; an `investigation` asks for the state.
 * The reveal explains with the entry's reason (level and folder rule, approval, timeout) or the investigation's.
 * A target the run does not know is a problem, not a question.
 *
 * @example
 * airQuestions(expectation, report).questions[0]?.id; // 'a1@8d.entryStatus'
 */
export function airQuestions(
  expectation: Extract<Expectation, { kind: 'actionCenterEntry' | 'investigation' }>,
  report: ScenarioReport,
): { questions: AirQuestion[]; problem?: string } {
  const air = report.run.air;
  const cite = expectation.cite === undefined ? {} : { cite: expectation.cite };
  const subject = `${about(expectation)} ${when(expectation.at)}`;
  if (air === undefined)
    return { questions: [], problem: `expect[${expectation.index}]: the scenario does not model AIR, so it is not asked` };
  if (expectation.kind === 'investigation') {
    const found = air.investigationAt(expectation, expectation.at);
    if (found === undefined)
      return {
        questions: [],
        problem: `expect[${expectation.index}]: the run has no investigation of ${about(expectation)}, so it is not asked`,
      };
    return {
      questions: [
        {
          id: `${key(expectation)}.investigationState`,
          field: 'investigationState',
          subject,
          text: `${subject}: what is the investigation's state (the API's investigationState)?`,
          choices: AIR_CHOICES.investigationState,
          expected: found.state,
          summary: `investigation ${found.id} on ${found.device}: ${found.state}`,
          reasons: found.reasons.map(renderReason),
          ...cite,
        },
      ],
    };
  }
  if (!expectation.present || (expectation.tab === undefined && expectation.status === undefined)) return { questions: [] };
  const entry = air.entriesAt(expectation, expectation.at)[0];
  if (entry === undefined)
    return {
      questions: [],
      problem: `expect[${expectation.index}]: the run has no Action Center entry for ${about(expectation)}, so it is not asked`,
    };
  const type = ` (${entry.actionType})`;
  const summary = `${entry.id} ${entry.actionType} on ${entry.device}: ${entry.tab}, ${entry.status}${entry.decidedBy ? `, decided by ${entry.decidedBy}` : ''}`;
  const reasons = [
    renderReason(entry.reason),
    ...(entry.status === 'TimedOut'
      ? ['[air] nobody decided within 7 days: the action timed out, which counts as rejected (§6.5, T75)']
      : []),
  ];
  const asked = [
    ...(expectation.tab === undefined
      ? []
      : [{ field: 'entryTab' as const, text: 'which Action Center tab lists it?', expected: entry.tab }]),
    ...(expectation.status === undefined
      ? []
      : [{ field: 'entryStatus' as const, text: 'what is its status?', expected: entry.status }]),
  ];
  return {
    questions: asked.map((one) => ({
      id: `${key(expectation)}.${one.field}`,
      field: one.field,
      subject: `${subject}${type}`,
      text: `${subject}, the Action Center entry${type}: ${one.text}`,
      choices: AIR_CHOICES[one.field],
      expected: one.expected,
      summary,
      reasons,
      ...cite,
    })),
  };
}
