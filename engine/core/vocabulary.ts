/** The words every layer shares, spelled exactly as the scenario contract spells them. */

export const OS_NAMES = [
  'windows-10',
  'windows-11',
  'server-1803',
  'server-2012-r2',
  'server-2016',
  'server-2019',
  'server-2022',
  'server-2025',
] as const;
export type OsName = (typeof OS_NAMES)[number];

/** True for the Windows client releases (10 and 11); everything else is a server. */
export function isClientOs(os: OsName): boolean {
  return os === 'windows-10' || os === 'windows-11';
}

export const MDAV_MODES = ['active', 'passive', 'disabled', 'not-installed'] as const;
/** Microsoft Defender Antivirus mode on a device (§1.1). */
export type MdavMode = (typeof MDAV_MODES)[number];

export const RUNNING_MODES = ['Normal', 'Passive Mode', 'EDR Block Mode', 'Not running'] as const;
/** `Get-MpComputerStatus` → `AMRunningMode` as the device prints it (§1.2, §3.6). */
export type RunningMode = (typeof RUNNING_MODES)[number];

export const TRIGGERS = ['on-access', 'scheduled-scan', 'on-demand-scan', 'behavior'] as const;
/**
 * What made a layer look at an artifact. `on-access` is real-time protection; `behavior` is behaviour
 * monitoring / post-breach EDR telemetry (contextual `ScanTrigger:BM`, and RTP-family for exclusion scope).
 */
export type Trigger = (typeof TRIGGERS)[number];

export const SCAN_TYPES = ['quick', 'full'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];

export const ARTIFACT_CLASSES = ['malicious', 'pua', 'benign'] as const;
export type ArtifactClass = (typeof ARTIFACT_CLASSES)[number];

export const ARTIFACT_KINDS = ['file', 'process', 'behavior'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

export const OUTCOMES = ['blocked', 'detected', 'allowed', 'missed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const BLOCKERS = ['primary-av', 'mdav', 'indicator', 'edr-block-mode', 'none'] as const;
/** The verdict's `by`: the layer that blocked, or `none`. */
export type Blocker = (typeof BLOCKERS)[number];

export const DETECTION_STATUSES = ['Blocked', 'Prevented', 'Detected', 'none'] as const;
export type DetectionStatus = (typeof DETECTION_STATUSES)[number];

/** One explained step of a decision: which layer, a stable code, and a sentence a trainee can read. */
export interface Reason {
  readonly layer: string;
  readonly code: string;
  readonly message: string;
  /** The domain-reference fact behind it, e.g. `§3.8`. */
  readonly cite?: string;
}

export const AUTOMATION_LEVELS = ['full', 'semi-all-folders', 'semi-core-folders', 'semi-non-temp-folders', 'none'] as const;
/**
 * A device group's AIR automation level (§6.5; stable ids for the names that changed, §7 C16): `full` is "Full –
 * remediate threats automatically", `semi-all-folders` "Semi – require approval for all folders", `semi-core-folders`
 * "… for core folders remediation", `semi-non-temp-folders` "… for non-temp folders remediation", `none` "No
 * automated response".
 */
export type AutomationLevel = (typeof AUTOMATION_LEVELS)[number];

export const INVESTIGATION_STATES = [
  'Unknown',
  'Terminated',
  'SuccessfullyRemediated',
  'Benign',
  'Failed',
  'PartiallyRemediated',
  'Running',
  'PendingApproval',
  'PendingResource',
  'PartiallyInvestigated',
  'TerminatedByUser',
  'TerminatedBySystem',
  'Queued',
  'InnerFailure',
  'PreexistingAlert',
  'UnsupportedOs',
  'UnsupportedAlertType',
  'SuppressedAlert',
] as const;
/** The alert API's `investigationState` enum, in the API's order (§6.5). */
export type InvestigationState = (typeof INVESTIGATION_STATES)[number];

/**
 * The `investigationState` values the investigation statechart reaches (engine/model/investigation.machine.ts),
 * open states first, then the final ones; a test holds them equal to the machine's states.
 */
export const MODELLED_INVESTIGATION_STATES = [
  'Queued',
  'Running',
  'PendingResource',
  'PendingApproval',
  'SuccessfullyRemediated',
  'PartiallyRemediated',
  'Benign',
  'Failed',
  'TerminatedBySystem',
  'UnsupportedOs',
] as const satisfies readonly InvestigationState[];
export type ModelledInvestigationState = (typeof MODELLED_INVESTIGATION_STATES)[number];

/** The statechart's final states: an investigation in one of them has ended (the last six of the list above). */
export const FINAL_INVESTIGATION_STATES: readonly ModelledInvestigationState[] = MODELLED_INVESTIGATION_STATES.slice(4);

export const ACTION_CENTER_TABS = ['pending', 'history'] as const;
/** The Action Center tab an entry is listed on (§6.1). */
export type ActionCenterTab = (typeof ACTION_CENTER_TABS)[number];

export const ACTION_CENTER_STATUSES = ['Pending', 'Completed', 'Failed', 'Rejected', 'TimedOut', 'Cancelled', 'Undone'] as const;
/** An Action Center entry's status (§6.2, §9: the docs enumerate none; `TimedOut` counts as rejected, §6.5). */
export type ActionCenterStatus = (typeof ACTION_CENTER_STATUSES)[number];

export const ACTION_TYPES = [
  'Quarantine file',
  'Stop process',
  'Remove registry key',
  'Stop service',
  'Disable driver',
  'Remove scheduled task',
  'Expand investigation scope',
  'Isolate device',
  'Stop and quarantine file',
  'Collect investigation package',
  'Run antivirus scan',
  'Restrict code execution',
] as const;
/**
 * An Action Center entry's action type (§6.4), by the short label the portal selects in bulk ("Quarantine file").
 * The first six are AIR's remediations (`Stop process` is "Kill a process", spelt as the layers' History entries
 * spell it); `Expand investigation scope` is the scope-expansion approval (§6.5, [inference]: the docs give it no
 * type name); the rest are manual response actions.
 */
export type ActionType = (typeof ACTION_TYPES)[number];

export const TIMELINE_ACTIONS = [
  'approve',
  'reject',
  'undo',
  'isolate',
  'stop-and-quarantine',
  'collect-package',
  'alert-status',
  'offline',
  'online',
] as const;
/**
 * A timeline `action` (contract §5.4). `approve`, `reject` and `undo` act on Action Center entries (§6.1);
 * `isolate`, `stop-and-quarantine` and `collect-package` are manual response actions (§6.4); `alert-status` is an
 * analyst setting an alert's status (T87); `offline` and `online` are the device losing and regaining its connection
 * (T82's retry), not an analyst's doing.
 */
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

export const ALERT_STATUSES = ['New', 'InProgress', 'Resolved'] as const;
/** An alert's `status` (§6.6; the API's `Unknown` is never set here). */
export type AlertStatus = (typeof ALERT_STATUSES)[number];
