/** What a trainee reads before predicting: every non-default device setting, grouped fleets, tenant and policy. */
import { describe, expect, it } from 'vitest';
import { renderSetup } from '../../engine/train/render-setup.ts';
import { CONTRACT_TEXT, loaded, MINIMAL, yaml } from '../scenario/scenario-text.ts';

describe('renderSetup', () => {
  it('should show a default device as "-" and say the policy is empty', () => {
    const text = renderSetup(loaded(MINIMAL));
    expect(text.split('\n')[0]).toBe('Fleet (1 device)');
    expect(text).toMatch(/ws-01 +│? *windows-11 .*defender .*yes .*-/);
    expect(text).toContain('path exclusions: none');
    expect(text).toContain('indicators: none');
    expect(text).not.toContain('propagation:');
    expect(text).not.toContain('device group');
  });

  it('should name every setting that differs from the defaults, one device per row', () => {
    const scenario = loaded(
      yaml(
        'name: every setting',
        'devices:',
        '  - { name: srv-01, os: server-2016, serverAgent: legacy, primaryAv: non-microsoft, thirdPartyAv: expired, forceDefenderPassiveMode: 1 }',
        '  - name: ws-02',
        '    os: windows-11',
        '    turnOffDefenderPolicy: after-onboarding',
        '    securityCenter: false',
        '    smartAppControl: evaluation',
        '    tamperProtection: false',
        '    onboarded: false',
        '    domain: corp.example',
        '    mdav: { installed: false, platform: 4.18.2202.4, engine: 1.1.20000.1, cloudProtection: false }',
      ),
    );
    const text = renderSetup(scenario);
    expect(text.split('\n')[0]).toBe('Fleet (2 devices)');
    for (const setting of [
      'legacy agent',
      'other antivirus expired',
      'ForceDefenderPassiveMode=1',
      '"Turn off Windows Defender" GPO after-onboarding',
      'Security Center service disabled',
      'Smart App Control evaluation',
      'tamper protection off',
      'Defender Antivirus not installed',
      'platform 4.18.2202.4',
      'engine 1.1.20000.1',
      'cloud protection off',
      'domain corp.example',
    ]) {
      expect(text).toContain(setting);
    }
    expect(text).toMatch(/ws-02 .* no /);
  });

  it('should share one row among consecutive devices with the same settings, and show tenant and policy of the contract example', () => {
    const text = renderSetup(loaded(CONTRACT_TEXT));
    expect(text.split('\n')[0]).toBe('Fleet (1001 devices)');
    expect(text).toMatch(/ws-\S+ … ws-\S+ \(1000\)/);
    expect(text).toContain('CSP PassiveRemediation=0x1');
    expect(text).toContain('GPO "Enable EDR in block mode" on');
    expect(text).toContain('own exclusions: D:\\SQLData\\');
    expect(text).toContain('tags finance');
    expect(text).toContain('licence: Defender for Endpoint Plan 2');
    expect(text).toContain('portal switch "Enable EDR in block mode": on');
    expect(text).toContain('device group "Servers" (rank 1): os server-2019|server-2022');
    expect(text).toContain('extension exclusions: log');
    expect(text).toMatch(/- Allowed FileSha256 e3b0c4\S+ \(all devices\)/);
  });

  it('should state non-default propagation delays and scoped, titled, expiring indicators', () => {
    const scenario = loaded(
      yaml(
        'name: tenant',
        'tenant:',
        '  license: plan-1',
        '  propagation: { edrBlockModeDisable: 0s, edrBlockModeEnable: 5m }',
        '  deviceGroups: [{ name: All, rank: 2, match: {} }]',
        'devices: [{ name: ws-01, os: windows-11 }]',
        'indicators:',
        "  - { type: FileSha256, value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', action: Block, groups: [All], title: bad tool, expirationTime: '2027-01-01T00:00:00Z' }",
      ),
    );
    const text = renderSetup(scenario);
    expect(text).toContain('licence: Defender for Endpoint Plan 1');
    expect(text).toContain('propagation: switching off reaches devices immediately, switching on after 5m');
    expect(text).toContain('device group "All" (rank 2): every device');
    expect(text).toMatch(/- Block FileSha256 e3b0\S+ "bad tool" \(groups All, expires 2027-01-01T00:00:00Z\)/);
  });

  it('should state the AIR settings a trainee needs (created, levels set, autoresolve), never the level AIR derives', () => {
    const scenario = loaded(
      yaml(
        'name: air',
        'tenant:',
        "  createdAt: '2019-03-01T00:00:00Z'",
        '  autoresolve: false',
        '  deviceGroups: [{ name: Labs, rank: 1, match: { tags: [lab] }, automationLevel: semi-core-folders }]',
        'devices: [{ name: ws-01, os: windows-11 }]',
      ),
    );
    const text = renderSetup(scenario);
    expect(text).toContain('automated investigation and response (AIR): on, tenant created 2019-03-01');
    expect(text).toContain('device group "Labs" (rank 1): tags lab; automation level semi-core-folders');
    expect(text).toContain("ungrouped devices' automation level: not set (the tenant default)");
    expect(text).toContain('advanced feature "Autoresolve remediated alerts": off');
    expect(renderSetup(loaded(MINIMAL))).not.toContain('AIR');
  });

  it('should paint the headings bold and the legend dim with colour, and change nothing else', () => {
    const scenario = loaded(CONTRACT_TEXT);
    const coloured = renderSetup(scenario, true);
    expect(coloured.split('\n')[0]).toMatch(/^\u001b\[1mFleet \(\d+ devices?\)\u001b\[0m$/);
    expect(coloured).toContain('\u001b[1mPolicy\u001b[0m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderSetup(scenario));
  });
});
