/** `FleetModel.readDeviceAt`: the context cache's read of a device state, which keeps no untouched device's state (issue 13). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MDAV, DEFAULT_TENANT, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { createFleetModel } from '../../engine/model/fleet-model.ts';

const passive = (given: Partial<DeviceConfig> = {}): DeviceConfig =>
  deviceWithDefaults({ name: 'ws-01', os: 'windows-10', primaryAv: 'non-microsoft', ...given, mdav: { ...DEFAULT_MDAV } });

describe('FleetModel.readDeviceAt', () => {
  it('should read an untouched device without keeping its state, and a changed one from its kept state (readDeviceAt)', () => {
    const model = createFleetModel({
      tenant: DEFAULT_TENANT,
      devices: [passive(), passive({ name: 'ws-02' } as Partial<DeviceConfig>)],
    });
    const read = model.readDeviceAt(0);
    expect(read).toEqual(model.deviceAt(0));
    // Not kept: each read builds the state again, so a 10^6-device run holds none of them (issue 13).
    expect(model.readDeviceAt(0)).not.toBe(read);
    model.applyChange({ devices: { 'ws-02': { groupPolicyEdrBlockMode: true } } }, 0);
    const changed = model.readDeviceAt(1);
    expect(changed).toBe(model.deviceAt(1));
    expect(changed.revision).toBeGreaterThan(read.revision);
    // deviceAt still keeps an untouched device's state; readDeviceAt builds an equal one without reading it (ninth pass),
    // made of the same shared parts the context key reads by identity.
    const kept = model.deviceAt(0);
    const again = model.readDeviceAt(0);
    expect(again).toEqual(kept);
    expect(again.modeReasons).toBe(kept.modeReasons);
    expect(again.edrBlockMode).toBe(kept.edrBlockMode);
    expect(again.config).toBe(kept.config);
  });
});
