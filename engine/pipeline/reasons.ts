/** The fixed reasons the layers give, built once: a verdict's reasons are shared objects, not new strings. */
import type { Reason } from '../core/vocabulary.ts';
import { reason as makeReason } from '../core/reason.ts';

// Frozen: a verdict's reasons are shared objects, so no consumer may change one for all.
const reason = (layer: string, code: string, message: string, cite?: string): Reason =>
  Object.freeze(makeReason(layer, code, message, cite));

export const REASONS = {
  primaryAvBlocked: reason(
    'primary-av',
    'blocked',
    'the non-Microsoft primary antivirus stopped it; Defender for Endpoint records nothing (no alert, no Action Center entry)',
    '§1.1',
  ),
  primaryAvMissed: reason('primary-av', 'missed', 'the non-Microsoft primary antivirus did not flag it', '§1.1'),
  mdavNotRunning: reason(
    'mdav',
    'not-running',
    'Defender Antivirus is not running on this device, so it neither scans nor remediates',
    '§2.1',
  ),
  mdavPassiveNoRtp: reason(
    'mdav',
    'passive-no-real-time',
    'Defender Antivirus is passive: no real-time or behaviour-monitoring enforcement, it only scans on scan triggers',
    '§2.1 C7',
  ),
  mdavPassiveReported: reason(
    'mdav',
    'passive-reported',
    'Defender Antivirus (passive) found it in a scan and reported it, but passive mode never remediates',
    '§2.1 note 3, C6',
  ),
  mdavPassiveClean: reason('mdav', 'passive-clean', 'Defender Antivirus (passive) scanned it and found nothing', '§2.1'),
  mdavRemediated: reason('mdav', 'remediated', 'Defender Antivirus (active) detected and remediated it', '§2.1'),
  mdavClean: reason('mdav', 'clean', 'Defender Antivirus (active) looked and did not flag it', '§2.1'),
  mdavExcludedFromScan: reason(
    'mdav',
    'excluded',
    'Defender Antivirus (or, in active mode, a Block indicator) would have flagged it, but an MDAV exclusion let it through',
    '§4.5',
  ),
  mdavAllowedByIndicator: reason(
    'mdav',
    'allowed-by-indicator',
    'Defender Antivirus or a weaker Block indicator would have flagged it, but the Allow indicator wins (§5.4)',
    '§5.4',
  ),
  edrSensorDetected: reason('edr-sensor', 'detected', 'the EDR sensor flagged it and raised an alert', '§3.1'),
  edrSensorDetectedExcluded: reason(
    'edr-sensor',
    'detected-despite-exclusion',
    'the EDR sensor flagged it and raised an alert: MDAV exclusions do not stop EDR alerts',
    '§4.5',
  ),
  edrSensorClean: reason('edr-sensor', 'clean', 'the EDR sensor did not flag it', '§3.1'),
  blockModeRemediated: reason(
    'edr-block-mode',
    'remediated',
    'EDR in block mode remediated the EDR detection through Defender Antivirus; it shows as Blocked, a completed action in Action Center History',
    '§3.7',
  ),
  blockModeActiveNoop: reason(
    'edr-block-mode',
    'active-mode-noop',
    'Defender Antivirus is active and the active-mode setting is "none": block mode adds nothing here',
    '§3.9',
  ),
  changeApplied: reason('change', 'applied', 'the change was applied'),
} as const;

const honoured = new WeakMap<Reason, Reason>();

/** The exclusion that stopped EDR in block mode, wrapped (once per entry) so the trainee sees which layer honoured it. */
export function blockModeHonoursExclusion(exclusion: Reason): Reason {
  const known = honoured.get(exclusion);
  if (known) return known;
  const wrapped = reason(
    'edr-block-mode',
    'honours-exclusion',
    `EDR in block mode honours MDAV exclusions and did not remediate (${exclusion.message})`,
    '§3.8',
  );
  honoured.set(exclusion, wrapped);
  return wrapped;
}
