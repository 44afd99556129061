/** Writes a scenario's policy back as an Intune settings-catalog policy, the body `POST deviceManagement/configurationPolicies` takes. */
import type { ExclusionLists } from '../../core/config.ts';
import { INTUNE_LISTS, type IntuneDeviceSettings } from './intune-settings.ts';

export interface IntunePolicyInput {
  /** The policy's name. Default `edrsim export`. */
  readonly name?: string;
  /** Default empty. */
  readonly description?: string;
  readonly exclusions: Partial<ExclusionLists>;
  /** Modelled settings to write; unset ones are left out. Default none. */
  readonly settings?: IntuneDeviceSettings;
}

const CHOICE = '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance';
const CHOICE_VALUE = '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue';
const ID = {
  cloudProtection: 'device_vendor_msft_policy_config_defender_allowcloudprotection',
  passiveRemediation: 'device_vendor_msft_defender_configuration_passiveremediation',
  disableLocalAdminMerge: 'device_vendor_msft_defender_configuration_disablelocaladminmerge',
} as const;

const choice = (id: string, option: number) => ({
  '@odata.type': CHOICE,
  settingDefinitionId: id,
  choiceSettingValue: { '@odata.type': CHOICE_VALUE, value: `${id}_${option}`, children: [] },
});

/**
 * The Graph JSON of one Windows settings-catalog policy (`platforms: windows10`, `technologies:
 * mdm,microsoftSense`) holding the exclusion lists as string collections and the modelled settings as
 * choices; `PassiveRemediation` is written as its choice collection of flags (0x1, 0x2, 0x4 as `_1`,
 * `_2`, `_4`). `importIntunePolicy` reads it back to the same lists and settings.
 *
 * @example
 * buildIntunePolicy({ exclusions: { paths: ['C:\\Tools'] } }).settings[0].settingInstance.settingDefinitionId;
 * // 'device_vendor_msft_policy_config_defender_excludedpaths'
 */
export function buildIntunePolicy(input: IntunePolicyInput) {
  const instances: Record<string, unknown>[] = [];
  for (const list of ['paths', 'extensions', 'processes'] as const) {
    const entries = input.exclusions[list] ?? [];
    if (entries.length === 0) continue;
    instances.push({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance',
      settingDefinitionId: INTUNE_LISTS[list],
      simpleSettingCollectionValue: entries.map((value) => ({
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue',
        value,
      })),
    });
  }
  const settings = input.settings ?? {};
  if (settings.cloudProtection !== undefined) instances.push(choice(ID.cloudProtection, settings.cloudProtection ? 1 : 0));
  if (settings.disableLocalAdminMerge !== undefined)
    instances.push(choice(ID.disableLocalAdminMerge, settings.disableLocalAdminMerge ? 1 : 0));
  if (settings.passiveRemediation !== undefined) {
    const bits = settings.passiveRemediation >>> 0;
    // One flag per option; 0 (off) is the option _0.
    const flags = bits === 0 ? [0] : Array.from({ length: 32 }, (_, i) => 2 ** i).filter((flag) => (bits & flag) !== 0);
    instances.push({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingCollectionInstance',
      settingDefinitionId: ID.passiveRemediation,
      choiceSettingCollectionValue: flags.map((flag) => ({
        '@odata.type': CHOICE_VALUE,
        value: `${ID.passiveRemediation}_${flag}`,
        children: [],
      })),
    });
  }
  return {
    name: input.name ?? 'edrsim export',
    description: input.description ?? '',
    platforms: 'windows10',
    technologies: 'mdm,microsoftSense',
    settings: instances.map((settingInstance, id) => ({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
      id: String(id),
      settingInstance,
    })),
  };
}
