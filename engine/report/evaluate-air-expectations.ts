/** Checks the AIR expectations (`actionCenterEntry`, `investigation`) against the run's AIR answers (contract §5.4). */
import { formatDuration } from '../core/duration.ts';
import type { AirQueries } from '../pipeline/air-queries.ts';
import type { Expectation } from '../scenario/index.ts';
import type { ExpectationResult } from './scenario-report.ts';

type Evaluated = Omit<ExpectationResult, 'name' | 'kind' | 'index' | 'cite' | 'line' | 'column'>;
type EntryExpectation = Extract<Expectation, { kind: 'actionCenterEntry' }>;
type InvestigationExpectation = Extract<Expectation, { kind: 'investigation' }>;

const when = (at: number | undefined) => (at === undefined ? 'at the end of the run' : `at ${formatDuration(at)}`);
const target = (e: { artifact?: string; device?: string }) =>
  e.artifact === undefined ? `device ${e.device}` : `artifact ${e.artifact}`;
/** The answer of an AIR expectation in a scenario without AIR. */
export const AIR_OFF: Evaluated = {
  passed: false,
  message: 'AIR is off in this scenario, so it has no AIR entries or investigations',
  details: ['turn it on with tenant.air: true, tenant.createdAt or a device group automationLevel (contract §5.4)'],
};

/**
 * An Action Center entry expectation: with `present: false`, no entry for the target (of the type, if given) exists at
 * `at`; otherwise one does with the asserted tab and status. A failure lists the entries there are, with their reasons.
 *
 * @example
 * entryExpectation({ kind: 'actionCenterEntry', artifact: 'a1', status: 'TimedOut', present: true, … }, air).passed;
 */
export function entryExpectation(expectation: EntryExpectation, air: AirQueries | undefined): Evaluated {
  if (air === undefined) return AIR_OFF;
  const type = expectation.actionType === undefined ? '' : ` (${expectation.actionType})`;
  const wanted = (['tab', 'status'] as const).filter((key) => expectation[key] !== undefined);
  const asserted = expectation.present ? wanted.map((key) => `${key} ${expectation[key]}`).join(', ') || 'present' : 'absent';
  const head = `Action Center entry for ${target(expectation)}${type} ${when(expectation.at)}: ${asserted}`;
  const entries = air.entriesAt(expectation, expectation.at);
  const listed = entries.map(
    (entry) =>
      `${entry.id} ${entry.actionType} on ${entry.device}: ${entry.tab}, ${entry.status} — ${entry.reason.message} (${entry.reason.cite ?? ''})`,
  );
  if (!expectation.present)
    return entries.length === 0
      ? { passed: true, message: head }
      : { passed: false, message: `${head} — got ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`, details: listed };
  if (entries.length === 0) return { passed: false, message: `${head} — there is no such entry` };
  const match = entries.find((entry) => wanted.every((key) => entry[key] === expectation[key]));
  if (match !== undefined) return { passed: true, message: head };
  const got = entries.map((entry) => `${entry.tab}, ${entry.status}`).join('; ');
  return { passed: false, message: `${head} — got ${got}`, details: listed };
}

/**
 * An investigation expectation: the target's investigation at `at` is in `state`.
 *
 * @example
 * investigationExpectation({ kind: 'investigation', artifact: 'a1', state: 'PendingApproval', … }, air).passed;
 */
export function investigationExpectation(expectation: InvestigationExpectation, air: AirQueries | undefined): Evaluated {
  if (air === undefined) return AIR_OFF;
  const head = `investigation of ${target(expectation)} ${when(expectation.at)}: state ${expectation.state}`;
  const found = air.investigationAt(expectation, expectation.at);
  if (found === undefined) return { passed: false, message: `${head} — there is no investigation` };
  if (found.state === expectation.state) return { passed: true, message: head };
  return {
    passed: false,
    message: `${head} — got ${found.state} (investigation ${found.id} on ${found.device})`,
    details: found.reasons.map((r) => `[${r.layer}] ${r.message}${r.cite ? ` (${r.cite})` : ''}`),
  };
}
