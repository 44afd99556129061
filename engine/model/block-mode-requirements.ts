/** The EDR in block mode prerequisites checklist (§3.2, C1): every requirement with whether it is met and why. */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings, type DeviceConfig, type TenantConfig } from '../core/config.ts';
import { isAtLeast, parseVersion, version, type Version } from '../core/version.ts';
import type { MdavMode } from '../core/vocabulary.ts';
import { requirement, type Requirement, type RequirementId } from './requirement.ts';
import { supportedOsRequirement } from './supported-os-requirement.ts';

/** §3.2: minimum AMProductVersion and AMEngineVersion, unchanged since 2020. */
const MIN_PLATFORM = version('4.18.2001.10');
const MIN_ENGINE = version('1.1.16700.2');

function versionRequirement(id: RequirementId, label: string, text: string, minimum: Version, what: string): Requirement {
  const parsed = parseVersion(text);
  if (!parsed.ok) {
    // Loader validates versions; an unreadable one here is unmet, never a throw.
    const message = `${label}: ${JSON.stringify(text)} is not a version, so it cannot be compared with ${minimum.text}`;
    return requirement(id, label, false, `${what}-unreadable`, message);
  }
  return isAtLeast(parsed.value, minimum)
    ? requirement(id, label, true, `${what}-supported`, `${label} ${text} is ${minimum.text} or later`)
    : requirement(id, label, false, `${what}-too-old`, `${label} ${text} is older than ${minimum.text}`);
}

/** A yes/no requirement: the same id and label either way, a code and message per verdict. */
function check(id: RequirementId, label: string, met: boolean, yes: [string, string], no: [string, string]): Requirement {
  const [code, message] = met ? yes : no;
  return requirement(id, label, met, code, message);
}

/**
 * Evaluates every §3.2 prerequisite of EDR in block mode for a device in `mode`; none short-circuits,
 * so all unmet ones are listed. Settings default to `DEFAULT_CONFLICT_SETTINGS` (C1:
 * `server2016BlockMode: 'current'`).
 *
 * @example
 * blockModeRequirements(device, DEFAULT_TENANT, 'passive').filter((r) => !r.met).map((r) => r.id);
 * // [] for a current, onboarded, passive Windows 10 device
 */
export function blockModeRequirements(
  device: DeviceConfig,
  tenant: TenantConfig,
  mode: MdavMode,
  settings: ConflictSettings = DEFAULT_CONFLICT_SETTINGS,
): readonly Requirement[] {
  const running = mode === 'active' || mode === 'passive';
  return [
    check(
      'plan-2',
      'Defender for Endpoint Plan 2',
      tenant.license === 'plan-2',
      ['plan-2', 'the tenant has Defender for Endpoint Plan 2'],
      ['license-not-plan-2', `EDR in block mode needs Plan 2; the tenant has ${tenant.license}`],
    ),
    check(
      'onboarded',
      'onboarded to Defender for Endpoint',
      Boolean(device.onboarded),
      ['onboarded', 'the device is onboarded to Defender for Endpoint'],
      ['not-onboarded', 'the device is not onboarded to Defender for Endpoint'],
    ),
    check(
      'mdav-active-or-passive',
      'Defender Antivirus active or passive',
      running,
      ['mdav-running', `Defender Antivirus runs in ${mode} mode`],
      [
        'mdav-not-running',
        `Defender Antivirus is ${mode}; EDR in block mode needs it installed and running in active or passive mode`,
      ],
    ),
    check(
      'cloud-protection',
      'cloud-delivered protection',
      Boolean(device.mdav.cloudProtection),
      ['cloud-protection-on', 'cloud-delivered protection (MAPS) is on'],
      ['cloud-protection-off', 'cloud-delivered protection (MAPS) is off'],
    ),
    versionRequirement('platform-version', 'platform (AMProductVersion)', device.mdav.platform, MIN_PLATFORM, 'platform'),
    versionRequirement('engine-version', 'engine (AMEngineVersion)', device.mdav.engine, MIN_ENGINE, 'engine'),
    supportedOsRequirement(device, mode, settings),
  ];
}
