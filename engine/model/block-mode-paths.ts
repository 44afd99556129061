/** Which enablement paths switch EDR in block mode on for a device (§3.3, §3.4): portal, CSP bit 0x1, GPO; combined with OR. */
import type { DeviceConfig } from '../core/config.ts';
import { isAtLeast, parseVersion, version } from '../core/version.ts';
import type { Reason } from '../core/vocabulary.ts';
import { reasonFor } from '../core/reason.ts';

/** §3.3: the CSP path (device-group targeting) needs platform 4.18.2202.X or later. */
const MIN_CSP_PLATFORM = version('4.18.2202.X');
/** §3.4, §9: bit 0x1 PASSIVE_REMEDIATION_FLAG_SENSE_AUTO_REMEDIATION is EDR in block mode. */
const SENSE_AUTO_REMEDIATION = 0x1;

/** The device-level paths (set on the device, not in the portal). */
export interface DeviceBlockModeRequest {
  readonly csp: boolean;
  readonly gpo: boolean;
  /** csp OR gpo. */
  readonly requested: boolean;
  readonly reasons: readonly Reason[];
}

export interface BlockModePaths extends DeviceBlockModeRequest {
  readonly portal: boolean;
  /** portal OR csp OR gpo, before any propagation delay. */
  readonly switchedOn: boolean;
}

const reason = reasonFor('edr-block-mode');

/** The reason given when the tenant-wide portal switch is on. */
export const PORTAL_ON: Reason = reason('portal-on', 'the portal switch "Enable EDR in block mode" is on (tenant-wide)', '§3.3');

function cspPath(device: DeviceConfig): { on: boolean; reason?: Reason } {
  const value = device.passiveRemediation;
  if (value === undefined) return { on: false };
  const hex = `0x${value.toString(16)}`;
  if ((value & SENSE_AUTO_REMEDIATION) === 0) {
    // §3.4: 0x2/0x4 are stored but have no documented product behaviour (T26).
    const code = value === 0 ? 'csp-off' : 'csp-without-sense-bit';
    const why = value === 0 ? 'passive remediation off' : 'bits 0x2/0x4 are stored but do not enable EDR in block mode';
    return { on: false, reason: reason(code, `Defender CSP PassiveRemediation = ${hex} has no bit 0x1: ${why}`, '§3.4') };
  }
  const platform = parseVersion(device.mdav.platform);
  if (!platform.ok) {
    const platformText = JSON.stringify(device.mdav.platform);
    const message = `Defender CSP PassiveRemediation = ${hex} is not applied: platform ${platformText} is not a version, so it cannot be compared with 4.18.2202.X`;
    return { on: false, reason: reason('csp-platform-unreadable', message, '§3.3') };
  }
  if (!isAtLeast(platform.value, MIN_CSP_PLATFORM)) {
    // T24: the CSP needs 4.18.2202.X; the tenant-wide portal switch still works.
    const message = `Defender CSP PassiveRemediation = ${hex} is not applied: platform ${device.mdav.platform} is older than 4.18.2202.X`;
    return { on: false, reason: reason('csp-platform-too-old', message, '§3.3') };
  }
  const message = `Defender CSP PassiveRemediation = ${hex} (bit 0x1, Sense auto-remediation) turns EDR in block mode on`;
  return { on: true, reason: reason('csp-on', message, '§3.4') };
}

/**
 * Evaluates the device-level enablement paths: the Defender CSP `PassiveRemediation` bit 0x1 (honoured
 * only on platform ≥ 4.18.2202.X) and the GPO "Enable EDR in block mode".
 *
 * @example
 * deviceBlockModeRequest(deviceWithDefaults({ name: 'ws', os: 'windows-10', passiveRemediation: 0x6 })).requested; // false (T26)
 */
export function deviceBlockModeRequest(device: DeviceConfig): DeviceBlockModeRequest {
  const csp = cspPath(device);
  const reasons: Reason[] = csp.reason === undefined ? [] : [csp.reason];
  const gpo = Boolean(device.groupPolicyEdrBlockMode);
  if (gpo) reasons.push(reason('gpo-on', 'Group Policy "Enable EDR in block mode" is enabled', '§3.3'));
  return { csp: csp.on, gpo, requested: csp.on || gpo, reasons };
}

/**
 * Combines the portal switch (`tenant.edrBlockMode`, tenant-wide) with the device-level paths using OR
 * (contract §3), ignoring propagation delays (the fleet model adds those).
 *
 * @example
 * blockModePaths(deviceWithDefaults({ name: 'ws', os: 'windows-10', passiveRemediation: 1 }), false).switchedOn; // true (T25)
 */
export function blockModePaths(device: DeviceConfig, portal: boolean): BlockModePaths {
  const request = deviceBlockModeRequest(device);
  const reasons = portal ? [PORTAL_ON, ...request.reasons] : request.reasons;
  return { ...request, portal, switchedOn: portal || request.requested, reasons };
}
