import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT, deviceWithDefaults } from '../../engine/core/config.ts';
import { mergeDevicePatch, mergeTenantPatch } from '../../engine/model/merge-patch.ts';

const device = deviceWithDefaults({
  name: 'ws-01',
  os: 'windows-10',
  forceDefenderPassiveMode: 1,
  exclusions: { paths: ['C:\\A\\'], extensions: ['log'], processes: [] },
});

describe('mergeDevicePatch — contract §1 change semantics', () => {
  it('should merge nested mdav field by field', () => {
    const merged = mergeDevicePatch(device, { mdav: { cloudProtection: false } });
    expect(merged.mdav).toEqual({ ...device.mdav, cloudProtection: false });
  });

  it('should merge exclusions by list, keeping the lists not named', () => {
    expect(mergeDevicePatch(device, { exclusions: { paths: ['D:\\'] } }).exclusions).toEqual({
      paths: ['D:\\'],
      extensions: ['log'],
      processes: [],
    });
  });

  it('should replace top-level fields and keep the rest, never the name', () => {
    const merged = mergeDevicePatch(device, { primaryAv: 'non-microsoft', name: 'renamed' } as never);
    expect(merged).toMatchObject({ name: 'ws-01', primaryAv: 'non-microsoft', os: 'windows-10' });
  });

  it('should clear an optional field given as undefined and ignore undefined for a required one', () => {
    const merged = mergeDevicePatch(device, { forceDefenderPassiveMode: undefined, os: undefined });
    expect('forceDefenderPassiveMode' in merged).toBe(false);
    expect(merged.os).toBe('windows-10');
  });

  it('should not modify its input', () => {
    mergeDevicePatch(device, { mdav: { installed: false } });
    expect(device.mdav.installed).toBe(true);
  });
});

describe('mergeTenantPatch', () => {
  it('should merge propagation field by field', () => {
    const merged = mergeTenantPatch(DEFAULT_TENANT, { edrBlockMode: true, propagation: { edrBlockModeDisable: 60_000 } });
    expect(merged).toMatchObject({ edrBlockMode: true, propagation: { edrBlockModeDisable: 60_000, edrBlockModeEnable: 0 } });
  });

  it('should ignore undefined values', () => {
    expect(mergeTenantPatch(DEFAULT_TENANT, { license: undefined }).license).toBe('plan-2');
  });
});
