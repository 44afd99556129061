/** Intune antivirus policies exported from Graph: read, combine per device, and write back. */
export { importIntunePolicy } from './import-intune-policy.ts';
export type { ImportedIntunePolicies, IntunePolicy, IntuneValue } from './import-intune-policy.ts';
export { combineIntunePolicies } from './combine-intune-policies.ts';
export type { CombinedIntunePolicy, SourcedIntunePolicy } from './combine-intune-policies.ts';
export { buildIntunePolicy } from './build-intune-policy.ts';
export type { IntunePolicyInput } from './build-intune-policy.ts';
export { recogniseIntunePolicy } from './recognise-intune-policy.ts';
export { INTUNE_LISTS, INTUNE_SETTINGS, PASSIVE_REMEDIATION_OMA_URI } from './intune-settings.ts';
export type { IntuneDeviceSettings, IntuneSettingKey } from './intune-settings.ts';
