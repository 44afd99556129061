/** MDAV mode resolution (§1.3–1.5): which mode a device's configuration puts Defender Antivirus in. */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings, type DeviceConfig } from '../core/config.ts';
import { isClientOs, type MdavMode, type Reason } from '../core/vocabulary.ts';
import type { ModeResolution } from './mode-resolution.ts';
import { resolveOnboardedServer } from './resolve-server-mode.ts';

function decide(mode: MdavMode, code: string, message: string, cite: string, notes: Reason[] = []): ModeResolution {
  return { mode, reasons: [{ layer: 'mdav', code, message, cite }, ...notes] };
}

/**
 * Resolves the MDAV mode of a device per the reference resolver (§1.5) and the decision tables (§1.3,
 * §1.4). `previousMode` is the mode before this configuration change (undefined on the first
 * resolution); only tamper protection looks at it. Settings default to `DEFAULT_CONFLICT_SETTINGS`
 * (C5: `smartAppControlUnonboarded: 'passive'`). Only the canonical `ForceDefenderPassiveMode` exists
 * (C20): the legacy name `ForcePassiveMode` has no field, so it can never take effect.
 *
 * @example
 * resolveMode(deviceWithDefaults({ name: 'ws', os: 'windows-10', primaryAv: 'non-microsoft' }), undefined);
 * // { mode: 'passive', reasons: [{ layer: 'mdav', code: 'passive-automatic', … cite: '§1.4' }] }
 */
export function resolveMode(
  device: DeviceConfig,
  previousMode: MdavMode | undefined,
  settings: ConflictSettings = DEFAULT_CONFLICT_SETTINGS,
): ModeResolution {
  if (!device.mdav.installed) {
    return decide('not-installed', 'mdav-not-installed', 'Defender Antivirus is not installed', '§1.5');
  }
  // §1.3, C19: on 2012 R2 MDAV only exists when the unified MDE onboarding installs it.
  if (device.os === 'server-2012-r2' && !(device.onboarded && device.serverAgent === 'unified')) {
    return decide(
      'not-installed',
      'mdav-absent-server-2012-r2',
      'Server 2012 R2 has Defender Antivirus only when onboarded with the unified agent',
      '§1.3',
    );
  }
  if (device.primaryAv === 'defender') {
    return decide('active', 'defender-primary', 'Defender Antivirus is the primary antivirus', '§1.4');
  }
  // §1.4 last paragraph: MDAV re-enables itself only where it stepped aside by itself (clients).
  if (device.thirdPartyAv === 'expired' && isClientOs(device.os)) {
    return decide(
      'active',
      'third-party-av-expired',
      'the non-Microsoft antivirus expired or stopped real-time protection, so Defender Antivirus re-enabled itself',
      '§1.4',
    );
  }
  const notes: Reason[] = [];
  if (device.thirdPartyAv === 'expired') {
    notes.push({
      layer: 'mdav',
      code: 'third-party-av-expired-server',
      message:
        'the non-Microsoft antivirus expired, but a server keeps the mode its administrator set (set ForceDefenderPassiveMode to 0 and restart)',
      cite: '§1.4',
    });
  }
  if (!device.onboarded) return resolveUnonboarded(device, settings, notes);
  if (isClientOs(device.os)) {
    return device.securityCenter
      ? decide(
          'passive',
          'passive-automatic',
          'onboarded client with a non-Microsoft antivirus goes passive automatically',
          '§1.4',
        )
      : decide(
          'active',
          'security-center-disabled',
          'Windows Security Center (wscsvc) is disabled, so Defender Antivirus cannot see the other antivirus and stays active (unsupported)',
          '§1.4',
        );
  }
  return resolveOnboardedServer(device, previousMode, notes);
}

function resolveUnonboarded(device: DeviceConfig, settings: ConflictSettings, notes: Reason[]): ModeResolution {
  if (isClientOs(device.os)) {
    if (device.os === 'windows-11' && device.smartAppControl !== 'off') {
      const mode = settings.smartAppControlUnonboarded;
      const message = `Windows 11 with Smart App Control ${device.smartAppControl} and a non-Microsoft antivirus: ${mode} (C5, setting smartAppControlUnonboarded)`;
      return decide(mode, 'smart-app-control-unonboarded', message, '§7 C5');
    }
    const message = 'a non-Microsoft antivirus is primary and the device is not onboarded: Defender Antivirus disabled itself';
    return decide('disabled', 'disabled-automatically', message, '§1.3');
  }
  if (device.forceDefenderPassiveMode === 1) {
    notes.push({
      layer: 'mdav',
      code: 'force-passive-needs-onboarding',
      message: 'ForceDefenderPassiveMode=1 has no effect: passive mode requires onboarding to Defender for Endpoint',
      cite: '§1.4',
    });
  }
  return decide(
    'disabled',
    'server-disabled-manually',
    'a server does not step aside by itself; with a non-Microsoft antivirus the administrator disables Defender Antivirus',
    '§1.3',
    notes,
  );
}
