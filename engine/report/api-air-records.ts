/** Manual response actions and automated investigations as MDE API records (machineaction, investigation-api), from the AIR model's facts. */
import type {
  ApiInvestigation,
  ApiMachineAction,
  InvestigationState,
  MachineActionStatus,
  MachineActionType,
} from './api-shape.ts';
import { alertIdOf, guidOf } from './record-ids.ts';
import type { RecordContext } from './record-context.ts';

/**
 * A manual response action as the AIR model (issue 17, wired later) will hand it: the timeline's `action:` event
 * and what became of it. Only manual actions: AIR's remediations are Action Center entries, not machine actions.
 */
export interface ManualActionFact {
  /** 1-based, in the order the timeline requested them: the key of its GUID. */
  readonly ordinal: number;
  readonly type: MachineActionType;
  /** `Full`/`Selective` for isolation, `Quick`/`Full` for an antivirus scan (machineaction); none otherwise. */
  readonly scope?: 'Full' | 'Selective' | 'Quick';
  readonly device: string;
  /** The `by` of the timeline event. */
  readonly requestor: string;
  readonly comment?: string;
  readonly status: MachineActionStatus;
  /** Model times (ms): requested, last status change, cancelled. */
  readonly at: number;
  readonly updatedAt: number;
  readonly cancelledAt?: number;
  readonly cancelledBy?: string;
  /** Stop and quarantine: the file, by its SHA-1 when the artifact has one, else its SHA-256. */
  readonly file?: { readonly sha1?: string; readonly sha256?: string };
}

/** An automated investigation as the AIR model will hand it. */
export interface InvestigationFact {
  /** The investigation's number (the API's ids are numbers as strings, e.g. `"63004"`). */
  readonly id: number;
  readonly state: InvestigationState;
  readonly device: string;
  /** Model times (ms); `endAt` only once it completed. */
  readonly startAt: number;
  readonly endAt?: number;
  readonly cancelledBy?: string;
  /** The triggering alert's 1-based ordinal in the run and its model time: its API id is derived from both. */
  readonly triggeringAlert: { readonly ordinal: number; readonly at: number };
}

/**
 * The machineaction record of a manual response action. `requestSource`, `externalID`, `commands` (live
 * response only) and the title are not modelled: `null` or `[]`.
 *
 * @example
 * buildApiMachineAction({ ordinal: 1, type: 'Isolate', scope: 'Full', device: 'ws-01', requestor: 'dana', status: 'Pending', at: 0, updatedAt: 0 }, ctx).id; // a GUID
 */
export function buildApiMachineAction(fact: ManualActionFact, ctx: RecordContext): ApiMachineAction {
  const file = fact.file;
  const relatedFileInfo =
    file?.sha1 !== undefined
      ? { fileIdentifier: file.sha1.toLowerCase(), fileIdentifierType: 'Sha1' as const }
      : file?.sha256 !== undefined
        ? { fileIdentifier: file.sha256.toLowerCase(), fileIdentifierType: 'Sha256' as const }
        : null;
  return {
    id: guidOf(ctx.scope, `action:${fact.ordinal}`),
    type: fact.type,
    scope: fact.scope ?? null,
    requestor: fact.requestor,
    externalID: null,
    requestSource: null,
    commands: [],
    cancellationRequestor: fact.cancelledBy ?? null,
    requestorComment: fact.comment ?? null,
    cancellationComment: null,
    status: fact.status,
    machineId: ctx.machineId(fact.device),
    computerDnsName: ctx.dnsName(fact.device),
    creationDateTimeUtc: ctx.time(fact.at),
    cancellationDateTimeUtc: fact.cancelledAt === undefined ? null : ctx.time(fact.cancelledAt),
    lastUpdateDateTimeUtc: ctx.time(fact.updatedAt),
    title: null,
    relatedFileInfo,
  };
}

/**
 * The investigation-api record of an automated investigation; `triggeringAlertId` is the `id` its alert has in
 * the same document.
 *
 * @example
 * buildApiInvestigation({ id: 1, state: 'Running', device: 'ws-01', startAt: 0, triggeringAlert: { ordinal: 1, at: 0 } }, ctx).state; // 'Running'
 */
export function buildApiInvestigation(fact: InvestigationFact, ctx: RecordContext): ApiInvestigation {
  return {
    id: String(fact.id),
    startTime: ctx.time(fact.startAt),
    endTime: fact.endAt === undefined ? null : ctx.time(fact.endAt),
    state: fact.state,
    cancelledBy: fact.cancelledBy ?? null,
    statusDetails: null,
    machineId: ctx.machineId(fact.device),
    computerDnsName: ctx.dnsName(fact.device),
    triggeringAlertId: alertIdOf(ctx.scope, fact.triggeringAlert.ordinal, ctx.startMs + fact.triggeringAlert.at),
  };
}
