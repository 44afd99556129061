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
/**
 * Each step's reason carries the layer that acted at that step, so a trace names who decided: WDAC, the
 * MDAV exclusion, the indicator, SmartScreen, or Defender Antivirus itself (ASR rules, controlled folder
 * access and the antivirus are its engines, active mode only, §2.1; step 7 is its allow).
 */
const STEP_LAYER = { 1: 'wdac', 2: 'exclusion', 3: 'indicator', 4: 'smartscreen', 5: 'indicator', 6: 'mdav', 7: 'mdav' } as const;
const step = (n: keyof typeof STEP_LAYER, code: string, message: string, at = cite): Reason => ({ layer: STEP_LAYER[n], code, message, cite: at });
const WDAC_BLOCK = step(1, 'wdac-block', 'step 1: not allowed by WDAC/AppLocker in enforce mode, so blocked before any indicator');
const EXCLUDED = step(2, 'excluded', 'step 2: an MDAV exclusion allows the file; file and certificate indicators do not override exclusions');
const WDAC_OVER_IOC = step(1, 'wdac-allow-over-ioc', 'C8 (example-table reading): WDAC allows the file, so the Block/Warn indicator is not applied', '§7 C8');
const SMARTSCREEN = step(4, 'smartscreen-block', 'step 4: blocked by SmartScreen');
const ALLOW_OVER_ENGINE = step(5, 'allow-over-engine', 'step 5: an Allow indicator is met before ASR, controlled folder access and antivirus blocks (MDE policy beats MDAV)');
const ENGINE: Readonly<Record<NonNullable<FileDecisionInput['engineBlock']>, Reason>> = {
  asr: step(6, 'engine-block', 'step 6: an attack surface reduction rule blocks the file'),
  cfa: step(6, 'engine-block', 'step 6: controlled folder access blocks the file'),
  antivirus: step(6, 'engine-block', 'step 6: Microsoft Defender Antivirus blocks the file'),
};
const ALLOWED = step(7, 'no-block', 'step 7: nothing blocks the file, so it is allowed');

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
