import { describe, expect, it } from 'vitest';
import { deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import type { MdavMode } from '../../engine/core/vocabulary.ts';
import { resolveOnboardedServer } from '../../engine/model/resolve-server-mode.ts';

const server = (given: Partial<DeviceConfig>): DeviceConfig =>
  deviceWithDefaults({ name: 'srv', os: 'server-2022', primaryAv: 'non-microsoft', ...given });
const onPlatform = (platform: string) => ({ mdav: { installed: true, platform, engine: '1.1.24090.11', cloudProtection: true } });
const codes = (device: DeviceConfig, previous?: MdavMode) =>
  resolveOnboardedServer(device, previous, []).reasons.map((r) => r.code);

describe('resolveOnboardedServer — §1.4 server rows', () => {
  it('T09: should keep legacy-agent Server 2016 active and say the key is ignored', () => {
    const device = server({ os: 'server-2016', serverAgent: 'legacy', forceDefenderPassiveMode: 1 });
    expect(resolveOnboardedServer(device, undefined, []).mode).toBe('active');
    expect(codes(device)).toEqual(['legacy-agent-no-passive', 'force-passive-ignored']);
  });

  it.each(['before-onboarding', 'after-onboarding'] as const)(
    'T09: should disable legacy-agent Server 2016 when "Turn off Windows Defender" is %s',
    (turnOffDefenderPolicy) => {
      const device = server({ os: 'server-2016', serverAgent: 'legacy', turnOffDefenderPolicy });
      expect(resolveOnboardedServer(device, 'active', [])).toMatchObject({
        mode: 'disabled',
        reasons: [{ code: 'legacy-agent-policy-disabled' }],
      });
    },
  );

  it('C13: should treat 4.18.2207.9 as below the 4.18.2208.0 threshold, so the GPO disables MDAV', () => {
    const device = server({ turnOffDefenderPolicy: 'after-onboarding', ...onPlatform('4.18.2207.9') });
    expect(resolveOnboardedServer(device, undefined, [])).toMatchObject({
      mode: 'disabled',
      reasons: [{ code: 'turned-off-old-platform', cite: '§7 C13' }],
    });
  });

  it('C13: should compare numerically, so 4.18.22080.1 is above 4.18.2208.0', () => {
    expect(
      resolveOnboardedServer(server({ turnOffDefenderPolicy: 'after-onboarding', ...onPlatform('4.18.22080.1') }), undefined, [])
        .mode,
    ).toBe('passive');
  });

  it('should treat an unreadable platform as below the threshold with a reason, never throwing', () => {
    const device = server({ turnOffDefenderPolicy: 'after-onboarding', ...onPlatform('four') });
    expect(resolveOnboardedServer(device, undefined, [])).toMatchObject({
      mode: 'disabled',
      reasons: [{ code: 'turned-off-platform-unreadable' }],
    });
  });

  it('should let tamper protection keep an active server active when the GPO would make it passive', () => {
    const device = server({ turnOffDefenderPolicy: 'after-onboarding', ...onPlatform('4.18.2208.0') });
    expect(codes(device, 'active')).toEqual(['tamper-protection-blocks-passive', 'turned-off-after-onboarding']);
  });

  it('should allow active → passive when tamper protection is off', () => {
    expect(resolveOnboardedServer(server({ forceDefenderPassiveMode: 1, tamperProtection: false }), 'active', []).mode).toBe(
      'passive',
    );
  });

  it('should allow disabled → passive under tamper protection (only active is sticky)', () => {
    expect(resolveOnboardedServer(server({ forceDefenderPassiveMode: 1 }), 'disabled', []).mode).toBe('passive');
  });

  it('should append the notes after the deciding reason', () => {
    const note = { layer: 'mdav', code: 'note', message: 'n' };
    expect(resolveOnboardedServer(server({}), undefined, [note]).reasons.map((r) => r.code)).toEqual([
      'server-no-automatic-passive',
      'note',
    ]);
  });
});
