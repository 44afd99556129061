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
