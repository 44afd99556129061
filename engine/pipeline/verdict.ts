/** What comes out of the pipeline for one artifact: the verdict, with its alerts and Action Center entry. */
import type { ArtifactClass, ArtifactKind, Blocker, DetectionStatus, Outcome, Reason } from '../core/vocabulary.ts';

/**
 * Alert `detectionSource` as the Defender for Endpoint API spells it (§6.6): `WindowsDefenderAv` is the
 * portal's "Antivirus", `WindowsDefenderAtp` its "EDR", `CustomerTI` its "Custom TI".
 */
export type AlertSource = 'WindowsDefenderAv' | 'WindowsDefenderAtp' | 'CustomerTI';

/** Alert severities used here (§6.6 severity semantics). */
export type AlertSeverity = 'Informational' | 'Low' | 'Medium' | 'High';

/** One alert per detection (contract §2); its status is the artifact's final status. */
export interface Alert {
  readonly title: string;
  readonly severity: AlertSeverity;
  readonly detectionSource: AlertSource;
  readonly detectionStatus: Exclude<DetectionStatus, 'none'>;
  readonly device: string;
  readonly at: number;
  readonly artifact: string;
  readonly threat?: string;
  readonly technique?: string;
}

/** Action types used for remediations (§6.4), chosen by artifact kind. */
export type RemediationActionType = 'Quarantine file' | 'Stop process';

/** An Action Center History entry (§6.2): a completed automated device action. */
export interface ActionCenterEntry {
  readonly device: string;
  readonly at: number;
  readonly artifact: string;
  readonly actionType: RemediationActionType;
  /** §6.3 / §9: remediations by Defender Antivirus and by EDR in block mode are automated device actions. */
  readonly actionSource: 'Automated device action';
  readonly entity: string;
  readonly status: 'Completed';
  readonly detectionStatus: 'Blocked' | 'Prevented';
  /** Which layer remediated: Defender Antivirus itself, or EDR in block mode acting through it. */
  readonly remediatedBy: 'mdav' | 'edr-block-mode';
}

/** Exactly one per artifact. `reasons` lists every layer that looked, in order. */
export interface Verdict {
  readonly artifact: string;
  readonly device: string;
  readonly at: number;
  readonly class: ArtifactClass;
  readonly kind: ArtifactKind;
  readonly outcome: Outcome;
  readonly by: Blocker;
  readonly detectionStatus: DetectionStatus;
  readonly actionCenter: boolean;
  readonly reasons: readonly Reason[];
  readonly alerts: readonly Alert[];
  readonly actionCenterEntry?: ActionCenterEntry;
}
