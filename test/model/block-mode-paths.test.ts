import { describe, expect, it } from 'vitest';
import { DEFAULT_MDAV, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { blockModePaths, deviceBlockModeRequest } from '../../engine/model/block-mode-paths.ts';

const device = (given: Partial<DeviceConfig> = {}, platform = DEFAULT_MDAV.platform): DeviceConfig =>
  deviceWithDefaults({
    name: 'dev',
    os: 'windows-10',
    primaryAv: 'non-microsoft',
    ...given,
    mdav: { ...DEFAULT_MDAV, platform },
  });

describe('blockModePaths — §3.3 enablement paths combined with OR', () => {
  it('T25: should switch on through CSP PassiveRemediation 0x1 with the portal off', () => {
    const paths = blockModePaths(device({ passiveRemediation: 0x1 }), false);
    expect(paths).toMatchObject({ portal: false, csp: true, gpo: false, switchedOn: true });
    expect(paths.reasons.map((r) => r.code)).toEqual(['csp-on']);
  });

  it('T25: should honour bit 0x1 inside a larger bit set (0x7)', () => {
    expect(deviceBlockModeRequest(device({ passiveRemediation: 0x7 })).csp).toBe(true);
  });

  it('T26: should not switch on with 0x6 (RTP audit + RTP remediation, no 0x1) and say why', () => {
    const request = deviceBlockModeRequest(device({ passiveRemediation: 0x6 }));
    expect(request).toMatchObject({ csp: false, requested: false, reasons: [{ code: 'csp-without-sense-bit', cite: '§3.4' }] });
    expect(request.reasons[0]?.message).toContain('0x6');
  });

  it.each([0x2, 0x4])('T26: should not switch on with 0x%s alone', (value) => {
    expect(deviceBlockModeRequest(device({ passiveRemediation: value })).requested).toBe(false);
  });

  it('T24: should not apply the CSP on platform 4.18.2201.x, while the portal switch still works', () => {
    const old = device({ passiveRemediation: 1 }, '4.18.2201.10');
    expect(deviceBlockModeRequest(old)).toMatchObject({ csp: false, reasons: [{ code: 'csp-platform-too-old' }] });
    expect(blockModePaths(old, true).switchedOn).toBe(true);
  });

  it('T24: should apply the CSP from 4.18.2202.0 (the docs’ 4.18.2202.X)', () => {
    expect(deviceBlockModeRequest(device({ passiveRemediation: 1 }, '4.18.2202.0')).csp).toBe(true);
  });

  it('should not apply the CSP when the platform is unreadable, with a reason', () => {
    expect(deviceBlockModeRequest(device({ passiveRemediation: 1 }, 'n/a')).reasons[0]?.code).toBe('csp-platform-unreadable');
  });

  it('should say the CSP is off for PassiveRemediation 0x0 and say nothing when it is not configured', () => {
    expect(deviceBlockModeRequest(device({ passiveRemediation: 0 })).reasons.map((r) => r.code)).toEqual(['csp-off']);
    expect(deviceBlockModeRequest(device()).reasons).toEqual([]);
  });

  it('should switch on through the GPO', () => {
    expect(blockModePaths(device({ groupPolicyEdrBlockMode: true }), false)).toMatchObject({
      gpo: true,
      switchedOn: true,
      reasons: [{ code: 'gpo-on' }],
    });
  });

  it('should combine all three paths with OR', () => {
    for (const portal of [false, true])
      for (const csp of [undefined, 1])
        for (const gpo of [false, true]) {
          const paths = blockModePaths(device({ passiveRemediation: csp, groupPolicyEdrBlockMode: gpo }), portal);
          expect(paths.switchedOn).toBe(portal || csp === 1 || gpo);
        }
  });
});
