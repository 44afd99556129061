/** What a device prints about Defender Antivirus: a `Get-MpComputerStatus` view and `sc query windefend` (§1.2, §3.6). */
import type { MdavMode, RunningMode } from '../core/vocabulary.ts';
import type { DeviceState } from './device-state.ts';

/** The `Get-MpComputerStatus` properties the simulator models, spelled as PowerShell prints them. */
export interface MpComputerStatus {
  readonly AMRunningMode: RunningMode;
  readonly AMProductVersion: string;
  readonly AMEngineVersion: string;
  readonly AMServiceEnabled: boolean;
  readonly IsTamperProtected: boolean;
}

/** `sc query windefend`: the WinDefend service and its STATE row; `installed: false` is sc's error 1060. */
export interface WinDefendService {
  readonly service: 'WinDefend';
  readonly installed: boolean;
  readonly state: 'RUNNING' | 'STOPPED';
}

function isRunning(mode: MdavMode): boolean {
  return mode === 'active' || mode === 'passive';
}

/**
 * Builds the structured `Get-MpComputerStatus` output of a device. When MDAV is not running the service
 * is disabled and the engine reads `0.0.0.0` (§1.2, community observation [inference]); with MDAV not
 * installed the platform reads `0.0.0.0` as well.
 *
 * @example
 * mpComputerStatus(model.device('ws-01')!).AMRunningMode; // 'EDR Block Mode' for T19
 */
export function mpComputerStatus(state: DeviceState): MpComputerStatus {
  const running = isRunning(state.mode);
  return {
    AMRunningMode: state.runningMode,
    AMProductVersion: state.mode === 'not-installed' ? '0.0.0.0' : state.config.mdav.platform,
    AMEngineVersion: running ? state.config.mdav.engine : '0.0.0.0',
    AMServiceEnabled: running,
    IsTamperProtected: running && state.config.tamperProtection,
  };
}

/**
 * The WinDefend service as `sc query windefend` shows it: RUNNING in active or passive mode (the FAQ's
 * check, §1.2), STOPPED when disabled, not installed otherwise.
 *
 * @example
 * winDefendService('passive').state; // 'RUNNING'
 */
export function winDefendService(mode: MdavMode): WinDefendService {
  return { service: 'WinDefend', installed: mode !== 'not-installed', state: isRunning(mode) ? 'RUNNING' : 'STOPPED' };
}
