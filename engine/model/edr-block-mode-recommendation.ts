/** The Defender Vulnerability Management recommendation to turn on EDR in block mode (§3.10). */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from '../core/config.ts';
import type { Reason } from '../core/vocabulary.ts';
import type { DeviceState } from './device-state.ts';
import { reasonFor } from '../core/reason.ts';

const TURN_ON_EDR_BLOCK_MODE = 'turn-on-edr-block-mode';

/** A security recommendation for one device; `present: false` explains why it is not shown. */
export interface Recommendation {
  readonly id: typeof TURN_ON_EDR_BLOCK_MODE;
  readonly device: string;
  readonly present: boolean;
  readonly reason: Reason;
}

const reason = reasonFor('edr-block-mode', '§3.10');

/**
 * Decides whether the `turn-on-edr-block-mode` recommendation shows for a device: an onboarded device
 * with MDAV passive (or, with `settings.blockModeRecommendation` `all-running`, active too) where no path
 * switches block mode on. An enable still propagating does not count as on; a disable still propagating
 * does. `settings` default: `DEFAULT_CONFLICT_SETTINGS` (`passive-only`).
 *
 * @example
 * edrBlockModeRecommendation(model.device('ws-01')!).present; // true for a passive device with block mode off
 * edrBlockModeRecommendation(model.device('ws-02')!).reason.code; // 'active-mdav-primary' for an active one
 */
export function edrBlockModeRecommendation(
  state: DeviceState,
  settings: Pick<ConflictSettings, 'blockModeRecommendation'> = DEFAULT_CONFLICT_SETTINGS,
): Recommendation {
  const answer = (present: boolean, code: string, message: string, cite?: string): Recommendation => ({
    id: TURN_ON_EDR_BLOCK_MODE,
    device: state.config.name,
    present,
    reason: reason(code, message, cite),
  });
  if (!state.config.onboarded) {
    return answer(false, 'not-onboarded', 'the device is not onboarded, so Defender Vulnerability Management does not assess it');
  }
  if (state.mode !== 'active' && state.mode !== 'passive') {
    return answer(
      false,
      'mdav-not-running',
      `Defender Antivirus is ${state.mode}; the recommendation needs it installed and running`,
    );
  }
  if (state.edrBlockMode.switchedOn) return answer(false, 'already-on', 'EDR in block mode is switched on for this device');
  // §3.10: the recommendation targets passive devices; §3.9: since the 2025-05 FAQ Microsoft recommends
  // disabling block mode when Defender Antivirus is the primary antivirus. The older readings are a setting.
  if (state.mode === 'active' && settings.blockModeRecommendation === 'passive-only') {
    return answer(
      false,
      'active-mdav-primary',
      'Defender Antivirus is active (the primary antivirus): the recommendation targets passive devices, ' +
        'and Microsoft now recommends disabling block mode when Defender Antivirus is primary ' +
        '(settings.blockModeRecommendation: all-running shows it here)',
      '§3.9, §3.10',
    );
  }
  return answer(true, 'recommend-turn-on', `EDR in block mode is not switched on for this ${state.mode} device: turn it on`);
}
