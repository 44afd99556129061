/** One run alert as advanced hunting rows: a DeviceEvents `AntivirusDetection`, an AlertInfo row and an AlertEvidence row. */
import type { AlertSource } from '../pipeline/verdict.ts';
import { alertCategory } from './api-alert.ts';
import {
  ALERT_EVIDENCE_COLUMNS,
  ALERT_INFO_COLUMNS,
  DEVICE_EVENTS_COLUMNS,
  huntingRow,
  type HuntingRow,
} from './hunting-columns.ts';
import { alertIdOf } from './record-ids.ts';
import { splitPath, type AlertOfRun, type RecordContext } from './record-context.ts';

// alerts-queue: the portal's Detection source labels of the API values (§6.6). AlertInfo and AlertEvidence name the
// detection technology in the portal's words [inference: the schema pages give no value list].
const DETECTION_SOURCE_LABEL: Readonly<Record<AlertSource, string>> = {
  WindowsDefenderAv: 'Antivirus',
  WindowsDefenderAtp: 'EDR',
  CustomerTI: 'Custom TI',
};

// alerts-queue lists the service sources by product name; every alert here is Defender for Endpoint's.
const SERVICE_SOURCE = 'Microsoft Defender for Endpoint';

/**
 * The DeviceEvents row of a Defender Antivirus alert, or undefined for any other alert: `ActionType`
 * `AntivirusDetection` with `AdditionalFields` `{"ThreatName","WasExecutingWhileDetected","WasRemediated"}` (pua:
 * the documented query reads exactly these). Antivirus alerts include EDR in block mode remediations (§3.7,
 * compat note 3: their alerts name Defender Antivirus) and file indicator blocks, whose threat is
 * `EUS:Win32/CustomEnterpriseBlock!cl` (ioc-file) [inference: both are detections of the antivirus engine]. EDR
 * sensor and Custom TI alerts have no antivirus event: they are in AlertInfo and AlertEvidence only. Blocked, prevented
 * and detected-only differ in `WasRemediated` and `WasExecutingWhileDetected`, not in `ActionType`: `AntivirusDetection`
 * is the one antivirus ActionType a Learn page documents with these fields (pua); others seen in tenants
 * (`AntivirusDetectionActionType`, `AntivirusMalwareBlocked`) are described only in community material, so none is emitted.
 * `WasRemediated`: the verdict is blocked. `WasExecutingWhileDetected`: the artifact is a process or a behaviour
 * (it runs), not a file met on access or in a scan (contract §2: such a stop is `Prevented`). `ReportId` is
 * `reportId`, the row's 1-based number in the scenario (the page: "a repeating counter").
 *
 * @example
 * deviceEventRow(item, ctx, 1)?.ActionType; // 'AntivirusDetection'
 */
export function deviceEventRow(
  item: AlertOfRun,
  ctx: RecordContext,
  reportId: number,
): HuntingRow<typeof DEVICE_EVENTS_COLUMNS> | undefined {
  const { alert, artifact, verdict } = item;
  if (alert.detectionSource !== 'WindowsDefenderAv') return undefined;
  const { fileName, folder } = splitPath(artifact.path);
  const opener = artifact.process === undefined ? undefined : splitPath(artifact.process);
  const running = artifact.kind !== 'file' || artifact.trigger === 'behavior';
  return huntingRow(DEVICE_EVENTS_COLUMNS, {
    Timestamp: ctx.time(alert.at),
    DeviceId: ctx.machineId(alert.device),
    DeviceName: ctx.dnsName(alert.device),
    ActionType: 'AntivirusDetection',
    FileName: fileName,
    FolderPath: folder,
    SHA1: artifact.sha1?.toLowerCase() ?? null,
    SHA256: artifact.sha256?.toLowerCase() ?? null,
    MD5: artifact.md5?.toLowerCase() ?? null,
    InitiatingProcessFileName: opener?.fileName ?? null,
    InitiatingProcessFolderPath: opener?.folder ?? null,
    ReportId: reportId,
    // The column is a string holding JSON (the page: "in JSON array format"; the queries parse_json it).
    AdditionalFields: JSON.stringify({
      ThreatName: alert.threat ?? null,
      WasExecutingWhileDetected: running,
      WasRemediated: verdict.outcome === 'blocked',
    }),
  });
}

/**
 * The AlertInfo row of an alert: the same `AlertId` as the API alert, its title, category and severity;
 * `AttackTechniques` a JSON array of the artifact's technique, or `null`.
 *
 * @example
 * alertInfoRow(item, ctx).DetectionSource; // 'Antivirus'
 */
export function alertInfoRow(item: AlertOfRun, ctx: RecordContext): HuntingRow<typeof ALERT_INFO_COLUMNS> {
  const { alert } = item;
  return huntingRow(ALERT_INFO_COLUMNS, {
    Timestamp: ctx.time(alert.at),
    AlertId: alertIdOf(ctx.scope, item.ordinal, ctx.startMs + alert.at),
    Title: alert.title,
    Category: alertCategory(item),
    Severity: alert.severity,
    ServiceSource: SERVICE_SOURCE,
    DetectionSource: DETECTION_SOURCE_LABEL[alert.detectionSource],
    AttackTechniques: techniques(item),
  });
}

/**
 * The AlertEvidence row of an alert's one evidence, the artifact: a File or a Process on its device, `EvidenceRole`
 * `Impacted` [inference: the page names impacted and related entities; the detected file is the impacted one].
 *
 * @example
 * alertEvidenceRow(item, ctx).EntityType; // 'File'
 */
export function alertEvidenceRow(item: AlertOfRun, ctx: RecordContext): HuntingRow<typeof ALERT_EVIDENCE_COLUMNS> {
  const { alert, artifact } = item;
  const { fileName, folder } = splitPath(artifact.path);
  const category = alertCategory(item);
  return huntingRow(ALERT_EVIDENCE_COLUMNS, {
    Timestamp: ctx.time(alert.at),
    AlertId: alertIdOf(ctx.scope, item.ordinal, ctx.startMs + alert.at),
    Title: alert.title,
    Categories: JSON.stringify(category === null ? [] : [category]),
    AttackTechniques: techniques(item),
    ServiceSource: SERVICE_SOURCE,
    DetectionSource: DETECTION_SOURCE_LABEL[alert.detectionSource],
    EntityType: artifact.kind === 'file' ? 'File' : 'Process',
    EvidenceRole: 'Impacted',
    FileName: fileName,
    FolderPath: folder,
    SHA1: artifact.sha1?.toLowerCase() ?? null,
    SHA256: artifact.sha256?.toLowerCase() ?? null,
    DeviceId: ctx.machineId(alert.device),
    DeviceName: ctx.dnsName(alert.device),
    Severity: alert.severity,
  });
}

function techniques(item: AlertOfRun): string | null {
  return item.artifact.technique === undefined ? null : JSON.stringify([item.artifact.technique]);
}
