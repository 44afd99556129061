/** `edrsim doctor`'s pure half: a `Get-MpComputerStatus` export read as the engine reads it (§1.2, §2.1, §3.2, §3.6). */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from '../core/config.ts';
import type { ComputerStatusFacts, ReadField } from '../core/device-facts.ts';
import { reasonFor } from '../core/reason.ts';
import type { MdavMode, Reason, RunningMode } from '../core/vocabulary.ts';
import { statusCapabilities, type Capability } from './status-capabilities.ts';
import { statusChecklist, type ExtraFacts, type StatusCheck } from './status-checklist.ts';
import { statusDevice } from './status-device.ts';

/** The mode, the block-mode checklist and what works, for one export. */
export interface StatusDiagnosis {
  readonly mode: MdavMode | 'unknown';
  readonly runningMode?: ReadField<RunningMode>;
  readonly modeReason: Reason;
  readonly blockModeEffective?: boolean;
  readonly checklist: readonly StatusCheck[];
  readonly capabilities: readonly Capability[];
}

const modeReason = reasonFor('device-status', '§1.2');

function explainMode(running: RunningMode | undefined, mode: MdavMode | undefined): Reason {
  if (running === undefined)
    return modeReason('no-running-mode', 'the export has no AMRunningMode (platforms before 4.18.2008.9 do not print it)');
  if (mode === undefined)
    return modeReason(
      'running-mode-ambiguous',
      'AMRunningMode is EDR Block Mode; under setting activeRunningMode: EDR Block Mode (C3) an active device shows it too',
      '§7 C3',
    );
  switch (running) {
    case 'Normal':
      return modeReason('normal', 'AMRunningMode is Normal: Defender Antivirus is active');
    case 'Passive Mode':
      return modeReason(
        'passive',
        'AMRunningMode is Passive Mode: Defender Antivirus is passive, EDR in block mode not effective',
      );
    case 'EDR Block Mode':
      return modeReason('edr-block-mode', 'AMRunningMode is EDR Block Mode: passive, with EDR in block mode effective', '§3.6');
    case 'Not running':
      return mode === 'not-installed'
        ? modeReason('not-installed', 'AMRunningMode is Not running and AMProductVersion 0.0.0.0: not installed [inference]')
        : modeReason('not-running', 'AMRunningMode is Not running: Defender Antivirus is disabled [inference]');
  }
}

/**
 * Reads an export's facts the way the engine reads a device: its mode (`statusDevice`), the §3.2
 * checklist (`statusChecklist`) and the §2.1 capabilities (`statusCapabilities`). `extra` adds
 * cloud protection from Get-MpPreference; `settings` the C3 reading (default: the FAQ's).
 *
 * @example
 * diagnoseStatus(facts).checklist.filter((c) => c.state === 'unknown').map((c) => c.id);
 * // ['plan-2', 'onboarded', 'cloud-protection', 'supported-os', 'switched-on'] for a passive export alone
 */
export function diagnoseStatus(
  facts: ComputerStatusFacts,
  extra: ExtraFacts = {},
  settings: ConflictSettings = DEFAULT_CONFLICT_SETTINGS,
): StatusDiagnosis {
  const device = statusDevice(facts, settings);
  const checklist = statusChecklist(device, extra, settings);
  return {
    mode: device.mode ?? 'unknown',
    ...(facts.AMRunningMode === undefined ? {} : { runningMode: facts.AMRunningMode }),
    modeReason: explainMode(facts.AMRunningMode?.value, device.mode),
    ...(device.blockModeEffective === undefined ? {} : { blockModeEffective: device.blockModeEffective }),
    checklist,
    capabilities: statusCapabilities(device, checklist, extra.cloudProtection),
  };
}
