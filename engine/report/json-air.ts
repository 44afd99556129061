/** The JSON report's AIR parts (contract §5.4), present only when a scenario models AIR: entries, investigations, actions. */
import { formatDuration } from '../core/duration.ts';
import type { AirActionEntry } from '../model/index.ts';
import type { AirRecords } from '../pipeline/air-state.ts';
import type { NumberedAlert } from '../pipeline/run-simulation.ts';
import type { JsonAirAction, JsonAirEntry, JsonAlertAir, JsonInvestigation } from './json-report-shape.ts';

/**
 * An AIR or manual Action Center entry: the layers' entry's columns, then its tab, status, investigation and decision.
 *
 * @example
 * projectAirEntry(entry, time).tab; // 'pending'
 */
export function projectAirEntry(entry: AirActionEntry, time: (at: number) => string): JsonAirEntry {
  return {
    id: entry.id,
    time: time(entry.at),
    device: entry.device,
    actionType: entry.actionType,
    actionSource: entry.actionSource,
    entity: entry.entity,
    status: entry.status,
    tab: entry.tab,
    artifact: entry.artifact,
    investigationId: entry.investigationId ?? null,
    ...(entry.verdict === undefined ? {} : { verdict: entry.verdict }),
    ...(entry.decidedAt === undefined ? {} : { decidedTime: time(entry.decidedAt), decidedBy: entry.decidedBy ?? null }),
    ...(entry.undoneAt === undefined ? {} : { undoneTime: time(entry.undoneAt), undoneBy: entry.undoneBy ?? null }),
    reason: { code: entry.reason.code, message: entry.reason.message },
  };
}

/** An AIR run's alert fields; none for a v1 alert, so v1 reports are unchanged. */
export function alertAir(alert: NumberedAlert): JsonAlertAir | Record<string, never> {
  if (!('investigationState' in alert)) return {};
  const air = alert as NumberedAlert & { investigationId: number | null; investigationState: string | null; status: string };
  return { investigationId: air.investigationId, investigationState: air.investigationState, status: air.status };
}

/** The run's investigations and timeline actions at its end. */
export function airSections(
  records: AirRecords,
  time: (at: number) => string,
): { investigations: JsonInvestigation[]; actions: JsonAirAction[] } {
  return {
    investigations: records.investigations.map((investigation) => ({
      id: investigation.id,
      device: investigation.device,
      state: investigation.state,
      startTime: time(investigation.startTime),
      endTime: investigation.endTime === undefined ? null : time(investigation.endTime),
      triggeringAlertId: investigation.triggeringAlertId,
      artifacts: investigation.artifacts,
      reasons: investigation.reasons.map(({ code, message }) => ({ code, message })),
    })),
    actions: records.actions.map((action) => ({
      at: formatDuration(action.at),
      action: action.action,
      ...(action.by === undefined ? {} : { by: action.by }),
      ...(action.role === undefined ? {} : { role: action.role }),
      status: action.status,
      entries: action.entries,
      reasons: action.reasons.map(({ code, message }) => ({ code, message })),
    })),
  };
}
