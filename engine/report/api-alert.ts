/** One run alert as an MDE API v1 `Alert` with its evidence (alert-api), every field from the run or `null`. */
import type { ApiAlert, ApiAlertStatus, ApiEvidence, InvestigationState } from './api-shape.ts';
import { alertIdOf } from './record-ids.ts';
import { splitPath, type AlertOfRun, type RecordContext } from './record-context.ts';

/**
 * What automated investigation and the analyst add to an alert: the AIR model's (issue 17, wired later). Absent
 * today, when every alert reads as {@link NO_AIR}.
 */
export interface AlertAir {
  readonly investigationId: number | null;
  readonly investigationState: InvestigationState;
  readonly status: ApiAlertStatus;
  readonly assignedTo: string | null;
  readonly classification: ApiAlert['classification'];
  readonly determination: string | null;
  /** Model time (ms) of the last change to the alert; default its creation. */
  readonly updatedAt?: number;
  /** Model time (ms) it was resolved, when it was. */
  readonly resolvedAt?: number;
}

/**
 * An alert no investigation and no analyst touched, as a run without the AIR model has it:
 * - `status` `New`: nobody changed it (alert-api lists New for an alert not yet worked on);
 * - `investigationId` `null` and `investigationState` `Unknown` [inference]. The API's examples pair a null
 *   investigationId with `Queued` (alert-api: one is about to start), `UnsupportedAlertType` (air-results: "an
 *   automated investigation is not available for this type of alert") or `UnsupportedOs`. Each states a fact
 *   about AIR that a run without the AIR model does not have; `Unknown`, the enum's first value, states none.
 */
export const NO_AIR: AlertAir = {
  investigationId: null,
  investigationState: 'Unknown',
  status: 'New',
  assignedTo: null,
  classification: null,
  determination: null,
};

/**
 * The API alert of one run alert. Sources, field by field: `id` from the scenario and the alert's ordinal
 * ({@link alertIdOf}); severity, title, detection source, threat and technique from the alert the layers raised
 * (§6.6); the four event and creation times are the artifact's instant (the model has no processing delay);
 * `machineId` and `computerDnsName` from the device; `evidence` is the artifact. No incident, detector, description,
 * tenant, device group, user or comment is modelled: those are `null` (or `[]`).
 *
 * @example
 * buildApiAlert(item, recordContext(report)).investigationState; // 'Unknown' without the AIR model
 */
export function buildApiAlert(item: AlertOfRun, ctx: RecordContext, air: AlertAir = NO_AIR): ApiAlert {
  const { alert, artifact } = item;
  const created = ctx.time(alert.at);
  return {
    id: alertIdOf(ctx.scope, item.ordinal, ctx.startMs + alert.at),
    incidentId: null,
    investigationId: air.investigationId,
    assignedTo: air.assignedTo,
    severity: alert.severity,
    status: air.status,
    classification: air.classification,
    determination: air.determination,
    investigationState: air.investigationState,
    detectionSource: alert.detectionSource,
    detectorId: null,
    category: alertCategory(item),
    threatFamilyName: null,
    title: alert.title,
    description: null,
    alertCreationTime: created,
    firstEventTime: created,
    lastEventTime: created,
    lastUpdateTime: air.updatedAt === undefined ? created : ctx.time(air.updatedAt),
    resolvedTime: air.resolvedAt === undefined ? null : ctx.time(air.resolvedAt),
    machineId: ctx.machineId(alert.device),
    computerDnsName: ctx.dnsName(alert.device),
    rbacGroupName: null,
    aadTenantId: null,
    threatName: alert.threat ?? null,
    mitreTechniques: artifact.technique === undefined ? [] : [artifact.technique],
    relatedUser: null,
    comments: [],
    evidence: [buildApiEvidence(item, created)],
  };
}

/**
 * The alert's category: `Malware` for a Defender Antivirus alert on anything but PUA (air-results lists its
 * "…was prevented", "An active … was blocked" and CustomEnterpriseBlock alerts as Malware); `null` for EDR,
 * Custom TI and PUA alerts, whose category the docs read here do not give.
 */
export function alertCategory(item: AlertOfRun): string | null {
  return item.alert.detectionSource === 'WindowsDefenderAv' && item.artifact.class !== 'pua' ? 'Malware' : null;
}

// The artifact as the alert's one evidence: a File (a file the layers judged) or a Process (a process or a
// behaviour, whose image is the path); the opener is a process's parent. Hashes in lower case, as the JSON report has them.
function buildApiEvidence(item: AlertOfRun, created: string): ApiEvidence {
  const { artifact, alert } = item;
  const { fileName, folder } = splitPath(artifact.path);
  const parent = artifact.kind !== 'file' && artifact.process !== undefined ? splitPath(artifact.process) : undefined;
  return {
    entityType: artifact.kind === 'file' ? 'File' : 'Process',
    evidenceCreationTime: created,
    sha1: artifact.sha1?.toLowerCase() ?? null,
    sha256: artifact.sha256?.toLowerCase() ?? null,
    fileName,
    filePath: folder,
    processId: null,
    processCommandLine: null,
    processCreationTime: null,
    parentProcessId: null,
    parentProcessCreationTime: null,
    parentProcessFileName: parent?.fileName ?? null,
    parentProcessFilePath: parent?.folder ?? null,
    ipAddress: null,
    url: null,
    registryKey: null,
    registryHive: null,
    registryValueType: null,
    registryValue: null,
    accountName: null,
    domainName: null,
    userSid: null,
    aadUserId: null,
    userPrincipalName: null,
    detectionStatus: alert.detectionStatus,
  };
}
