/** Lint for device settings that load but cannot mean what the author thinks (warnings, never errors). */
import type { Issue, Path } from '../../core/issue.ts';
import { isClientOs } from '../../core/vocabulary.ts';
import type { DeviceInput } from '../schema/device-schema.ts';

const DOCUMENTED_BITS = 0x1 | 0x2 | 0x4;

function warning(code: string, path: Path, message: string, hint?: string): Issue {
  return { code, path, message, hint, severity: 'warning' };
}

/**
 * Warnings for one device or fleet template at `path`: a legacy server agent on an OS that never had
 * one, Smart App Control off Windows 11, `ForceDefenderPassiveMode` on a client, undocumented
 * `PassiveRemediation` bits, and a third-party AV state on a Defender-only device.
 *
 * @example
 * deviceWarnings({ os: 'windows-10', smartAppControl: 'on' }, ['devices', 0])[0]?.code; // 'smart_app_control_os'
 */
export function deviceWarnings(device: Omit<DeviceInput, 'name'>, path: Path): Issue[] {
  const warnings: Issue[] = [];
  if (device.serverAgent === 'legacy' && device.os !== 'server-2012-r2' && device.os !== 'server-2016') {
    warnings.push(
      warning(
        'server_agent_os',
        [...path, 'serverAgent'],
        `serverAgent legacy does not apply to ${device.os}`,
        'C1: the legacy (MMA) agent only matters on Server 2012 R2 and 2016',
      ),
    );
  }
  if (device.smartAppControl !== undefined && device.smartAppControl !== 'off' && device.os !== 'windows-11') {
    warnings.push(
      warning(
        'smart_app_control_os',
        [...path, 'smartAppControl'],
        `smartAppControl ${device.smartAppControl} on ${device.os} is ignored`,
        'Smart App Control exists on Windows 11 only (§1.3)',
      ),
    );
  }
  if (device.forceDefenderPassiveMode !== undefined && isClientOs(device.os)) {
    warnings.push(
      warning(
        'force_passive_client',
        [...path, 'forceDefenderPassiveMode'],
        `forceDefenderPassiveMode is a Windows Server registry value; ${device.os} ignores it`,
        '§1.4: clients go passive when onboarded with a non-Microsoft AV',
      ),
    );
  }
  if (device.passiveRemediation !== undefined && (device.passiveRemediation & ~DOCUMENTED_BITS) !== 0) {
    warnings.push(
      warning(
        'passive_remediation_bits',
        [...path, 'passiveRemediation'],
        `passiveRemediation 0x${device.passiveRemediation.toString(16)} sets undocumented bits`,
        '§3.4: only 0x1, 0x2 and 0x4 are documented; 0x1 is EDR in block mode',
      ),
    );
  }
  if (device.thirdPartyAv !== undefined && device.primaryAv !== 'non-microsoft') {
    warnings.push(
      warning('third_party_av_unused', [...path, 'thirdPartyAv'], 'thirdPartyAv has no effect unless primaryAv is non-microsoft'),
    );
  }
  return warnings;
}
