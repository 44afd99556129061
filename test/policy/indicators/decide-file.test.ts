import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS } from '../../../engine/core/config.ts';
import type { Reason } from '../../../engine/core/vocabulary.ts';
import {
  compileIndicators,
  decideFile,
  fileStep,
  indicatorAlertFacts,
  INDICATOR_ACTIONS,
  lookupFileIndicator,
  type IndicatorAction,
  type IndicatorMatch,
} from '../../../engine/policy/indicators/index.ts';
import { INVOICE, indicators } from './fixtures/make-indicator.ts';

function match(action: IndicatorAction): IndicatorMatch {
  const index = compileIndicators(indicators({ type: 'FileSha256', value: INVOICE.sha256, action }));
  const found = lookupFileIndicator(index, INVOICE, undefined);
  if (found === undefined) throw new Error('fixture indicator did not match');
  return found;
}

const exclusion: Reason = { layer: 'exclusion', code: 'path', message: 'excluded by C:\\Users\\*\\Downloads', cite: '§4.3' };

describe('decideFile', () => {
  it('should meet Warn, Block and BlockAndRemediate at the block-ioc step, before the engine, and Allowed and Audit later', () => {
    const steps = INDICATOR_ACTIONS.map((action) => [
      action,
      decideFile({ indicator: match(action), engineBlock: 'antivirus' }).step,
    ]);
    expect(steps).toEqual([
      ['Allowed', 'allow-ioc'],
      ['Audit', 'engine'],
      ['Warn', 'block-ioc'],
      ['Block', 'block-ioc'],
      ['BlockAndRemediate', 'block-ioc'],
    ]);
  });

  it('should block and quarantine an executed file with a SHA-256 Block and remediate IoC, with a generic alert and no Action center entry (T38)', () => {
    const decision = decideFile({ indicator: match('BlockAndRemediate') });
    expect(decision).toMatchObject({
      result: 'block',
      step: 'block-ioc',
      remediate: true,
      indicator: { action: 'BlockAndRemediate' },
    });
    const facts = indicatorAlertFacts(decision.indicator!);
    expect(facts).toMatchObject({
      threatName: 'EUS:Win32/CustomEnterpriseBlock!cl',
      alert: { title: 'CustomEnterpriseBlock malware was prevented', severity: 'Informational', generic: true },
      remediation: 'quarantine',
      detectionStatus: 'Prevented',
      actionCenterEntry: false,
    });
  });

  it('should allow a file covered by an MDAV exclusion despite its Block IoC (T39)', () => {
    const decision = decideFile({ excluded: exclusion, indicator: match('BlockAndRemediate') });
    expect(decision).toMatchObject({ result: 'allow', step: 'excluded', remediate: false });
    expect(decision.reasons[0]).toBe(exclusion);
    expect(decision.reasons[1]?.code).toBe('ioc-overruled');
  });

  it('should accept a plain true for "excluded"', () => {
    expect(decideFile({ excluded: true, engineBlock: 'antivirus' }).reasons[0]?.code).toBe('excluded');
  });

  it('should allow a file MDAV detects when a SHA-256 Allow IoC exists (T43)', () => {
    const decision = decideFile({ indicator: match('Allowed'), engineBlock: 'antivirus' });
    expect(decision).toMatchObject({ result: 'allow', step: 'allow-ioc' });
    expect(decision.reasons.map((r) => r.code)).toEqual(['ioc-Allowed', 'allow-over-engine']);
  });

  it('should allow a file an ASR rule would block when it has an Allow IoC (T44)', () => {
    expect(decideFile({ indicator: match('Allowed'), engineBlock: 'asr' })).toMatchObject({ result: 'allow', step: 'allow-ioc' });
  });

  it('should block a file with a Block IoC even though an ASR path exclusion allows it (T45)', () => {
    // An ASR exclusion is not an MDAV exclusion: it only removes the ASR block of step 6.
    expect(decideFile({ indicator: match('Block') })).toMatchObject({ result: 'block', step: 'block-ioc', remediate: false });
  });

  it('should block a file WDAC blocks even with an Allow IoC (T46)', () => {
    const decision = decideFile({ wdac: 'block', indicator: match('Allowed') });
    expect(decision).toMatchObject({ result: 'block', step: 'wdac-block' });
    expect(decision.reasons.map((r) => r.code)).toEqual(['wdac-block', 'ioc-overruled']);
  });

  it('should block on a WDAC allow plus Block IoC by default, following the ordered list (C8)', () => {
    expect(decideFile({ wdac: 'allow', indicator: match('Block') })).toMatchObject({ result: 'block', step: 'block-ioc' });
  });

  it('should allow on a WDAC allow plus Block IoC when emulating the example table (C8)', () => {
    const decision = decideFile(
      { wdac: 'allow', indicator: match('Block') },
      { ...DEFAULT_CONFLICT_SETTINGS, wdacAllowVsBlockIoc: 'allow' },
    );
    expect(decision).toMatchObject({ result: 'allow', step: 'no-block' });
    expect(decision.reasons.map((r) => r.code)).toEqual(['ioc-Block', 'wdac-allow-over-ioc', 'no-block']);
  });

  it('should still let later steps block under the C8 example-table reading', () => {
    const settings = { wdacAllowVsBlockIoc: 'allow' } as const;
    expect(decideFile({ wdac: 'allow', indicator: match('Block'), engineBlock: 'cfa' }, settings)).toMatchObject({
      result: 'block',
      step: 'engine',
    });
  });

  it('should warn for a Warn IoC at step 3 (C10: accepted for files, enforcement unclear)', () => {
    expect(decideFile({ indicator: match('Warn'), engineBlock: 'antivirus' })).toMatchObject({
      result: 'warn',
      step: 'block-ioc',
    });
  });

  it('should block at step 4 on SmartScreen before an Allow IoC is considered', () => {
    const decision = decideFile({ smartScreenBlock: true, indicator: match('Allowed') });
    expect(decision).toMatchObject({ result: 'block', step: 'smartscreen' });
    expect(decision.reasons.map((r) => r.code)).toEqual(['smartscreen-block', 'ioc-overruled']);
  });

  it('should block at step 6 for ASR, CFA and antivirus with no IoC', () => {
    for (const engineBlock of ['asr', 'cfa', 'antivirus'] as const) {
      expect(decideFile({ engineBlock })).toMatchObject({ result: 'block', step: 'engine' });
    }
  });

  it('should let an Audit IoC through with an alert, and not override an engine block', () => {
    expect(decideFile({ indicator: match('Audit') })).toMatchObject({
      result: 'audit',
      step: 'no-block',
      indicator: { action: 'Audit' },
    });
    const blocked = decideFile({ indicator: match('Audit'), engineBlock: 'antivirus' });
    expect(blocked).toMatchObject({ result: 'block', step: 'engine' });
    expect(blocked.reasons.map((r) => r.code)).toEqual(['ioc-Audit', 'engine-block']);
  });

  it('should label each step by the layer that acted: WDAC, the exclusion, the indicator, SmartScreen, Defender Antivirus', () => {
    const layers = (input: Parameters<typeof decideFile>[0]) => decideFile(input).reasons.map((r) => `${r.layer}:${r.code}`);
    expect(layers({ wdac: 'block' })).toEqual(['wdac:wdac-block']);
    expect(layers({ excluded: true })).toEqual(['exclusion:excluded']);
    expect(layers({ smartScreenBlock: true })).toEqual(['smartscreen:smartscreen-block']);
    expect(layers({ engineBlock: 'asr' })).toEqual(['mdav:engine-block']);
    expect(layers({ engineBlock: 'antivirus' })).toEqual(['mdav:engine-block']);
    expect(layers({})).toEqual(['mdav:no-block']);
    expect(layers({ indicator: match('Block') })).toEqual(['indicator:ioc-Block']);
    const c8 = decideFile(
      { wdac: 'allow', indicator: match('Block') },
      { ...DEFAULT_CONFLICT_SETTINGS, wdacAllowVsBlockIoc: 'allow' },
    );
    expect(c8.reasons.map((r) => `${r.layer}:${r.code}`)).toEqual([
      'indicator:ioc-Block',
      'wdac:wdac-allow-over-ioc',
      'mdav:no-block',
    ]);
  });

  it('should allow at step 7 when nothing applies', () => {
    expect(decideFile({})).toEqual({
      result: 'allow',
      step: 'no-block',
      remediate: false,
      reasons: [expect.objectContaining({ code: 'no-block', cite: '§5.4' })],
    });
  });
});

describe('fileStep', () => {
  it('should name the step decideFile decides at, for every combination of the seven steps and both C8 settings', () => {
    let combinations = 0;
    for (const wdac of [undefined, 'allow', 'block'] as const)
      for (const excluded of [undefined, false, true, exclusion])
        for (const indicator of [undefined, ...INDICATOR_ACTIONS.map(match)])
          for (const smartScreenBlock of [undefined, false, true])
            for (const engineBlock of [undefined, 'asr', 'antivirus'] as const)
              for (const wdacAllowVsBlockIoc of ['block', 'allow'] as const) {
                const input = { wdac, excluded, indicator, smartScreenBlock, engineBlock };
                const settings = { ...DEFAULT_CONFLICT_SETTINGS, wdacAllowVsBlockIoc };
                expect([input, fileStep(input, settings)]).toEqual([input, decideFile(input, settings).step]);
                combinations++;
              }
    expect(combinations).toBe(3 * 4 * 6 * 3 * 3 * 2);
  });
});
