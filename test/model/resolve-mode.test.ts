import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import type { MdavMode } from '../../engine/core/vocabulary.ts';
import { resolveMode } from '../../engine/model/resolve-mode.ts';

type Given = Partial<DeviceConfig> & Pick<DeviceConfig, 'os'>;
const device = (given: Given): DeviceConfig => deviceWithDefaults({ name: 'dev', ...given });
const thirdParty = { primaryAv: 'non-microsoft' } as const;

interface Case {
  readonly id: string;
  readonly given: Given;
  readonly previous?: MdavMode;
  readonly mode: MdavMode;
  readonly code: string;
}

// §8.1 mode resolution cases, each pinned to the rule (reason code) that must decide it.
const CASES: readonly Case[] = [
  { id: 'T01', given: { os: 'windows-11' }, mode: 'active', code: 'defender-primary' },
  { id: 'T02', given: { os: 'windows-10', ...thirdParty, onboarded: false }, mode: 'disabled', code: 'disabled-automatically' },
  { id: 'T03', given: { os: 'windows-10', ...thirdParty, securityCenter: true }, mode: 'passive', code: 'passive-automatic' },
  {
    id: 'T04',
    given: { os: 'windows-11', ...thirdParty, securityCenter: false },
    mode: 'active',
    code: 'security-center-disabled',
  },
  { id: 'T06', given: { os: 'server-2019', ...thirdParty }, mode: 'active', code: 'server-no-automatic-passive' },
  { id: 'T07', given: { os: 'server-2022', ...thirdParty, forceDefenderPassiveMode: 1 }, mode: 'passive', code: 'force-passive' },
  {
    id: 'T08',
    given: { os: 'server-2022', ...thirdParty, onboarded: false, forceDefenderPassiveMode: 1 },
    mode: 'disabled',
    code: 'server-disabled-manually',
  },
  {
    id: 'T09',
    given: { os: 'server-2016', ...thirdParty, serverAgent: 'legacy', forceDefenderPassiveMode: 1 },
    mode: 'active',
    code: 'legacy-agent-no-passive',
  },
  {
    id: 'T10',
    given: { os: 'server-2016', ...thirdParty, serverAgent: 'unified', forceDefenderPassiveMode: 1 },
    mode: 'passive',
    code: 'force-passive',
  },
  {
    id: 'T11',
    given: { os: 'server-2012-r2', ...thirdParty, serverAgent: 'unified' },
    mode: 'active',
    code: 'server-no-automatic-passive',
  },
  {
    id: 'T12',
    given: {
      os: 'server-2019',
      ...thirdParty,
      turnOffDefenderPolicy: 'after-onboarding',
      mdav: { installed: true, platform: '4.18.2208.0', engine: '1.1.24090.11', cloudProtection: true },
    },
    mode: 'passive',
    code: 'turned-off-after-onboarding',
  },
  {
    id: 'T13',
    given: { os: 'server-2019', ...thirdParty, turnOffDefenderPolicy: 'before-onboarding' },
    mode: 'disabled',
    code: 'turned-off-before-onboarding',
  },
  {
    id: 'T14',
    given: { os: 'server-2019', ...thirdParty, turnOffDefenderPolicy: 'before-onboarding', forceDefenderPassiveMode: 1 },
    mode: 'passive',
    code: 'force-passive',
  },
  {
    id: 'T15',
    given: { os: 'server-2022', ...thirdParty, forceDefenderPassiveMode: 1, tamperProtection: true },
    previous: 'active',
    mode: 'active',
    code: 'tamper-protection-blocks-passive',
  },
  {
    id: 'T16',
    given: { os: 'server-2022', ...thirdParty, forceDefenderPassiveMode: 0, tamperProtection: true },
    previous: 'passive',
    mode: 'active',
    code: 'server-no-automatic-passive',
  },
  {
    id: 'T18',
    given: { os: 'windows-10', ...thirdParty, onboarded: false, thirdPartyAv: 'expired' },
    previous: 'disabled',
    mode: 'active',
    code: 'third-party-av-expired',
  },
];

