/** One device's protection state at a point of virtual time, as the fleet model reports it. */
import type { DeviceConfig } from '../core/config.ts';
import type { MdavMode, Reason, RunningMode } from '../core/vocabulary.ts';
import type { EdrBlockModeState } from './edr-block-mode-state.ts';

export interface DeviceState {
  readonly config: DeviceConfig;
  readonly mode: MdavMode;
  /** `[0]` is the rule that decided the mode; later reasons are notes. */
  readonly modeReasons: readonly Reason[];
  readonly runningMode: RunningMode;
  readonly edrBlockMode: EdrBlockModeState;
  /** Increments whenever anything in this device's state changes (the pipeline caches per revision). */
  readonly revision: number;
}
