/** MDAV mode of an onboarded server with a non-Microsoft primary antivirus (§1.4 server rows, C13). */
import type { DeviceConfig } from '../core/config.ts';
import { isAtLeast, parseVersion, version } from '../core/version.ts';
import type { MdavMode, Reason } from '../core/vocabulary.ts';
import type { ModeResolution } from './mode-resolution.ts';
import { reasonFor } from '../core/reason.ts';

/** §1.4, C13: the text's threshold for "Turn off Windows Defender" after onboarding → passive. */
const GPO_PASSIVE_PLATFORM = version('4.18.2208.0');
const GPO = '"Turn off Windows Defender"';

const reason = reasonFor('mdav', '§1.4');

/** §1.4, T09: the legacy MMA agent on 2016 has no passive mode (legacy 2012 R2 has no MDAV at all). */
function resolveLegacy2016(device: DeviceConfig): [MdavMode, ...Reason[]] {
  if (device.turnOffDefenderPolicy !== 'none') {
    return [
      'disabled',
      reason('legacy-agent-policy-disabled', `Server 2016 with the legacy agent: the ${GPO} policy disables Defender Antivirus`),
    ];
  }
  const decided = reason(
    'legacy-agent-no-passive',
    'Server 2016 onboarded with the legacy MMA agent cannot run Defender Antivirus in passive mode',
  );
  if (device.forceDefenderPassiveMode !== 1) return ['active', decided];
  return [
    'active',
    decided,
    reason('force-passive-ignored', 'ForceDefenderPassiveMode=1 is ignored: the legacy agent does not support passive mode'),
  ];
}

/** §1.4, C13: the GPO applied after onboarding makes MDAV passive from platform 4.18.2208.0, else disables it. */
function resolveGpoAfterOnboarding(device: DeviceConfig): [MdavMode, Reason] {
  const text = device.mdav.platform;
  const platform = parseVersion(text);
  if (!platform.ok) {
    const message = `${GPO} applied after onboarding, but platform ${JSON.stringify(text)} is not a version, so the 4.18.2208.0 rule cannot apply: disabled`;
    return ['disabled', reason('turned-off-platform-unreadable', message, '§7 C13')];
  }
  if (!isAtLeast(platform.value, GPO_PASSIVE_PLATFORM)) {
    const message = `${GPO} disables Defender Antivirus on platform ${text} (passive instead needs 4.18.2208.0 or later)`;
    return ['disabled', reason('turned-off-old-platform', message, '§7 C13')];
  }
  const message = `${GPO} applied after onboarding on platform ${text} (≥ 4.18.2208.0) makes Defender Antivirus passive, not disabled`;
  return ['passive', reason('turned-off-after-onboarding', message, '§7 C13')];
}

/**
 * Resolves an onboarded server whose primary antivirus is not Defender: servers never go passive by
 * themselves; `ForceDefenderPassiveMode=1` or the "Turn off Windows Defender" GPO applied after
 * onboarding (platform ≥ 4.18.2208.0) make MDAV passive, and tamper protection keeps an active MDAV
 * active. `notes` are appended after the deciding reason.
 *
 * @example
 * resolveOnboardedServer(deviceWithDefaults({ name: 's', os: 'server-2022', primaryAv: 'non-microsoft', forceDefenderPassiveMode: 1 }), undefined, []);
 * // { mode: 'passive', reasons: [{ code: 'force-passive', … }] }
 */
export function resolveOnboardedServer(
  device: DeviceConfig,
  previousMode: MdavMode | undefined,
  notes: readonly Reason[],
): ModeResolution {
  const decided = ([mode, ...reasons]: [MdavMode, ...Reason[]]): ModeResolution => ({ mode, reasons: [...reasons, ...notes] });
  if (device.os === 'server-2016' && device.serverAgent === 'legacy') return decided(resolveLegacy2016(device));
  const forced = device.forceDefenderPassiveMode === 1;
  if (device.turnOffDefenderPolicy === 'before-onboarding' && !forced) {
    return decided([
      'disabled',
      reason('turned-off-before-onboarding', `${GPO} was in place before onboarding, so Defender Antivirus stays disabled (T13)`),
    ]);
  }
  let candidate: [MdavMode, Reason];
  if (forced)
    candidate = ['passive', reason('force-passive', 'ForceDefenderPassiveMode=1 puts Defender Antivirus in passive mode')];
  else if (device.turnOffDefenderPolicy === 'after-onboarding') candidate = resolveGpoAfterOnboarding(device);
  else
    candidate = [
      'active',
      reason(
        'server-no-automatic-passive',
        'servers do not go passive automatically; set ForceDefenderPassiveMode=1 for passive mode',
      ),
    ];
  // §1.4: tamper protection makes active sticky — it only blocks a later active → passive move.
  if (candidate[0] === 'passive' && device.tamperProtection && previousMode === 'active') {
    const blocked = reason(
      'tamper-protection-blocks-passive',
      'tamper protection blocks the move from active to passive mode; Defender Antivirus stays active',
    );
    return decided(['active', blocked, candidate[1]]);
  }
  return decided(candidate);
}
