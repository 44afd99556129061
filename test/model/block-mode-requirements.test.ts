import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFLICT_SETTINGS,
  DEFAULT_MDAV,
  DEFAULT_TENANT,
  deviceWithDefaults,
  type DeviceConfig,
  type MdavConfig,
} from '../../engine/core/config.ts';
import type { MdavMode } from '../../engine/core/vocabulary.ts';
import { blockModeRequirements } from '../../engine/model/block-mode-requirements.ts';

const device = (given: Partial<DeviceConfig> = {}, mdav: Partial<MdavConfig> = {}): DeviceConfig =>
  deviceWithDefaults({ name: 'dev', os: 'windows-10', primaryAv: 'non-microsoft', ...given, mdav: { ...DEFAULT_MDAV, ...mdav } });
const unmet = (d: DeviceConfig, mode: MdavMode = 'passive', tenant = DEFAULT_TENANT) =>
  blockModeRequirements(d, tenant, mode, DEFAULT_CONFLICT_SETTINGS)
    .filter((r) => !r.met)
    .map((r) => r.reason.code);

describe('blockModeRequirements — §3.2 checklist', () => {
  it('should list all seven requirements, all met, for a current passive onboarded device', () => {
    const requirements = blockModeRequirements(device(), DEFAULT_TENANT, 'passive');
    expect(requirements.map((r) => r.id)).toEqual([
      'plan-2',
      'onboarded',
      'mdav-active-or-passive',
      'cloud-protection',
      'platform-version',
      'engine-version',
      'supported-os',
    ]);
    expect(requirements.every((r) => r.met && r.reason.layer === 'edr-block-mode')).toBe(true);
  });

  it('T21: should leave block mode unmet when cloud-delivered protection is off', () => {
    expect(unmet(device({}, { cloudProtection: false }))).toEqual(['cloud-protection-off']);
  });

  it('T22: should reject platform 4.18.2001.9 and accept 4.18.2001.10 (numeric comparison)', () => {
    expect(unmet(device({}, { platform: '4.18.2001.9' }))).toEqual(['platform-too-old']);
    expect(unmet(device({}, { platform: '4.18.2001.10' }))).toEqual([]);
  });

  it('T23: should reject engine 1.1.16700.1 and accept 1.1.16700.2', () => {
    expect(unmet(device({}, { engine: '1.1.16700.1' }))).toEqual(['engine-too-old']);
    expect(unmet(device({}, { engine: '1.1.16700.2' }))).toEqual([]);
  });

  it.each(['disabled', 'not-installed'] as const)('T27: should need MDAV active or passive, not %s', (mode) => {
    expect(unmet(device(), mode)).toEqual(['mdav-not-running']);
  });

  it('T28: should need Plan 2', () => {
    expect(unmet(device(), 'passive', { ...DEFAULT_TENANT, license: 'plan-1' })).toEqual(['license-not-plan-2']);
  });

  it('should need the device onboarded', () => {
    expect(unmet(device({ onboarded: false }))).toEqual(['not-onboarded']);
  });

  it('should list every unmet requirement at once', () => {
    const everything = device({ onboarded: false }, { cloudProtection: false, platform: '4.18.1', engine: '1.1.1' });
    expect(unmet(everything, 'disabled', { ...DEFAULT_TENANT, license: 'plan-1' })).toEqual([
      'license-not-plan-2',
      'not-onboarded',
      'mdav-not-running',
      'cloud-protection-off',
      'platform-too-old',
      'engine-too-old',
    ]);
  });

  it('should treat an unreadable version as unmet with a reason naming it, never throwing', () => {
    const requirements = blockModeRequirements(device({}, { platform: 'latest', engine: '' }), DEFAULT_TENANT, 'passive');
    const bad = requirements.filter((r) => !r.met);
    expect(bad.map((r) => r.reason.code)).toEqual(['platform-unreadable', 'engine-unreadable']);
    expect(bad[0]?.reason.message).toContain('"latest"');
  });
});
