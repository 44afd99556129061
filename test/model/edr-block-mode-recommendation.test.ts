import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MDAV,
  DEFAULT_TENANT,
  deviceWithDefaults,
  type ConflictSettings,
  type DeviceConfig,
} from '../../engine/core/config.ts';
import { edrBlockModeRecommendation } from '../../engine/model/edr-block-mode-recommendation.ts';
import { createFleetModel } from '../../engine/model/fleet-model.ts';

const recommend = (
  given: Partial<DeviceConfig>,
  edrBlockMode = false,
  settings?: Pick<ConflictSettings, 'blockModeRecommendation'>,
) =>
  edrBlockModeRecommendation(
    createFleetModel({
      tenant: { ...DEFAULT_TENANT, edrBlockMode },
      devices: [deviceWithDefaults({ name: 'd', os: 'windows-10', primaryAv: 'non-microsoft', ...given })],
    }).device('d')!,
    settings,
  );

describe('edrBlockModeRecommendation — turn-on-edr-block-mode (§3.10)', () => {
  it('should be present on an onboarded passive device with no path on', () => {
    expect(recommend({})).toMatchObject({ id: 'turn-on-edr-block-mode', device: 'd', present: true, reason: { cite: '§3.10' } });
  });

  it('should be absent on an active device by default, saying why: it targets passive devices (§3.10) and the 2025-05 FAQ says disable (§3.9)', () => {
    const recommendation = recommend({ primaryAv: 'defender' });
    expect(recommendation).toMatchObject({ present: false, reason: { code: 'active-mdav-primary', cite: '§3.9, §3.10' } });
    expect(recommendation.reason.message).toMatch(/passive/);
    expect(recommendation.reason.message).toMatch(/blockModeRecommendation: all-running/);
  });

  it('should be present on an active device with settings.blockModeRecommendation all-running (the 2021 and 2024-09 readings)', () => {
    expect(recommend({ primaryAv: 'defender' }, false, { blockModeRecommendation: 'all-running' })).toMatchObject({
      present: true,
      reason: { code: 'recommend-turn-on' },
    });
    expect(recommend({}, false, { blockModeRecommendation: 'all-running' }).present).toBe(true);
  });

  it.each([
    ['the portal switch is on', {}, true, 'already-on'],
    ['the GPO is on', { groupPolicyEdrBlockMode: true }, false, 'already-on'],
    ['the device is not onboarded', { onboarded: false, primaryAv: 'defender' as const }, false, 'not-onboarded'],
    ['MDAV is not installed', { mdav: { ...DEFAULT_MDAV, installed: false } }, false, 'mdav-not-running'],
  ])('should be absent when %s', (_label, given, portal, code) => {
    expect(recommend(given, portal)).toMatchObject({ present: false, reason: { code } });
  });

  it('should stay present while an enable is still propagating', () => {
    const tenant = { ...DEFAULT_TENANT, propagation: { edrBlockModeDisable: 0, edrBlockModeEnable: 60_000 } };
    const model = createFleetModel({
      tenant,
      devices: [deviceWithDefaults({ name: 'd', os: 'windows-10', primaryAv: 'non-microsoft' })],
    });
    model.applyChange({ tenant: { edrBlockMode: true } }, 0);
    expect(edrBlockModeRecommendation(model.device('d')!).present).toBe(true);
    model.advanceTo(60_000);
    expect(edrBlockModeRecommendation(model.device('d')!).present).toBe(false);
  });
});
