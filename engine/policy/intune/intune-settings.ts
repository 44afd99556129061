/**
 * The Intune settings the simulation reads from an antivirus policy, by their settings-catalog
 * `settingDefinitionId` (Policy CSP `Defender/*` and Defender CSP `Configuration/*`, §3.4, §4.1).
 */

/** The three exclusion lists: simple string collections, merged across policies (Intune "Policy merge for settings"). */
export const INTUNE_LISTS = {
  paths: 'device_vendor_msft_policy_config_defender_excludedpaths',
  extensions: 'device_vendor_msft_policy_config_defender_excludedextensions',
  processes: 'device_vendor_msft_policy_config_defender_excludedprocesses',
} as const;

/** What a modelled non-list setting becomes on the device. */
export type IntuneSettingKey = 'cloudProtection' | 'passiveRemediation' | 'disableLocalAdminMerge';

/** Values the simulation takes from the policy; a key is absent when no policy sets it (or policies conflict). */
export interface IntuneDeviceSettings {
  /** Policy CSP `Defender/AllowCloudProtection` → the device's `mdav.cloudProtection` (MAPS, §3.2). */
  readonly cloudProtection?: boolean;
  /** Defender CSP `Configuration/PassiveRemediation` bit set (§3.4); the model applies its platform gate (4.18.2202.X, T24). */
  readonly passiveRemediation?: number;
  /** Defender CSP `Configuration/DisableLocalAdminMerge` (§4.1). */
  readonly disableLocalAdminMerge?: boolean;
}

/** The modelled choice settings: definition id → device key and how an option number reads. */
export const INTUNE_SETTINGS: Readonly<Record<string, { key: IntuneSettingKey; kind: 'boolean' | 'bits' }>> = {
  device_vendor_msft_policy_config_defender_allowcloudprotection: { key: 'cloudProtection', kind: 'boolean' },
  // Settings catalog: a choice collection of the flags _1, _2, _4 (OpenIntuneBaseline export); the bits are OR-ed.
  device_vendor_msft_defender_configuration_passiveremediation: { key: 'passiveRemediation', kind: 'bits' },
  device_vendor_msft_defender_configuration_disablelocaladminmerge: { key: 'disableLocalAdminMerge', kind: 'boolean' },
};

/** §3.3: EDR in block mode per device group is a custom profile's OMA-URI to the Defender CSP. */
export const PASSIVE_REMEDIATION_OMA_URI = './Device/Vendor/MSFT/Defender/Configuration/PassiveRemediation';

/** Why a known but unmodelled setting is left out, so the warning says what the run assumes instead. */
export const NOT_MODELLED: Readonly<Record<string, string>> = {
  device_vendor_msft_policy_config_defender_allowrealtimemonitoring:
    'the simulation has real-time protection on wherever Defender Antivirus runs',
  device_vendor_msft_policy_config_defender_puaprotection: 'PUA artifacts are decided as the scenario says, not by this setting',
};
