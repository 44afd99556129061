import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIntunePolicy, combineIntunePolicies, importIntunePolicy } from '../../../engine/policy/intune/index.ts';

const entry = fc.stringMatching(/^[A-Za-z0-9%\\:._ -]{1,20}$/).filter((s) => s.trim() === s && s !== '');
const lists = fc.record({
  paths: fc.uniqueArray(entry, { maxLength: 5, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  extensions: fc.uniqueArray(entry, { maxLength: 5, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  processes: fc.uniqueArray(entry, { maxLength: 5, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
});
const settings = fc.record(
  { cloudProtection: fc.boolean(), passiveRemediation: fc.nat(7), disableLocalAdminMerge: fc.boolean() },
  { requiredKeys: [] },
);

describe('buildIntunePolicy', () => {
  it('should write the Graph settings-catalog shape: exclusion lists as string collections', () => {
    const body = buildIntunePolicy({ name: 'AV', exclusions: { paths: ['C:\\Tools'] }, settings: { passiveRemediation: 5 } });
    expect(body).toMatchObject({ name: 'AV', platforms: 'windows10', technologies: 'mdm,microsoftSense' });
    expect(body.settings[0]?.settingInstance).toMatchObject({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance',
      settingDefinitionId: 'device_vendor_msft_policy_config_defender_excludedpaths',
      simpleSettingCollectionValue: [{ value: 'C:\\Tools' }],
    });
    const flags = (body.settings[1]?.settingInstance as { choiceSettingCollectionValue: { value: string }[] })
      .choiceSettingCollectionValue;
    expect(flags.map((f) => f.value)).toEqual([
      'device_vendor_msft_defender_configuration_passiveremediation_1',
      'device_vendor_msft_defender_configuration_passiveremediation_4',
    ]);
  });

  it('should read back as the same lists and settings (round trip through importIntunePolicy)', () => {
    fc.assert(
      fc.property(lists, settings, (exclusions, chosen) => {
        const imported = importIntunePolicy(JSON.stringify(buildIntunePolicy({ exclusions, settings: chosen }), null, 2));
        expect(imported.issues).toEqual([]);
        const combined = combineIntunePolicies(imported.policies.map((policy) => ({ policy })));
        expect(combined.exclusions).toEqual(exclusions);
        expect(combined.settings).toEqual(chosen);
      }),
      { numRuns: 100 },
    );
  });
});
