/** What a run's AIR side holds: investigations, manual entries and alerts, with their history for the targets asked about. */
import type { AlertStatus, InvestigationState, Reason } from '../core/vocabulary.ts';
import type {
  AirActionEntry,
  AlertStatusState,
  EvidenceInput,
  InvestigationSnapshot,
  LiveInvestigation,
} from '../model/index.ts';
import type { AirQueries, AirTarget, InvestigationAt } from './air-queries.ts';
import { investigationPath } from './investigation-path.ts';
import type { Alert } from './verdict.ts';

/** One investigation of the run, with the history of its snapshots when a target names it. */
export interface InvestigationRecord {
  /** The investigation as it stands, changed in place by each event (`advanceInvestigation`). */
  readonly snapshot: LiveInvestigation;
  readonly device: string;
  readonly createdAt: number;
  /** Evidence artifacts in the order they joined. */
  readonly artifacts: string[];
  /** Why it runs as it does: the device's level, AIR's support on the device. */
  readonly reasons: Reason[];
  /** Evidence waiting for the device to come back (PendingResource). */
  waiting: EvidenceInput[];
  /** The alerts it holds, the first being the triggering alert. */
  readonly alerts: AirAlert[];
  /** When it reached a final state. */
  endedAt?: number;
  /** Every snapshot with its instant, when watched; undefined otherwise (memory stays with what is asked). */
  log?: { at: number; snapshot: InvestigationSnapshot }[];
}

/** An alert of an AIR run with its investigation and status. */
export interface AirAlert {
  readonly id: string;
  readonly alert: Alert;
  readonly investigationId?: number;
  status: AlertStatusState;
}

/** A manual response action's entry with its versions over time (few per run: one per timeline action and device). */
export interface ManualRecord {
  entry: AirActionEntry;
  readonly log: { at: number; entry: AirActionEntry }[];
  /** Isolation of an offline device: the end of the 3-day retry (§6.4, T82). */
  readonly deadline?: number;
}

/** What happened to one timeline action (contract §5.4), as a change record says what happened to a change. */
export interface ActionRecord {
  readonly at: number;
  readonly action: string;
  readonly by?: string;
  readonly role?: string;
  readonly status: 'applied' | 'refused';
  readonly reasons: readonly Reason[];
  /** The entries it created or changed. */
  readonly entries: readonly string[];
}

/** An alert as an AIR run reports it: the layers' alert with its id, investigation and status at the end of the run. */
export type AirAlertRecord = Alert & {
  readonly id: string;
  readonly investigationId: number | null;
  readonly investigationState: InvestigationState | null;
  readonly status: AlertStatus;
  /** When it was resolved, by autoresolve or an analyst. */
  readonly resolvedAt?: number;
};

/** An investigation as reported at the end of the run (the API's Investigation: `state`, `triggeringAlertId`). */
export interface InvestigationReport {
  readonly id: number;
  readonly device: string;
  readonly state: InvestigationState;
  readonly startTime: number;
  /** When it completed; undefined while it runs or waits. */
  readonly endTime?: number;
  readonly triggeringAlertId: string | null;
  readonly artifacts: readonly string[];
  readonly reasons: readonly Reason[];
}

/** The run's AIR records at its end, for the reports. */
export interface AirRecords {
  readonly entries: readonly AirActionEntry[];
  readonly investigations: readonly InvestigationReport[];
  readonly alerts: readonly AirAlertRecord[];
  readonly actions: readonly ActionRecord[];
}

/** The run's AIR side: answers for expectations and the records for reports. */
export interface AirResult extends AirQueries {
  readonly records: AirRecords;
}

const lastAt = <T extends { at: number }>(log: readonly T[], at: number): T | undefined => {
  let found: T | undefined;
  for (const item of log) if (item.at <= at) found = item;
  return found;
};

const matches = (entry: AirActionEntry, target: AirTarget) =>
  (target.artifact === undefined || entry.artifact === target.artifact) &&
  (target.device === undefined || entry.device === target.device) &&
  (target.actionType === undefined || entry.actionType === target.actionType);

/**
 * Answers AIR expectations from the watched investigations' and the manual entries' histories. `endAt` is the end of
 * the run, read when `at` is undefined.
 *
 * @example
 * airQueries(investigations, manual, 3_600_000).entriesAt({ artifact: 'a1' })[0]?.status; // 'Pending'
 */
export function airQueries(
  investigations: readonly InvestigationRecord[],
  manual: readonly ManualRecord[],
  endAt: number,
): AirQueries {
  return {
    entriesAt(target, at = endAt) {
      const found: AirActionEntry[] = [];
      for (const record of investigations) {
        const snapshot = record.log === undefined ? undefined : lastAt(record.log, at)?.snapshot;
        for (const entry of snapshot?.context.entries ?? []) if (matches(entry, target)) found.push(entry);
      }
      for (const record of manual) {
        const entry = lastAt(record.log, at)?.entry;
        if (entry !== undefined && matches(entry, target)) found.push(entry);
      }
      return found;
    },
    investigationAt(target, at = endAt): InvestigationAt | undefined {
      let found:
        | { record: InvestigationRecord; log: NonNullable<InvestigationRecord['log']>; snapshot: InvestigationSnapshot }
        | undefined;
      for (const record of investigations) {
        const log = record.log;
        if (log === undefined || record.createdAt > at) continue;
        if (target.device !== undefined && record.device !== target.device) continue;
        const snapshot = lastAt(log, at)?.snapshot;
        if (snapshot === undefined) continue;
        if (target.artifact !== undefined && !record.artifacts.includes(target.artifact)) continue;
        found = { record, log, snapshot };
        if (target.artifact !== undefined) break;
      }
      if (found === undefined) return undefined;
      const { record, log, snapshot } = found;
      return {
        id: record.snapshot.context.id,
        state: snapshot.state,
        device: record.device,
        reasons: record.reasons,
        level: snapshot.context.level,
        path: investigationPath(log, record.createdAt, at),
      };
    },
  };
}
