/** The "supported operating system" requirement of EDR in block mode, with both readings of C1 (§3.2, §3.11). */
import type { ConflictSettings, DeviceConfig } from '../core/config.ts';
import type { MdavMode } from '../core/vocabulary.ts';
import { requirement, type Requirement } from './requirement.ts';

const LABEL = 'supported operating system';

/**
 * Decides whether the device's OS supports EDR in block mode in `mode`. `current` (default, C1):
 * Server 2016 and 2012 R2 with the unified agent in either mode, legacy-agent 2016 only while MDAV is
 * active. `2021`: Server 2016 only while active whatever the agent, and 2012 R2 not at all (the 2021
 * list did not name it: MDAV only reached 2012 R2 with the 2022 unified agent).
 *
 * @example
 * supportedOsRequirement(deviceWithDefaults({ name: 's', os: 'server-2016', serverAgent: 'legacy' }), 'passive', DEFAULT_CONFLICT_SETTINGS).met; // false
 */
export function supportedOsRequirement(device: DeviceConfig, mode: MdavMode, settings: ConflictSettings): Requirement {
  const supported = (message: string, cite = '§3.2') => requirement('supported-os', LABEL, true, 'os-supported', message, cite);
  const unsupported = (message: string, cite = '§7 C1') =>
    requirement('supported-os', LABEL, false, 'os-not-supported', message, cite);
  if (device.os !== 'server-2016' && device.os !== 'server-2012-r2') {
    return supported(`${device.os} supports EDR in block mode`);
  }
  if (settings.server2016BlockMode === '2021') {
    if (device.os === 'server-2012-r2') {
      return unsupported('server-2012-r2 is not in the 2021 list of supported systems (setting server2016BlockMode: 2021)');
    }
    return mode === 'active'
      ? supported(
          'server-2016 is supported while Defender Antivirus is active (2021 reading, setting server2016BlockMode: 2021)',
          '§7 C1',
        )
      : unsupported(
          `server-2016 supports EDR in block mode only while Defender Antivirus is active; it is ${mode} (2021 reading)`,
        );
  }
  if (device.serverAgent === 'unified') {
    return supported(`${device.os} onboarded with the unified agent supports EDR in block mode in active or passive mode`);
  }
  if (device.os === 'server-2016' && mode === 'active') {
    return supported('server-2016 with the legacy agent supports EDR in block mode while Defender Antivirus is active', '§7 C1');
  }
  return unsupported(
    device.os === 'server-2016'
      ? `server-2016 with the legacy agent supports EDR in block mode only while Defender Antivirus is active; it is ${mode}`
      : 'server-2012-r2 needs the unified agent for EDR in block mode',
  );
}
