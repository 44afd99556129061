/** The AIR run's records as `--format api` reads them: alert AIR fields, manual machine actions and investigations (issue 17). */
import type { ActionType } from '../core/vocabulary.ts';
import type { ScenarioAir } from './api-report.ts';
import type { MachineActionStatus, MachineActionType } from './api-shape.ts';
import type { ScenarioReport } from './scenario-report.ts';

const MACHINE_TYPES: Partial<Record<ActionType, MachineActionType>> = {
  'Isolate device': 'Isolate',
  'Stop and quarantine file': 'StopAndQuarantineFile',
  'Collect investigation package': 'CollectInvestigationPackage',
};

/**
 * The API records of a scenario whose run modelled AIR, else undefined (alerts read as `NO_AIR`, no lists). Machine
 * actions are the manual response actions only (AIR's remediations are Action Center entries, not machine actions):
 * `Completed` reads `Succeeded`, an isolation that outlived its 3-day retry `TimeOut` (the model's [inference]), an
 * undone action keeps `Succeeded` (undo is a new action, e.g. Unisolate). Alert ordinals are the run's `da` numbers.
 *
 * @example
 * renderApi(reports, write, [], { airOf: airOfReport });
 */
export function airOfReport(report: ScenarioReport): ScenarioAir | undefined {
  const air = report.run.air?.records;
  if (air === undefined) return undefined;
  const requestor = new Map<string, string>();
  for (const action of air.actions) for (const id of action.entries) if (action.by !== undefined) requestor.set(id, action.by);
  const manual = air.entries.filter((entry) => entry.actionSource === 'Manual device action');
  const alertAt = new Map(air.alerts.map((alert) => [alert.id, alert.at]));
  return {
    alert: (ordinal) => {
      const alert = air.alerts[ordinal - 1];
      if (alert === undefined) return undefined;
      return {
        investigationId: alert.investigationId,
        investigationState: alert.investigationState ?? 'Unknown',
        status: alert.status,
        assignedTo: null,
        classification: null,
        determination: null,
        ...(alert.resolvedAt === undefined ? {} : { resolvedAt: alert.resolvedAt, updatedAt: alert.resolvedAt }),
      };
    },
    machineActions: (emit) =>
      manual.forEach((entry, index) => {
        const type = MACHINE_TYPES[entry.actionType];
        if (type === undefined) return;
        const status: MachineActionStatus =
          entry.status === 'Pending'
            ? 'Pending'
            : entry.status === 'Failed'
              ? 'TimeOut'
              : entry.status === 'Cancelled'
                ? 'Cancelled'
                : 'Succeeded';
        emit({
          ordinal: index + 1,
          type,
          ...(type === 'Isolate' ? { scope: 'Full' as const } : {}),
          device: entry.device,
          requestor: requestor.get(entry.id) ?? '',
          status,
          at: entry.at,
          updatedAt: entry.decidedAt ?? entry.at,
          ...(entry.sha256 === undefined ? {} : { file: { sha256: entry.sha256 } }),
        });
      }),
    investigations: (emit) => {
      for (const investigation of air.investigations) {
        const trigger = investigation.triggeringAlertId;
        if (trigger === null) continue;
        emit({
          id: investigation.id,
          state: investigation.state,
          device: investigation.device,
          startAt: investigation.startTime,
          ...(investigation.endTime === undefined ? {} : { endAt: investigation.endTime }),
          triggeringAlert: { ordinal: Number(trigger.slice(2)), at: alertAt.get(trigger) ?? investigation.startTime },
        });
      }
    },
  };
}
