import { describe, expect, it } from 'vitest';
import { resolveCite } from '../../engine/core/cite/resolve-cite.ts';
import { OS_NAMES } from '../../engine/core/vocabulary.ts';
import { INVESTIGATION_TRIGGERS, airSupport, alertInvestigation } from '../../engine/model/investigation-trigger.ts';

describe('INVESTIGATION_TRIGGERS — which alerts start an automated investigation', () => {
  it('should say it for each detection source, marking the undocumented custom TI choice as an inference', () => {
    expect(Object.keys(INVESTIGATION_TRIGGERS).sort()).toEqual(['CustomerTI', 'WindowsDefenderAtp', 'WindowsDefenderAv']);
    expect(INVESTIGATION_TRIGGERS.CustomerTI.cite).toBe('[inference]');
    for (const rule of Object.values(INVESTIGATION_TRIGGERS)) expect(resolveCite(rule.cite)).toBeDefined();
  });
});

describe('airSupport — AIR needs a listed OS and Defender Antivirus active or passive (§6.5, air)', () => {
  it('should support every OS of the list except Server 1803, in active and passive mode', () => {
    for (const os of OS_NAMES)
      for (const mode of ['active', 'passive'] as const)
        expect(airSupport({ os, serverAgent: 'unified' }, mode).state, `${os} ${mode}`).toBe(
          os === 'server-1803' ? 'UnsupportedOs' : undefined,
        );
  });

  it('T88: should give Failed on Server 2016 with Defender Antivirus uninstalled, and when it is disabled', () => {
    expect(airSupport({ os: 'server-2016', serverAgent: 'unified' }, 'not-installed')).toMatchObject({
      supported: false,
      state: 'Failed',
    });
    expect(airSupport({ os: 'windows-11', serverAgent: 'unified' }, 'disabled').state).toBe('Failed');
  });

  it('should need the unified agent on Server 2012 R2 and 2016', () => {
    expect(airSupport({ os: 'server-2012-r2', serverAgent: 'legacy' }, 'active').state).toBe('UnsupportedOs');
    expect(airSupport({ os: 'server-2019', serverAgent: 'legacy' }, 'active').supported).toBe(true);
  });
});

describe('alertInvestigation — an alert opens, joins or starts no investigation', () => {
  it('should open one for each starting source, join the open one, and start none under No automated response (T78)', () => {
    for (const source of ['WindowsDefenderAv', 'WindowsDefenderAtp', 'CustomerTI'] as const) {
      expect(alertInvestigation(source, 'semi-all-folders', false).action).toBe('open');
      expect(alertInvestigation(source, 'full', true).action).toBe('join');
      expect(alertInvestigation(source, 'none', true).action).toBe('none');
    }
    expect(alertInvestigation('CustomerTI', 'full', false).reason.cite).toBe('[inference]');
  });
});
