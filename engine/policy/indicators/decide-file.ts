/** The ordered file/certificate evaluation of §5.4: WDAC, MDAV exclusion, IoCs, SmartScreen, engines. */
import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from '../../core/config.ts';
import type { Reason } from '../../core/vocabulary.ts';
import { isBlockingAction } from '../../core/indicator-vocabulary.ts';
import { reason } from '../../core/reason.ts';
import type { IndicatorMatch } from './compile-indicators.ts';
import type { Indicator } from './indicator.ts';
// Imported binding copied to a local: under tsx each cross-module access is a getter call, and fileStep runs per decision.
const blockingAction = isBlockingAction;

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

/**
 * The seven ordered steps of §5.4, named: 1 `wdac-block`, 2 `excluded`, 3 `block-ioc` (Block/Warn IoC),
 * 4 `smartscreen`, 5 `allow-ioc`, 6 `engine` (ASR, controlled folder access, antivirus), 7 `no-block`.
 */
export const FILE_STEPS = ['wdac-block', 'excluded', 'block-ioc', 'smartscreen', 'allow-ioc', 'engine', 'no-block'] as const;
export type FileStep = (typeof FILE_STEPS)[number];

export interface FileDecision {
  /** `audit` = allowed, and the Audit indicator raises an alert. */
  readonly result: FileResult;
  /** The §5.4 step that decided (its number is its place in {@link FILE_STEPS}, plus one). */
  readonly step: FileStep;
  /** True when a Block and remediate indicator decided: the file is quarantined (T38). */
  readonly remediate: boolean;
  /** The indicator that decided (`block-ioc`, `allow-ioc`) or was audited (`no-block`). */
  readonly indicator?: Indicator;
  readonly reasons: readonly Reason[];
}

const cite = '§5.4';
/**
 * Each step's reason carries the layer that acted at that step, so a trace names who decided: WDAC, the
 * MDAV exclusion, the indicator, SmartScreen, or Defender Antivirus itself (ASR rules, controlled folder
 * access and the antivirus are its engines, active mode only, §2.1; step 7 is its allow).
 */
const STEP_LAYER: Readonly<Record<FileStep, string>> = {
  'wdac-block': 'wdac',
  excluded: 'exclusion',
  'block-ioc': 'indicator',
  smartscreen: 'smartscreen',
  'allow-ioc': 'indicator',
  engine: 'mdav',
  'no-block': 'mdav',
};
const step = (name: FileStep, code: string, message: string, at = cite): Reason => reason(STEP_LAYER[name], code, message, at);
const WDAC_BLOCK = step(
  'wdac-block',
  'wdac-block',
  'step 1: not allowed by WDAC/AppLocker in enforce mode, so blocked before any indicator',
);
const EXCLUDED = step(
  'excluded',
  'excluded',
  'step 2: an MDAV exclusion allows the file; file and certificate indicators do not override exclusions',
);
const WDAC_OVER_IOC = step(
  'wdac-block',
  'wdac-allow-over-ioc',
  'C8 (example-table reading): WDAC allows the file, so the Block/Warn indicator is not applied',
  '§7 C8',
);
const SMARTSCREEN = step('smartscreen', 'smartscreen-block', 'step 4: blocked by SmartScreen');
const ALLOW_OVER_ENGINE = step(
  'allow-ioc',
  'allow-over-engine',
  'step 5: an Allow indicator is met before ASR, controlled folder access and antivirus blocks (MDE policy beats MDAV)',
);
const ENGINE: Readonly<Record<NonNullable<FileDecisionInput['engineBlock']>, Reason>> = {
  asr: step('engine', 'engine-block', 'step 6: an attack surface reduction rule blocks the file'),
  cfa: step('engine', 'engine-block', 'step 6: controlled folder access blocks the file'),
  antivirus: step('engine', 'engine-block', 'step 6: Microsoft Defender Antivirus blocks the file'),
};
const ALLOWED = step('no-block', 'no-block', 'step 7: nothing blocks the file, so it is allowed');

