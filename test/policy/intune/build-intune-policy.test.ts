// Exclusion lists as the Graph configurationPolicies body of an Intune "Microsoft Defender Antivirus exclusions" policy.
import { describe, expect, it } from 'vitest';
import { buildIntunePolicy } from '../../../engine/policy/intune/build-intune-policy.ts';

const STRING = '#microsoft.graph.deviceManagementConfigurationStringSettingValue';
const COLLECTION = '#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance';

describe('buildIntunePolicy', () => {
  it('should write the documented shape: one string collection per list, values as written', () => {
    const policy = buildIntunePolicy(
      { paths: ['C:\\Temp', '%ProgramData%\\App\\*'], extensions: [], processes: ['app.exe'] },
      'Build',
    );
    expect(policy).toEqual({
      name: 'Build',
      description: 'Written by edrsim export',
      platforms: 'windows10',
      technologies: 'mdm,microsoftSense',
      roleScopeTagIds: ['0'],
      templateReference: {
        templateId: '45fea5e9-280d-4da1-9792-fb5736da0ca9_1',
        templateFamily: 'endpointSecurityAntivirus',
        templateDisplayName: 'Microsoft Defender Antivirus exclusions',
        templateDisplayVersion: 'Version 1',
      },
      settings: [
        {
          id: '0',
          settingInstance: {
            '@odata.type': COLLECTION,
            settingDefinitionId: 'device_vendor_msft_policy_config_defender_excludedpaths',
            settingInstanceTemplateReference: { settingInstanceTemplateId: 'aaf04adc-c639-464f-b4a7-152e784092e8' },
            simpleSettingCollectionValue: [
              { '@odata.type': STRING, value: 'C:\\Temp' },
              { '@odata.type': STRING, value: '%ProgramData%\\App\\*' },
            ],
          },
        },
        {
          id: '1',
          settingInstance: {
            '@odata.type': COLLECTION,
            settingDefinitionId: 'device_vendor_msft_policy_config_defender_excludedprocesses',
            settingInstanceTemplateReference: { settingInstanceTemplateId: '96b046ed-f138-4250-9ae0-b0772a93d16f' },
            simpleSettingCollectionValue: [{ '@odata.type': STRING, value: 'app.exe' }],
          },
        },
      ],
    });
  });

  it("should give back the lists when the settings are read by definition id (the importer's view)", () => {
    const lists = { paths: ["C:\\it's"], extensions: ['.log', 'tmp'], processes: [] };
    const read = (id: string) =>
      buildIntunePolicy(lists, 'x')
        .settings.filter((s) => s.settingInstance.settingDefinitionId === `device_vendor_msft_policy_config_defender_${id}`)
        .flatMap((s) => s.settingInstance.simpleSettingCollectionValue.map((v) => v.value));
    expect({
      paths: read('excludedpaths'),
      extensions: read('excludedextensions'),
      processes: read('excludedprocesses'),
    }).toEqual(lists);
  });
});
