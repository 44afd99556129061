/** The `--format api` records as types: Defender for Endpoint API v1 Alert, MachineAction and Investigation, as their pages spell them. */
import type { AlertSeverity, AlertSource } from '../pipeline/verdict.ts';
import type { Issue } from '../core/issue.ts';

/** Alert `investigationState` and Investigation `state`: the enum of alert-api and investigation-api, in their order. */
export type InvestigationState =
  | 'Unknown'
  | 'Terminated'
  | 'SuccessfullyRemediated'
  | 'Benign'
  | 'Failed'
  | 'PartiallyRemediated'
  | 'Running'
  | 'PendingApproval'
  | 'PendingResource'
  | 'PartiallyInvestigated'
  | 'TerminatedByUser'
  | 'TerminatedBySystem'
  | 'Queued'
  | 'InnerFailure'
  | 'PreexistingAlert'
  | 'UnsupportedOs'
  | 'UnsupportedAlertType'
  | 'SuppressedAlert';

/** Alert `status` (alert-api). */
export type ApiAlertStatus = 'Unknown' | 'New' | 'InProgress' | 'Resolved';

/**
 * One alert of `GET /api/alerts?$expand=evidence` (alert-api, get-alerts): every property of the page's table,
 * in the order of its JSON examples, `null` where the run has no value. No Graph alerts_v2 field.
 */
export interface ApiAlert {
  readonly id: string;
  readonly incidentId: number | null;
  readonly investigationId: number | null;
  readonly assignedTo: string | null;
  readonly severity: AlertSeverity;
  readonly status: ApiAlertStatus;
  readonly classification: 'TruePositive' | 'Informational, expected activity' | 'FalsePositive' | null;
  readonly determination: string | null;
  readonly investigationState: InvestigationState;
  readonly detectionSource: AlertSource;
  readonly detectorId: string | null;
  readonly category: string | null;
  readonly threatFamilyName: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly alertCreationTime: string;
  readonly firstEventTime: string;
  readonly lastEventTime: string;
  readonly lastUpdateTime: string;
  readonly resolvedTime: string | null;
  readonly machineId: string;
  readonly computerDnsName: string;
  readonly rbacGroupName: string | null;
  readonly aadTenantId: string | null;
  readonly threatName: string | null;
  readonly mitreTechniques: readonly string[];
  readonly relatedUser: { readonly userName: string; readonly domainName: string } | null;
  readonly comments: readonly { readonly comment: string; readonly createdBy: string; readonly createdTime: string }[];
  readonly evidence: readonly ApiEvidence[];
}

/** One alert evidence (alert-api's example), every key present, `null` where it does not apply. */
export interface ApiEvidence {
  readonly entityType: 'File' | 'Process';
  readonly evidenceCreationTime: string;
  readonly sha1: string | null;
  readonly sha256: string | null;
  readonly fileName: string | null;
  readonly filePath: string | null;
  readonly processId: number | null;
  readonly processCommandLine: string | null;
  readonly processCreationTime: string | null;
  readonly parentProcessId: number | null;
  readonly parentProcessCreationTime: string | null;
  readonly parentProcessFileName: string | null;
  readonly parentProcessFilePath: string | null;
  readonly ipAddress: string | null;
  readonly url: string | null;
  readonly registryKey: string | null;
  readonly registryHive: string | null;
  readonly registryValueType: string | null;
  readonly registryValue: string | null;
  readonly accountName: string | null;
  readonly domainName: string | null;
  readonly userSid: string | null;
  readonly aadUserId: string | null;
  readonly userPrincipalName: string | null;
  readonly detectionStatus: 'Blocked' | 'Prevented' | 'Detected' | null;
}

/** MachineAction `type` (machineaction). */
export type MachineActionType =
  | 'RunAntiVirusScan'
  | 'Offboard'
  | 'LiveResponse'
  | 'CollectInvestigationPackage'
  | 'Isolate'
  | 'Unisolate'
  | 'StopAndQuarantineFile'
  | 'RestrictCodeExecution'
  | 'UnrestrictCodeExecution';

/** MachineAction `status` (machineaction). */
export type MachineActionStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'TimeOut' | 'Cancelled';

/** A manual response action (machineaction): every property of the page's table, in its order. */
export interface ApiMachineAction {
  readonly id: string;
  readonly type: MachineActionType;
  readonly scope: 'Full' | 'Selective' | 'Quick' | null;
  readonly requestor: string;
  readonly externalID: string | null;
  readonly requestSource: string | null;
  readonly commands: readonly string[];
  readonly cancellationRequestor: string | null;
  readonly requestorComment: string | null;
  readonly cancellationComment: string | null;
  readonly status: MachineActionStatus;
  readonly machineId: string;
  readonly computerDnsName: string;
  readonly creationDateTimeUtc: string;
  readonly cancellationDateTimeUtc: string | null;
  readonly lastUpdateDateTimeUtc: string;
  readonly title: string | null;
  readonly relatedFileInfo: { readonly fileIdentifier: string; readonly fileIdentifierType: 'Sha1' | 'Sha256' | 'Md5' } | null;
}

/** An automated investigation (investigation-api), in the order of its JSON representation. */
export interface ApiInvestigation {
  readonly id: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly state: InvestigationState;
  readonly cancelledBy: string | null;
  readonly statusDetails: string | null;
  readonly machineId: string;
  readonly computerDnsName: string;
  readonly triggeringAlertId: string;
}

/** The `--format api` document: one entry per scenario (as `--format json` has), each with the three record lists. */
export interface ApiReport {
  readonly scenarios: readonly ApiScenario[];
  readonly errors?: readonly Issue[];
}

export interface ApiScenario {
  readonly name: string;
  readonly file: string;
  readonly seed: number;
  readonly alerts: readonly ApiAlert[];
  readonly machineActions: readonly ApiMachineAction[];
  readonly investigations: readonly ApiInvestigation[];
}
