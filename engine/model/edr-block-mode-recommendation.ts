/** The Defender Vulnerability Management recommendation to turn on EDR in block mode (§3.10). */
import type { Reason } from '../core/vocabulary.ts';
import type { DeviceState } from './fleet-model.ts';

export const TURN_ON_EDR_BLOCK_MODE = 'turn-on-edr-block-mode';

/** A security recommendation for one device; `present: false` explains why it is not shown. */
export interface Recommendation {
  readonly id: typeof TURN_ON_EDR_BLOCK_MODE;
  readonly device: string;
  readonly present: boolean;
  readonly reason: Reason;
}

function reason(code: string, message: string): Reason {
  return { layer: 'edr-block-mode', code, message, cite: '§3.10' };
}

/**
 * Decides whether the `turn-on-edr-block-mode` recommendation shows for a device: an onboarded device
 * with MDAV installed and running (active or passive) where no path switches block mode on. An enable
 * still propagating does not count as on; a disable still propagating does.
 *
 * @example
 * edrBlockModeRecommendation(model.device('ws-01')!).present; // true for a passive device with block mode off
 */
export function edrBlockModeRecommendation(state: DeviceState): Recommendation {
  const answer = (present: boolean, code: string, message: string): Recommendation => ({
    id: TURN_ON_EDR_BLOCK_MODE,
    device: state.config.name,
    present,
    reason: reason(code, message),
  });
  if (!state.config.onboarded) {
    return answer(false, 'not-onboarded', 'the device is not onboarded, so Defender Vulnerability Management does not assess it');
  }
  if (state.mode !== 'active' && state.mode !== 'passive') {
    return answer(false, 'mdav-not-running', `Defender Antivirus is ${state.mode}; the recommendation needs it installed and running`);
  }
  if (state.edrBlockMode.switchedOn) return answer(false, 'already-on', 'EDR in block mode is switched on for this device');
  return answer(true, 'recommend-turn-on', `EDR in block mode is not switched on for this ${state.mode} device: turn it on`);
}
