/** The ordered file/certificate evaluation of §5.4: WDAC, MDAV exclusion, IoCs, SmartScreen, engines. */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from '../../core/config.ts';
import type { Reason } from '../../core/vocabulary.ts';
import type { IndicatorMatch } from './compile-indicators.ts';
import type { Indicator } from './indicator.ts';

/** Everything the seven steps look at; absent means "did not say block/allow". */
export interface FileDecisionInput {
  /** WDAC / AppLocker in enforce mode: `block` = not allowed by it. */
  readonly wdac?: 'allow' | 'block';
  /** The MDAV exclusion that covers the file (a Reason from policy/exclusions), or true. */
  readonly excluded?: Reason | boolean;
  /** The winner of `lookupFileIndicator`. */
  readonly indicator?: IndicatorMatch;
  readonly smartScreenBlock?: boolean;
  /** An ASR rule, controlled folder access or the antivirus would block it. */
  readonly engineBlock?: 'asr' | 'cfa' | 'antivirus';
}

export type FileResult = 'allow' | 'block' | 'warn' | 'audit';

export interface FileDecision {
  /** `audit` = allowed, and the Audit indicator raises an alert. */
  readonly result: FileResult;
  /** The §5.4 step that decided, 1–7. */
  readonly step: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** True when a Block and remediate indicator decided: the file is quarantined (T38). */
  readonly remediate: boolean;
  /** The indicator that decided (steps 3, 5) or was audited (step 7). */
  readonly indicator?: Indicator;
  readonly reasons: readonly Reason[];
}

const cite = '§5.4';
const WDAC_BLOCK: Reason = { layer: 'indicator', code: 'wdac-block', message: 'step 1: not allowed by WDAC/AppLocker in enforce mode, so blocked before any indicator', cite };
const EXCLUDED: Reason = { layer: 'exclusion', code: 'excluded', message: 'step 2: an MDAV exclusion allows the file; file and certificate indicators do not override exclusions', cite };
const WDAC_OVER_IOC: Reason = { layer: 'indicator', code: 'wdac-allow-over-ioc', message: 'C8 (example-table reading): WDAC allows the file, so the Block/Warn indicator is not applied', cite: '§7 C8' };
const SMARTSCREEN: Reason = { layer: 'indicator', code: 'smartscreen-block', message: 'step 4: blocked by SmartScreen', cite };
const ALLOW_OVER_ENGINE: Reason = { layer: 'indicator', code: 'allow-over-engine', message: 'step 5: an Allow indicator is met before ASR, controlled folder access and antivirus blocks (MDE policy beats MDAV)', cite };
const ENGINE: Readonly<Record<NonNullable<FileDecisionInput['engineBlock']>, Reason>> = {
  asr: { layer: 'indicator', code: 'engine-block', message: 'step 6: an attack surface reduction rule blocks the file', cite },
  cfa: { layer: 'indicator', code: 'engine-block', message: 'step 6: controlled folder access blocks the file', cite },
  antivirus: { layer: 'indicator', code: 'engine-block', message: 'step 6: Microsoft Defender Antivirus blocks the file', cite },
};
const ALLOWED: Reason = { layer: 'indicator', code: 'no-block', message: 'step 7: nothing blocks the file, so it is allowed', cite };

/**
 * Applies the seven ordered steps of §5.4 (first match wins): 1 WDAC/AppLocker block → block;
 * 2 MDAV exclusion → allow; 3 Block/Warn IoC → block/warn; 4 SmartScreen → block; 5 Allow IoC → allow;
 * 6 ASR/CFA/antivirus → block; 7 allow. `settings.wdacAllowVsBlockIoc` (default `block`, C8) set to
 * `allow` lets a WDAC allow skip step 3, as ioc-file's example table says.
 *
 * @example
 * decideFile({ indicator: allowMatch, engineBlock: 'antivirus' }); // { result: 'allow', step: 5, … } (T43)
 */
export function decideFile(
  input: FileDecisionInput,
  settings: Pick<ConflictSettings, 'wdacAllowVsBlockIoc'> = DEFAULT_CONFLICT_SETTINGS,
): FileDecision {
  const match = input.indicator;
  const action = match?.indicator.action;
  const blocking = action === 'Block' || action === 'BlockAndRemediate' || action === 'Warn';
  if (input.wdac === 'block') return decided('block', 1, [WDAC_BLOCK, ...overruled(match)]);
  if (input.excluded !== undefined && input.excluded !== false) {
    return decided('allow', 2, [input.excluded === true ? EXCLUDED : input.excluded, ...overruled(match)]);
  }
  const notes: Reason[] = [];
  if (blocking && match !== undefined) {
    if (input.wdac === 'allow' && settings.wdacAllowVsBlockIoc === 'allow') notes.push(match.reason, WDAC_OVER_IOC);
    else return decided(action === 'Warn' ? 'warn' : 'block', 3, [match.reason], match.indicator, action === 'BlockAndRemediate');
  }
  if (input.smartScreenBlock === true) return decided('block', 4, [...notes, SMARTSCREEN, ...overruled(blocking ? undefined : match)]);
  if (action === 'Allowed' && match !== undefined) {
    const over = input.engineBlock === undefined ? [] : [ALLOW_OVER_ENGINE];
    return decided('allow', 5, [...notes, match.reason, ...over], match.indicator);
  }
  if (input.engineBlock !== undefined) return decided('block', 6, [...notes, ...(action === 'Audit' && match ? [match.reason] : []), ENGINE[input.engineBlock]]);
  if (action === 'Audit' && match !== undefined) return decided('audit', 7, [...notes, match.reason, ALLOWED], match.indicator);
  return decided('allow', 7, [...notes, ALLOWED]);
}

/** A matched indicator that an earlier step made irrelevant, said so the trainee sees why. */
function overruled(match: IndicatorMatch | undefined): Reason[] {
  if (match === undefined) return [];
  return [{ layer: 'indicator', code: 'ioc-overruled', message: `${match.reason.message}, but an earlier step decided`, cite }];
}

function decided(result: FileResult, step: FileDecision['step'], reasons: Reason[], indicator?: Indicator, remediate = false): FileDecision {
  return indicator === undefined ? { result, step, remediate, reasons } : { result, step, remediate, indicator, reasons };
}
