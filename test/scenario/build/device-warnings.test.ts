import { describe, expect, it } from 'vitest';
import { deviceWarnings } from '../../../engine/scenario/build/device-warnings.ts';
import { loaded, yaml } from '../scenario-text.ts';

describe('deviceWarnings', () => {
  it.each([
    ['C1: a legacy agent on an OS that never had one', { os: 'server-2019', serverAgent: 'legacy' }, 'server_agent_os'],
    ['§1.3: Smart App Control off Windows 11', { os: 'windows-10', smartAppControl: 'evaluation' }, 'smart_app_control_os'],
    ['§1.4: ForceDefenderPassiveMode on a client', { os: 'windows-11', forceDefenderPassiveMode: 0 }, 'force_passive_client'],
    ['§3.4: undocumented PassiveRemediation bits', { os: 'server-2022', passiveRemediation: 0x9 }, 'passive_remediation_bits'],
    ['a third-party AV state on a Defender device', { os: 'windows-11', thirdPartyAv: 'expired' }, 'third_party_av_unused'],
  ] as const)('should warn about %s', (_title, device, code) => {
    expect(deviceWarnings(device, ['devices', 0]).map((warning) => [warning.code, warning.severity])).toEqual([
      [code, 'warning'],
    ]);
  });

  it.each([
    ['a legacy agent on Server 2016', { os: 'server-2016', serverAgent: 'legacy' }],
    ['Smart App Control on Windows 11', { os: 'windows-11', smartAppControl: 'on' }],
    ['ForceDefenderPassiveMode on a server', { os: 'server-2019', forceDefenderPassiveMode: 1 }],
    ['the documented bits 0x1 | 0x2 | 0x4', { os: 'server-2019', passiveRemediation: 7 }],
    ['an expired third-party AV', { os: 'windows-10', primaryAv: 'non-microsoft', thirdPartyAv: 'expired' }],
  ] as const)('should not warn about %s', (_title, device) => {
    expect(deviceWarnings(device, ['devices', 0])).toEqual([]);
  });

  it('should place the warnings of a fleet template in the file and still load', () => {
    const scenario = loaded(
      yaml('name: demo', 'fleet:', '  - count: 2', '    template: { os: server-2019, passiveRemediation: 0x10 }'),
    );
    expect(scenario.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "passive_remediation_bits",
          "column": 54,
          "file": "demo.yaml",
          "hint": "§3.4: only 0x1, 0x2 and 0x4 are documented; 0x1 is EDR in block mode",
          "line": 4,
          "message": "passiveRemediation 0x10 sets undocumented bits",
          "path": [
            "fleet",
            0,
            "template",
            "passiveRemediation",
          ],
          "severity": "warning",
        },
      ]
    `);
  });
});
