/** Merging timeline `change` patches into tenant and device configuration (contract §1: patches merge, nested objects too). */
import type { DeviceConfig, DevicePatch, TenantConfig, TenantPatch } from '../core/config.ts';

/** Optional device fields where an explicit `undefined` means "not set" (so a patch may clear them). */
const CLEARABLE = new Set<string>(['forceDefenderPassiveMode', 'passiveRemediation', 'domain']);

function assignDefined(target: Record<string, unknown>, patch: object): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) target[key] = value;
    else if (CLEARABLE.has(key)) delete target[key];
  }
}

/**
 * Returns the device with `patch` merged in: top-level fields replace, `mdav` and `exclusions` merge
 * field by field, `undefined` leaves a required field alone and clears an optional one. The device
 * name never changes.
 *
 * @example
 * mergeDevicePatch(device, { mdav: { cloudProtection: false } }).mdav.platform === device.mdav.platform; // true
 */
export function mergeDevicePatch(device: DeviceConfig, patch: DevicePatch): DeviceConfig {
  const { mdav, exclusions, ...rest } = patch;
  const merged: Record<string, unknown> = { ...device };
  assignDefined(merged, rest);
  merged['name'] = device.name;
  merged['mdav'] = mdav === undefined ? device.mdav : { ...device.mdav, ...withoutUndefined(mdav) };
  merged['exclusions'] = exclusions === undefined ? device.exclusions : { ...device.exclusions, ...withoutUndefined(exclusions) };
  return merged as unknown as DeviceConfig;
}

/**
 * Returns the tenant with `patch` merged in; `propagation` merges field by field.
 *
 * @example
 * mergeTenantPatch(DEFAULT_TENANT, { propagation: { edrBlockModeDisable: 0 } }).propagation.edrBlockModeEnable; // 0 (kept)
 */
export function mergeTenantPatch(tenant: TenantConfig, patch: TenantPatch): TenantConfig {
  const { propagation, ...rest } = patch;
  return {
    ...tenant,
    ...withoutUndefined(rest),
    propagation: propagation === undefined ? tenant.propagation : { ...tenant.propagation, ...withoutUndefined(propagation) },
  };
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  return out as Partial<T>;
}
