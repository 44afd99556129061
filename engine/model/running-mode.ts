/** `Get-MpComputerStatus` → `AMRunningMode` for a mode and block-mode state (§1.2, §3.6, C3). */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from '../core/config.ts';
import type { MdavMode, RunningMode } from '../core/vocabulary.ts';

/**
 * Returns the running-mode string a device prints. Passive shows `EDR Block Mode` while block mode is
 * effective, else `Passive Mode` (C2: never `Passive`). Active shows `Normal`, or `EDR Block Mode` while
 * block mode is effective when `settings.activeRunningMode` is `'EDR Block Mode'` (C3, mdav-win
 * reading; default `'Normal'`, the FAQ). Disabled and not installed show `Not running` (§9 inference).
 *
 * @example
 * runningMode('passive', true); // 'EDR Block Mode'
 * runningMode('active', true);  // 'Normal' (T20)
 */
export function runningMode(
  mode: MdavMode,
  blockModeEffective: boolean,
  settings: Pick<ConflictSettings, 'activeRunningMode'> = DEFAULT_CONFLICT_SETTINGS,
): RunningMode {
  switch (mode) {
    case 'passive':
      return blockModeEffective ? 'EDR Block Mode' : 'Passive Mode';
    case 'active':
      return blockModeEffective ? settings.activeRunningMode : 'Normal';
    case 'disabled':
    case 'not-installed':
      return 'Not running';
  }
}
