import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIntunePolicy, recogniseIntunePolicy } from '../../../engine/policy/intune/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const policy = (...instances: object[]) =>
  JSON.stringify({ name: 'p', settings: instances.map((settingInstance) => ({ settingInstance })) });
const choice = (id: string, value: string) => ({ settingDefinitionId: id, choiceSettingValue: { value, children: [] } });
const CLOUD = 'device_vendor_msft_policy_config_defender_allowcloudprotection';

describe('importIntunePolicy', () => {
  it('should read the exclusion lists and MAPS of a configurationPolicies export, and name the settings it ignores', () => {
    const { policies, issues } = importIntunePolicy(fixture('av-exclusions.json'));
    expect(policies).toHaveLength(1);
    expect(policies[0]?.name).toBe('AV - Build servers');
    expect(policies[0]?.lists).toEqual({
      paths: ['C:\\BuildAgent\\work', '%ProgramData%\\Contoso\\Cache'],
      extensions: ['.obj'],
      processes: ['msbuild.exe'],
    });
    expect(policies[0]?.settings.cloudProtection?.value).toBe(true);
    // Real-time monitoring and PUA protection are not modelled: one warning each, at their line.
    expect(issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['intune_setting_ignored', 'warning', 55],
      ['intune_setting_ignored', 'warning', 81],
    ]);
    expect(issues[0]?.message).toContain('allowrealtimemonitoring');
  });

  it('should read a { value: [...] } page of policies with PassiveRemediation as a choice collection of flags', () => {
    const { policies, issues } = importIntunePolicy(fixture('av-additional.json'));
    expect(issues).toEqual([]);
    expect(policies.map((p) => p.name)).toEqual(['AV - Block mode and merge', 'AV - Cloud off (lab)']);
    expect(policies[0]?.settings.passiveRemediation?.value).toBe(1);
    expect(policies[0]?.settings.disableLocalAdminMerge?.value).toBe(true);
    expect(policies[1]?.settings.cloudProtection?.value).toBe(false);
  });

  it('should OR the flags of several PassiveRemediation options (§3.4 bit set)', () => {
    const id = 'device_vendor_msft_defender_configuration_passiveremediation';
    const text = policy({ settingDefinitionId: id, choiceSettingCollectionValue: [{ value: `${id}_2` }, { value: `${id}_4` }] });
    expect(importIntunePolicy(text).policies[0]?.settings.passiveRemediation?.value).toBe(6);
  });

  it("should read PassiveRemediation from a custom profile's OMA-URI setting (§3.3)", () => {
    const { policies, issues } = importIntunePolicy(fixture('custom-passive-remediation.json'));
    expect(issues).toEqual([]);
    expect(policies[0]).toMatchObject({ name: 'EDR in block mode - pilot ring', settings: { passiveRemediation: { value: 1 } } });
    const other = importIntunePolicy(
      JSON.stringify({
        displayName: 'x',
        omaSettings: [{ omaUri: './Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera', value: 0 }],
      }),
    );
    expect(other.issues).toMatchObject([{ code: 'intune_setting_ignored', severity: 'warning' }]);
  });

  it('should report a bad choice, a bad list item and a setting set twice at their line and column', () => {
    const text = [
      '{ "name": "p", "settings": [',
      `  { "settingInstance": { "settingDefinitionId": "${CLOUD}", "choiceSettingValue": { "value": "${CLOUD}_7" } } },`,
      '  { "settingInstance": { "settingDefinitionId": "device_vendor_msft_policy_config_defender_excludedpaths",',
      '    "simpleSettingCollectionValue": [ { "value": 42 } ] } },',
      `  { "settingInstance": { "settingDefinitionId": "${CLOUD}", "choiceSettingValue": { "value": "${CLOUD}_1" } } },`,
      `  { "settingInstance": { "settingDefinitionId": "${CLOUD}", "choiceSettingValue": { "value": "${CLOUD}_0" } } }`,
      ']}',
    ].join('\n');
    expect(importIntunePolicy(text).issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['intune_bad_choice', 2, 137],
      ['intune_bad_list_item', 4, 39],
      ['intune_setting_twice', 6, 24],
    ]);
  });

  it('should refuse a file that is not an Intune export, or not JSON, quoting none of it', () => {
    expect(importIntunePolicy('PASSWORD=hunter2').issues).toMatchObject([{ code: 'intune_unrecognised', line: 1 }]);
    const broken = importIntunePolicy('{ "settingDefinitionId": hunter2 }').issues;
    expect(broken).toMatchObject([{ code: 'intune_bad_json', line: 1, column: 26 }]);
    expect(JSON.stringify(broken)).not.toContain('hunter2');
    expect(importIntunePolicy('[{ "settingDefinitionId": "x" }]').issues).toMatchObject([{ code: 'intune_not_a_policy' }]);
    expect(importIntunePolicy('"settingDefinitionId":').issues).toMatchObject([{ code: 'intune_unrecognised' }]);
  });
});

describe('recogniseIntunePolicy', () => {
  it('should tell Graph policy JSON from Get-MpPreference JSON', () => {
    expect(recogniseIntunePolicy(policy(choice(CLOUD, `${CLOUD}_1`)))).toBe(true);
    expect(recogniseIntunePolicy('{ "ExclusionPath": ["C:\\\\x"] }')).toBe(false);
  });
});
