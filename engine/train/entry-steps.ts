/** An Action Center entry's tab and status over time, read back from the entry as it stood at one time (§6.1–6.5). */
import type { ActionCenterStatus, ActionCenterTab } from '../core/vocabulary.ts';
import type { AirActionEntry } from '../model/index.ts';

/** One tab and status the entry held from `at` on, and who put it there (Automation, an analyst, System). */
export interface EntryStep {
  readonly at: number;
  readonly tab: ActionCenterTab;
  readonly status: ActionCenterStatus;
  readonly by?: string;
}

/**
 * The steps of `entry` up to the time it was read at, the last being its tab and status then: proposed or submitted
 * (`Pending` on the Pending tab for an action awaiting approval; a manual action in progress waits on History, where
 * manual actions are listed), then decided (`decidedAt`, `decidedBy`; taken at once when decided at its own instant),
 * then undone (`undoneAt`, `undoneBy`: only a completed action can be, so its decided status was `Completed`).
 *
 * @example
 * entrySteps(timedOut).map((step) => `${step.tab} ${step.status}`); // ['pending Pending', 'history TimedOut']
 */
export function entrySteps(entry: AirActionEntry): EntryStep[] {
  const decided: ActionCenterStatus = entry.status === 'Undone' ? 'Completed' : entry.status;
  const by = (who: string | undefined) => (who === undefined ? {} : { by: who });
  const steps: EntryStep[] = [];
  if (entry.decidedAt === entry.at) {
    steps.push({ at: entry.at, tab: 'history', status: decided, ...by(entry.decidedBy) });
  } else {
    const manual = entry.actionSource === 'Manual device action';
    steps.push({ at: entry.at, tab: manual ? 'history' : 'pending', status: 'Pending' });
    if (entry.decidedAt !== undefined)
      steps.push({ at: entry.decidedAt, tab: 'history', status: decided, ...by(entry.decidedBy) });
  }
  if (entry.undoneAt !== undefined) steps.push({ at: entry.undoneAt, tab: 'history', status: 'Undone', ...by(entry.undoneBy) });
  return steps;
}
