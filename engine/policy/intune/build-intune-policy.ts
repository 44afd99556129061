/**
 * Exclusion lists as an Intune endpoint security "Microsoft Defender Antivirus exclusions" policy, in the
 * Graph `deviceManagement/configurationPolicies` shape (issue 14 #5). The writer's half; the reader is the
 * Intune importer, to share one home with this file at merge.
 */
import type { ExclusionLists } from '../../core/config.ts';

/** The Defender policy CSP settings that carry the three lists (Policy CSP Defender/ExcludedPaths, …). */
export const INTUNE_EXCLUSION_SETTINGS = {
  paths: {
    definition: 'device_vendor_msft_policy_config_defender_excludedpaths',
    template: 'aaf04adc-c639-464f-b4a7-152e784092e8',
  },
  extensions: {
    definition: 'device_vendor_msft_policy_config_defender_excludedextensions',
    template: 'c203725b-17dc-427b-9470-673a2ce9cd5e',
  },
  processes: {
    definition: 'device_vendor_msft_policy_config_defender_excludedprocesses',
    template: '96b046ed-f138-4250-9ae0-b0772a93d16f',
  },
} as const;

/** The endpoint security template "Microsoft Defender Antivirus exclusions", version 1. */
export const INTUNE_EXCLUSIONS_TEMPLATE = {
  templateId: '45fea5e9-280d-4da1-9792-fb5736da0ca9_1',
  templateFamily: 'endpointSecurityAntivirus',
  templateDisplayName: 'Microsoft Defender Antivirus exclusions',
  templateDisplayVersion: 'Version 1',
} as const;

/** One setting of the policy: a simple-setting collection of strings. */
export interface IntuneCollectionSetting {
  readonly id: string;
  readonly settingInstance: {
    readonly '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance';
    readonly settingDefinitionId: string;
    readonly settingInstanceTemplateReference: { readonly settingInstanceTemplateId: string };
    readonly simpleSettingCollectionValue: readonly {
      readonly '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue';
      readonly value: string;
    }[];
  };
}

/** A `deviceManagementConfigurationPolicy` as `POST /beta/deviceManagement/configurationPolicies` takes it. */
export interface IntunePolicy {
  readonly name: string;
  readonly description: string;
  readonly platforms: 'windows10';
  readonly technologies: 'mdm,microsoftSense';
  readonly roleScopeTagIds: readonly string[];
  readonly templateReference: typeof INTUNE_EXCLUSIONS_TEMPLATE;
  readonly settings: readonly IntuneCollectionSetting[];
}

/**
 * Builds the policy for `lists`: one collection setting per non-empty list (paths, extensions,
 * processes, ids `0`, `1`, … in that order), values exactly as written in the scenario; `description`
 * defaults to a line naming edrsim. An empty list is not written: the template treats an absent
 * setting as not configured.
 *
 * @example
 * buildIntunePolicy({ paths: ['C:\\Tools'], extensions: [], processes: [] }, 'Build servers').settings[0]?.settingInstance.settingDefinitionId;
 * // 'device_vendor_msft_policy_config_defender_excludedpaths'
 */
export function buildIntunePolicy(lists: ExclusionLists, name: string, description = 'Written by edrsim export'): IntunePolicy {
  const settings: IntuneCollectionSetting[] = [];
  for (const key of ['paths', 'extensions', 'processes'] as const) {
    if (lists[key].length === 0) continue;
    const { definition, template } = INTUNE_EXCLUSION_SETTINGS[key];
    settings.push({
      id: String(settings.length),
      settingInstance: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance',
        settingDefinitionId: definition,
        settingInstanceTemplateReference: { settingInstanceTemplateId: template },
        simpleSettingCollectionValue: lists[key].map((value) => ({
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue' as const,
          value,
        })),
      },
    });
  }
  return {
    name,
    description,
    platforms: 'windows10',
    technologies: 'mdm,microsoftSense',
    roleScopeTagIds: ['0'],
    templateReference: INTUNE_EXCLUSIONS_TEMPLATE,
    settings,
  };
}