describe('resolveMode — §8.1 mode resolution', () => {
  it.each(CASES)('$id: should resolve $mode by rule $code', ({ given, previous, mode, code }) => {
    const resolution = resolveMode(device(given), previous, DEFAULT_CONFLICT_SETTINGS);
    expect(resolution.mode).toBe(mode);
    expect(resolution.reasons[0]?.code).toBe(code);
    expect(resolution.reasons[0]?.cite).toMatch(/^§/);
  });

  it('T05: should resolve passive for non-onboarded Windows 11 with SmartAppControl on by default (C5, first table)', () => {
    const resolution = resolveMode(
      device({ os: 'windows-11', ...thirdParty, onboarded: false, smartAppControl: 'on' }),
      undefined,
    );
    expect(resolution).toMatchObject({ mode: 'passive', reasons: [{ code: 'smart-app-control-unonboarded', cite: '§7 C5' }] });
  });

  it('T05: should resolve disabled with smartAppControlUnonboarded "disabled" (C5, second table)', () => {
    const settings = { ...DEFAULT_CONFLICT_SETTINGS, smartAppControlUnonboarded: 'disabled' as const };
    const resolution = resolveMode(
      device({ os: 'windows-11', ...thirdParty, onboarded: false, smartAppControl: 'evaluation' }),
      undefined,
      settings,
    );
    expect(resolution.mode).toBe('disabled');
  });

  it('T05: should not apply the SmartAppControl rule to Windows 10, which has no SmartAppControl', () => {
    expect(
      resolveMode(device({ os: 'windows-10', ...thirdParty, onboarded: false, smartAppControl: 'on' }), undefined).mode,
    ).toBe('disabled');
  });

  it('T17: should have only the canonical ForceDefenderPassiveMode key, so a legacy ForcePassiveMode value cannot apply (C20)', () => {
    const withLegacyName = { ...device({ os: 'server-2022', ...thirdParty }), ForcePassiveMode: 1 } as DeviceConfig;
    expect(resolveMode(withLegacyName, undefined).mode).toBe('active');
    expect(Object.keys(deviceWithDefaults({ name: 'x', os: 'server-2022', forceDefenderPassiveMode: 1 }))).toContain(
      'forceDefenderPassiveMode',
    );
  });

  it('T15: should go passive on the first resolution despite tamper protection (no previous mode)', () => {
    expect(resolveMode(device({ os: 'server-2022', ...thirdParty, forceDefenderPassiveMode: 1 }), undefined).mode).toBe(
      'passive',
    );
  });

  it('T18: should keep a server in the mode its administrator set when the third-party antivirus expires, with a note', () => {
    const onboarded = resolveMode(
      device({ os: 'server-2022', ...thirdParty, thirdPartyAv: 'expired', forceDefenderPassiveMode: 1 }),
      'passive',
    );
    expect(onboarded.mode).toBe('passive');
    expect(onboarded.reasons.map((r) => r.code)).toEqual(['force-passive', 'third-party-av-expired-server']);
    const unonboarded = resolveMode(
      device({ os: 'server-2019', ...thirdParty, onboarded: false, thirdPartyAv: 'expired', forceDefenderPassiveMode: 1 }),
      undefined,
    );
    expect(unonboarded.reasons.map((r) => r.code)).toEqual([
      'server-disabled-manually',
      'third-party-av-expired-server',
      'force-passive-needs-onboarding',
    ]);
  });

  it('T18: should re-enable MDAV on an onboarded client that was passive', () => {
    expect(resolveMode(device({ os: 'windows-11', ...thirdParty, thirdPartyAv: 'expired' }), 'passive').mode).toBe('active');
  });

  it('should report not-installed when MDAV is not installed', () => {
    const resolution = resolveMode(
      device({ os: 'windows-10', mdav: { installed: false, platform: '4.18.1', engine: '1.1.1', cloudProtection: true } }),
      'active',
    );
    expect(resolution).toMatchObject({ mode: 'not-installed', reasons: [{ code: 'mdav-not-installed' }] });
  });

  it.each([
    ['not onboarded', { onboarded: false }],
    ['onboarded with the legacy agent', { serverAgent: 'legacy' as const }],
  ])(
    'should report not-installed on Server 2012 R2 %s (C19: MDAV exists there only through unified onboarding)',
    (_label, extra) => {
      expect(resolveMode(device({ os: 'server-2012-r2', ...extra }), undefined)).toMatchObject({
        mode: 'not-installed',
        reasons: [{ code: 'mdav-absent-server-2012-r2', cite: '§1.3' }],
      });
    },
  );
});
