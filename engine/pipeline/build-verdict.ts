/** Turns a finished trace into the verdict, following the contract's §2 precedence table exactly. */
import type { Artifact } from '../core/artifact.ts';
import type { ArtifactKind, Blocker, DetectionStatus, Outcome } from '../core/vocabulary.ts';
import type { PendingAlert, Trace } from './layers/trace.ts';
import type { ActionCenterEntry, Alert, RemediationActionType, Verdict } from './verdict.ts';

/**
 * Outcome is the first row that holds: blocked (a layer stopped it), detected (an alert and no
 * remediation), allowed (a layer would have flagged it but an exclusion or Allow indicator let it
 * through, and no alert exists), missed.
 */
export function buildVerdict(trace: Trace): Verdict {
  const artifact = trace.artifact;
  const outcome: Outcome =
    trace.by !== 'none' ? 'blocked' : trace.alerts.length > 0 ? 'detected' : trace.wouldHaveFlagged ? 'allowed' : 'missed';
  const detectionStatus = detectionStatusOf(trace.by, outcome, artifact);
  const alerts = trace.alerts.map((pending) => toAlert(trace, pending, detectionStatus));
  const actionCenterEntry: ActionCenterEntry | undefined = trace.actionCenter
    ? {
        device: artifact.device,
        at: artifact.at,
        artifact: artifact.id,
        actionType: actionTypeOf(artifact.kind),
        actionSource: 'Automated device action',
        entity: artifact.path,
        status: 'Completed',
        detectionStatus: detectionStatus as 'Blocked' | 'Prevented',
        remediatedBy: trace.by === 'edr-block-mode' ? 'edr-block-mode' : 'mdav',
      }
    : undefined;
  return {
    artifact: artifact.id,
    device: artifact.device,
    at: artifact.at,
    class: artifact.class,
    kind: artifact.kind,
    outcome,
    by: trace.by,
    detectionStatus,
    actionCenter: actionCenterEntry !== undefined,
    reasons: trace.reasons,
    alerts,
    // Always present (undefined when none): one object shape for every verdict keeps V8 on its fast path.
    actionCenterEntry,
  };
}

// Contract §2: Prevented = a file stopped before it ran (MDAV on access or in a scan, or an indicator);
// Blocked = a process or behaviour stopped while running, and everything EDR in block mode remediates.
// §4.2 ScanTrigger BM: behaviour monitoring sees only what already runs, so what it stops ran: Blocked.
/** The verdict's detection status from who stopped it and the outcome; the compact decision uses it too. */
export function detectionStatusOf(by: Blocker, outcome: Outcome, artifact: Artifact): DetectionStatus {
  if (by === 'primary-av') return 'none';
  if (by === 'edr-block-mode') return 'Blocked';
  if (outcome === 'blocked') return artifact.kind === 'file' && artifact.trigger !== 'behavior' ? 'Prevented' : 'Blocked';
  return outcome === 'detected' ? 'Detected' : 'none';
}

/** The remediation an Action Center entry records for an artifact of this kind (§6.4). */
export function actionTypeOf(kind: ArtifactKind): RemediationActionType {
  return kind === 'file' ? 'Quarantine file' : 'Stop process';
}

/** Every alert of a verdict shows the verdict's status when it was stopped, `Detected` otherwise (§6.6). */
export function alertStatusOf(status: DetectionStatus): Alert['detectionStatus'] {
  return status === 'Blocked' || status === 'Prevented' ? status : 'Detected';
}

// §6.6 severity semantics: prevented → Informational; an active threat blocked → Low; unremediated → Medium.
function toAlert(trace: Trace, pending: PendingAlert, status: DetectionStatus): Alert {
  const artifact = trace.artifact;
  const detectionStatus = alertStatusOf(status);
  const [title, severity] = titleOf(pending, detectionStatus);
  return {
    title,
    severity,
    detectionSource: pending.source,
    detectionStatus,
    device: artifact.device,
    at: artifact.at,
    artifact: artifact.id,
    threat: pending.threat,
    technique: artifact.technique,
  };
}

function titleOf(pending: PendingAlert, status: Alert['detectionStatus']): [string, Alert['severity']] {
  if (status === 'Prevented') return [`${pending.threat} was prevented`, 'Informational'];
  if (status === 'Blocked') return [`An active ${pending.threat} was blocked`, 'Low'];
  if (pending.kind === 'audit') return [`${pending.threat} matched an Audit indicator`, 'Informational'];
  return [`${pending.threat} was detected`, 'Medium'];
}
