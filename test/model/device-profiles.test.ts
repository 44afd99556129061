import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { DeviceProfiles } from '../../engine/model/device-profiles.ts';

const device = (name: string, given: Partial<DeviceConfig> = {}) =>
  deviceWithDefaults({ name, os: 'windows-10', primaryAv: 'non-microsoft', ...given });

describe('DeviceProfiles — shared decisions for identical configurations', () => {
  it('should share one profile between devices that differ only by name, and resolve its first mode', () => {
    const profiles = new DeviceProfiles(DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT);
    const a = profiles.intern(device('a'));
    expect(profiles.intern(device('b', { tags: ['x'] }))).toBe(a);
    expect(a.initial.mode).toBe('passive');
  });

  it.each([
    ['platform', { mdav: { installed: true, platform: '4.18.2001.9', engine: '1.1.24090.11', cloudProtection: true } }],
    ['CSP value', { passiveRemediation: 1 }],
    ['an enum field', { smartAppControl: 'on' as const }],
  ])('should keep devices apart when the %s differs', (_label, given) => {
    const profiles = new DeviceProfiles(DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT);
    expect(profiles.intern(device('b', given))).not.toBe(profiles.intern(device('a')));
  });

  it('should intern values outside the enums by string key, still sharing exact duplicates', () => {
    const profiles = new DeviceProfiles(DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT);
    const odd = (name: string) => ({ ...device(name), os: 'windows-7' }) as unknown as DeviceConfig;
    expect(profiles.intern(odd('a'))).toBe(profiles.intern(odd('b')));
    expect(profiles.intern(odd('a'))).not.toBe(profiles.intern(device('a')));
  });

  it('should memoise eligibility per mode and recompute it when the licence changes', () => {
    const profiles = new DeviceProfiles(DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT);
    const profile = profiles.intern(device('a'));
    const first = profiles.eligibility(profile, 'passive');
    expect(profiles.eligibility(profile, 'passive')).toBe(first);
    profiles.setTenant({ ...DEFAULT_TENANT, edrBlockMode: true });
    expect(profiles.eligibility(profile, 'passive')).toBe(first);
    profiles.setTenant({ ...DEFAULT_TENANT, license: 'plan-1' });
    expect(profiles.eligibility(profile, 'passive').requirements[0]?.met).toBe(false);
  });
});
