/** What works on a device in the mode its `Get-MpComputerStatus` shows: the §2.1 capability table, one answer each with its cite. */
import type { ReadField, StatusDevice } from '../core/device-facts.ts';
import { reasonFor } from '../core/reason.ts';
import type { Reason } from '../core/vocabulary.ts';
import { indicatorsHonoured } from '../policy/indicators/index.ts';
import type { StatusCheck } from './status-checklist.ts';

export type Works = 'yes' | 'no' | 'depends';
export type CapabilityId = 'real-time-protection' | 'scans' | 'remediation' | 'indicators' | 'block-mode';

/** One capability: whether it works in this mode, and why (the reason cites the reference). */
export interface Capability {
  readonly id: CapabilityId;
  readonly label: string;
  readonly works: Works;
  readonly reason: Reason;
}

const capability = reasonFor('device-status', '§2.1');

function answer(id: CapabilityId, label: string, works: Works, ...why: Parameters<typeof capability>): Capability {
  return { id, label, works, reason: capability(...why) };
}

function realTime(device: StatusDevice): Capability {
  const label = 'real-time protection';
  const rtp: ReadField<boolean> | undefined = device.facts.RealTimeProtectionEnabled;
  switch (device.mode) {
    case 'active':
      return rtp === undefined
        ? answer(
            'real-time-protection',
            label,
            'depends',
            'rtp-unknown',
            'active mode has it; the export has no RealTimeProtectionEnabled',
          )
        : rtp.value
          ? answer('real-time-protection', label, 'yes', 'rtp-on', 'active mode, RealTimeProtectionEnabled is True')
          : answer(
              'real-time-protection',
              label,
              'no',
              'rtp-off',
              'RealTimeProtectionEnabled is False: turned off on this device',
            );
    case 'passive':
      return answer(
        'real-time-protection',
        label,
        'no',
        'rtp-passive',
        'passive mode: real-time protection blocks nothing (note 1)',
      );
    case undefined:
      return answer('real-time-protection', label, 'depends', 'mode-unknown', 'the mode is unknown');
    default:
      return answer('real-time-protection', label, 'no', 'mdav-not-running', `Defender Antivirus is ${device.mode}`);
  }
}

function scans(device: StatusDevice): Capability {
  const label = 'scans';
  if (device.mode === 'active')
    return answer('scans', label, 'yes', 'scans-active', 'active mode scans on schedule and on demand');
  if (device.mode === 'passive')
    return answer(
      'scans',
      label,
      'depends',
      'scans-passive',
      'passive mode scans on demand and reports, but skips scheduled scans except catch-up and after-update quick scans (note 2)',
    );
  if (device.mode === undefined) return answer('scans', label, 'depends', 'mode-unknown', 'the mode is unknown');
  return answer('scans', label, 'no', 'mdav-not-running', `Defender Antivirus is ${device.mode}`);
}

function remediation(device: StatusDevice): Capability {
  const label = 'remediation';
  if (device.mode === 'active') return answer('remediation', label, 'yes', 'remediates', 'active Defender Antivirus remediates');
  if (device.mode === 'passive')
    return device.blockModeEffective
      ? answer(
          'remediation',
          label,
          'depends',
          'block-mode-remediates',
          'only EDR (behavioural) detections, by EDR in block mode (note 3)',
        )
      : answer('remediation', label, 'no', 'passive-no-remediation', 'passive Defender Antivirus does not remediate (note 3)');
  if (device.mode === undefined) return answer('remediation', label, 'depends', 'mode-unknown', 'the mode is unknown');
  return answer('remediation', label, 'no', 'mdav-not-running', `Defender Antivirus is ${device.mode}`);
}

function indicators(device: StatusDevice, cloud: ReadField<boolean> | undefined): Capability {
  const label = 'indicators';
  if (device.mode === undefined) return answer('indicators', label, 'depends', 'mode-unknown', 'the mode is unknown', '§5.2');
  // The engine's own rule (§2, §5.2); "Allow or block file" is a tenant feature the export cannot show.
  const honoured = indicatorsHonoured({ mode: device.mode, allowOrBlockFile: true, cloudProtection: cloud?.value ?? true });
  const why = honoured.reasons[0]!;
  if (!honoured.honoured) return { id: 'indicators', label, works: 'no', reason: why };
  const message =
    cloud === undefined
      ? 'active mode enforces them when cloud protection is on (give --mppref) and, for files, "Allow or block file" is on'
      : 'active mode enforces them; file indicators also need the tenant feature "Allow or block file"';
  return answer('indicators', label, 'depends', 'indicators-active', message, '§5.2');
}

function blockMode(device: StatusDevice, checklist: readonly StatusCheck[]): Capability {
  const label = 'EDR in block mode';
  const unmet = checklist.filter((check) => check.state === 'unmet').map((check) => check.label);
  if (device.blockModeEffective === true)
    return answer('block-mode', label, 'yes', 'block-mode-effective', 'AMRunningMode is EDR Block Mode', '§3.6');
  if (unmet.length > 0) return answer('block-mode', label, 'no', 'block-mode-unmet', `unmet: ${unmet.join(', ')}`, '§3.2');
  if (device.mode === 'active')
    return answer(
      'block-mode',
      label,
      'depends',
      'block-mode-active',
      'an active device shows Normal with block mode on or off; on, it remediates only post-breach detections MDAV missed',
      '§3.9',
    );
  if (device.mode === 'passive')
    return answer(
      'block-mode',
      label,
      'depends',
      'block-mode-off',
      'AMRunningMode is Passive Mode: not effective yet; the unknown prerequisites decide',
      '§3.2',
    );
  return answer('block-mode', label, 'depends', 'mode-unknown', 'the mode is unknown', '§3.2');
}

/**
 * Real-time protection, scans, remediation, indicators and EDR in block mode, each `yes`, `no` or
 * `depends` in the mode the export shows (§2.1 and its notes, §3.6, §3.9, §5.2); `checklist` is
 * {@link statusChecklist}'s, whose unmet lines say no to block mode.
 *
 * @example
 * statusCapabilities(passiveDevice, checklist).find((c) => c.id === 'indicators')?.works; // 'no'
 */
export function statusCapabilities(
  device: StatusDevice,
  checklist: readonly StatusCheck[],
  cloud?: ReadField<boolean>,
): Capability[] {
  return [realTime(device), scans(device), remediation(device), indicators(device, cloud), blockMode(device, checklist)];
}
