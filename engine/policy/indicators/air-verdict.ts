/** AIR reaches its verdict first, then applies indicators (§5.4 "AIR and indicators", T61, T62). */
import type { Reason } from '../../core/vocabulary.ts';
import type { IndicatorAction } from './indicator.ts';

/** AIR verdicts as the portal spells them (§6.5). */
export type AirVerdict = 'Malicious' | 'Suspicious' | 'No threats found';

export interface AirVerdictWithIndicator {
  /** The verdict AIR acts on after the indicator. */
  readonly verdict: AirVerdict;
  /** What AIR itself concluded. */
  readonly original: AirVerdict;
  /** False for `No threats found`, which gets no actions under any automation level (§6.5). */
  readonly remediate: boolean;
  readonly reason: Reason;
}

const cite = '§5.4';

/**
 * Applies an indicator to an AIR verdict: Block (or Block and remediate) makes AIR treat the entity as
 * bad (`Malicious`, T61); Allow makes AIR ignore a bad verdict (`No threats found`, T62). [inference]
 * Audit and Warn leave the verdict as AIR reached it; so does no indicator.
 *
 * @example
 * applyIndicatorToAirVerdict('No threats found', 'Block').verdict; // 'Malicious'
 * applyIndicatorToAirVerdict('Malicious', 'Allowed').remediate; // false
 */
export function applyIndicatorToAirVerdict(verdict: AirVerdict, indicatorAction?: IndicatorAction): AirVerdictWithIndicator {
  if (indicatorAction === 'Block' || indicatorAction === 'BlockAndRemediate') {
    return {
      verdict: 'Malicious',
      original: verdict,
      remediate: true,
      reason: {
        layer: 'indicator',
        code: 'air-block-ioc',
        message: `AIR verdict "${verdict}" overridden: a ${indicatorAction} indicator makes AIR treat the entity as bad`,
        cite,
      },
    };
  }
  if (indicatorAction === 'Allowed' && verdict !== 'No threats found') {
    return {
      verdict: 'No threats found',
      original: verdict,
      remediate: false,
      reason: {
        layer: 'indicator',
        code: 'air-allow-ioc',
        message: `AIR verdict "${verdict}" ignored: an Allow indicator exists for the entity`,
        cite,
      },
    };
  }
  const why =
    indicatorAction === undefined ? 'no indicator applies' : `an ${indicatorAction} indicator does not change AIR verdicts`;
  return {
    verdict,
    original: verdict,
    remediate: verdict !== 'No threats found',
    reason: { layer: 'indicator', code: 'air-verdict-kept', message: `AIR verdict "${verdict}" kept: ${why}`, cite },
  };
}
