/** The AIR records of a run at its end: Action Center entries, investigations, alerts with their AIR fields, actions. */
import type { AirContext } from './air-actions.ts';
import type { AirRecords } from './air-state.ts';

/**
 * Reads the run's AIR state at the end of the run into plain records for the reports: AIR's entries (in investigation
 * order, then proposal order) and the manual ones, each investigation with its triggering alert, every alert of the run
 * with `investigationId`, `investigationState` and `status`, and what happened to each timeline action.
 *
 * @example
 * airRecords(ctx).investigations[0]?.state; // 'SuccessfullyRemediated'
 */
export function airRecords(ctx: AirContext): AirRecords {
  const stateOf = new Map(ctx.investigations.map((record) => [record.snapshot.context.id, record.snapshot.state]));
  return {
    entries: ctx.investigations.flatMap((record) => record.snapshot.context.entries).concat(ctx.manual.map((m) => m.entry)),
    investigations: ctx.investigations.map((record) => ({
      id: record.snapshot.context.id,
      device: record.device,
      state: record.snapshot.state,
      startTime: record.createdAt,
      ...(record.endedAt === undefined ? {} : { endTime: record.endedAt }),
      triggeringAlertId: record.alerts[0]?.id ?? null,
      artifacts: [...record.artifacts],
      reasons: record.reasons,
    })),
    alerts: ctx.alerts.map((held) => ({
      ...held.alert,
      id: held.id,
      investigationId: held.investigationId ?? null,
      investigationState: held.investigationId === undefined ? null : (stateOf.get(held.investigationId) ?? null),
      status: held.status.status,
      ...(held.status.resolvedAt === undefined ? {} : { resolvedAt: held.status.resolvedAt }),
    })),
    actions: [...ctx.actions],
  };
}
