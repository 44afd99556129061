/** An Action Center entry made by AIR or an analyst: tab, status and the investigation it belongs to (§6.1–6.4). */
import type { ActionCenterStatus, ActionCenterTab, ActionType, Reason } from '../core/vocabulary.ts';
import type { AirVerdict } from '../policy/indicators/air-verdict.ts';

/** AIR's remediation actions (§6.4, air-review), by their Action Center labels. */
export type AirRemediationType = Extract<
  ActionType,
  'Quarantine file' | 'Stop process' | 'Remove registry key' | 'Stop service' | 'Disable driver' | 'Remove scheduled task'
>;

/**
 * One Action Center entry with its AIR side. It is the sibling of the layers' `ActionCenterEntry`
 * (`pipeline/verdict.ts`, always a completed History entry): the columns both have (`device`, `at`, `artifact`,
 * `actionType`, `actionSource`, `entity`, `status`) keep that type's names and spellings, so one renderer takes
 * either; this one adds `tab`, the wider status, the evidence and the investigation. Model may not import pipeline
 * (layer table), and the layers' entry is pinned by the library's report hashes, so the two meet in the renderers.
 */
export interface AirActionEntry {
  /** `<investigationId>-<n>` for AIR's entries (n from 1 in proposal order), `manual-<n>` for manual actions. */
  readonly id: string;
  /** The investigation that proposed it; undefined for a manual response action. */
  readonly investigationId?: number;
  readonly device: string;
  /** When it was proposed or submitted, ms of sim time. */
  readonly at: number;
  /** The artifact (evidence) it acts on, as the verdict names it. */
  readonly artifact: string;
  readonly actionType: ActionType;
  readonly actionSource: 'Automated device action' | 'Manual device action';
  /** What is acted on: the file path, the hash for a scope expansion, the device for a device action. */
  readonly entity: string;
  /** The file's hash, for "Apply to X more instances of this file" (T80). */
  readonly sha256?: string;
  /** AIR's verdict on the evidence after indicators (§5.4); undefined for manual actions. */
  readonly verdict?: AirVerdict;
  readonly tab: ActionCenterTab;
  readonly status: ActionCenterStatus;
  /** For a Pending entry: when it times out (7 days after `at`, §6.5). */
  readonly dueAt?: number;
  /** When it left Pending (or was taken at once). */
  readonly decidedAt?: number;
  /** `Automation`, the analyst's user name, or `System` for a timeout or a cancelled investigation. */
  readonly decidedBy?: string;
  /** When, and by whom, a completed action was undone from History (status `Undone`). */
  readonly undoneAt?: number;
  readonly undoneBy?: string;
  /** Why it was proposed where it was (its first tab). */
  readonly reason: Reason;
}

/** Pending actions time out after 7 days, and a timeout counts as a rejection (§6.5, T75). */
export const PENDING_TIMEOUT_MS = 7 * 86_400_000;

/** Statuses that count as rejected: an explicit rejection, and a timeout (§6.5). */
export function countsAsRejected(status: ActionCenterStatus): boolean {
  return status === 'Rejected' || status === 'TimedOut';
}

/**
 * Ends a Pending entry exactly once: `Completed` (approved), `Rejected`, `TimedOut` or `Cancelled`. An entry that is
 * not Pending comes back as it is, so a second decision never changes the first. An ended entry moves to History,
 * the audit log of approved actions (§6.1); rejected, timed-out and cancelled ones go there too [inference: the docs
 * say only that they leave Pending]. `decidedBy` tells an approved action from an automatic one.
 *
 * @example
 * endPending(entry, 'Rejected', 5_000, 'alice').status; // 'Rejected' when entry was Pending
 */
export function endPending(
  entry: AirActionEntry,
  status: 'Completed' | 'Rejected' | 'TimedOut' | 'Cancelled',
  at: number,
  by: string,
): AirActionEntry {
  if (entry.status !== 'Pending') return entry;
  return { ...entry, tab: 'history', status, decidedAt: at, decidedBy: by };
}