/**
 * Applies the seven ordered steps of §5.4 (first match wins): 1 WDAC/AppLocker block → block;
 * 2 MDAV exclusion → allow; 3 Block/Warn IoC → block/warn; 4 SmartScreen → block; 5 Allow IoC → allow;
 * 6 ASR/CFA/antivirus → block; 7 allow. `settings.wdacAllowVsBlockIoc` (default `block`, C8) set to
 * `allow` lets a WDAC allow skip step 3, as ioc-file's example table says.
 *
 * @example
 * decideFile({ indicator: allowMatch, engineBlock: 'antivirus' }); // { result: 'allow', step: 'allow-ioc', … } (T43)
 */
export function decideFile(
  input: FileDecisionInput,
  settings: Pick<ConflictSettings, 'wdacAllowVsBlockIoc'> = DEFAULT_CONFLICT_SETTINGS,
): FileDecision {
  const match = input.indicator;
  const action = match?.indicator.action;
  const blocking = action !== undefined && blockingAction(action);
  if (input.wdac === 'block') return decided('block', 'wdac-block', [WDAC_BLOCK, ...overruled(match)]);
  if (input.excluded !== undefined && input.excluded !== false) {
    return decided('allow', 'excluded', [input.excluded === true ? EXCLUDED : input.excluded, ...overruled(match)]);
  }
  const notes: Reason[] = [];
  if (blocking && match !== undefined) {
    if (input.wdac === 'allow' && settings.wdacAllowVsBlockIoc === 'allow') notes.push(match.reason, WDAC_OVER_IOC);
    else
      return decided(
        action === 'Warn' ? 'warn' : 'block',
        'block-ioc',
        [match.reason],
        match.indicator,
        action === 'BlockAndRemediate',
      );
  }
  if (input.smartScreenBlock === true)
    return decided('block', 'smartscreen', [...notes, SMARTSCREEN, ...overruled(blocking ? undefined : match)]);
  if (action === 'Allowed' && match !== undefined) {
    const over = input.engineBlock === undefined ? [] : [ALLOW_OVER_ENGINE];
    return decided('allow', 'allow-ioc', [...notes, match.reason, ...over], match.indicator);
  }
  if (input.engineBlock !== undefined)
    return decided('block', 'engine', [
      ...notes,
      ...(action === 'Audit' && match ? [match.reason] : []),
      ENGINE[input.engineBlock],
    ]);
  if (action === 'Audit' && match !== undefined)
    return decided('audit', 'no-block', [...notes, match.reason, ALLOWED], match.indicator);
  return decided('allow', 'no-block', [...notes, ALLOWED]);
}

/**
 * The step {@link decideFile} would decide at, without building its reasons: the same seven steps in the
 * same order, for the hot path (a law in the tests holds the two equal). The result follows from the step:
 * `block-ioc` warns on a Warn indicator, `no-block` audits on an Audit one.
 *
 * @example
 * fileStep({ indicator: allowMatch, engineBlock: 'antivirus' }); // 'allow-ioc' (T43)
 */
export function fileStep(
  input: FileDecisionInput,
  settings: Pick<ConflictSettings, 'wdacAllowVsBlockIoc'> = DEFAULT_CONFLICT_SETTINGS,
): FileStep {
  const action = input.indicator?.indicator.action;
  if (input.wdac === 'block') return 'wdac-block';
  if (input.excluded !== undefined && input.excluded !== false) return 'excluded';
  if (action !== undefined && blockingAction(action) && !(input.wdac === 'allow' && settings.wdacAllowVsBlockIoc === 'allow'))
    return 'block-ioc';
  if (input.smartScreenBlock === true) return 'smartscreen';
  if (action === 'Allowed') return 'allow-ioc';
  if (input.engineBlock !== undefined) return 'engine';
  return 'no-block';
}

/** A matched indicator that an earlier step made irrelevant, said so the trainee sees why. */
function overruled(match: IndicatorMatch | undefined): Reason[] {
  if (match === undefined) return [];
  return [{ layer: 'indicator', code: 'ioc-overruled', message: `${match.reason.message}, but an earlier step decided`, cite }];
}

function decided(
  result: FileResult,
  step: FileDecision['step'],
  reasons: Reason[],
  indicator?: Indicator,
  remediate = false,
): FileDecision {
  return indicator === undefined ? { result, step, remediate, reasons } : { result, step, remediate, indicator, reasons };
}
