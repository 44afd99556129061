import { describe, expect, it } from 'vitest';
import { DEFAULT_MDAV, DEFAULT_TENANT, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { mpComputerStatus, winDefendService } from '../../engine/model/computer-status.ts';
import { createFleetModel } from '../../engine/model/fleet-model.ts';

const stateOf = (given: Partial<DeviceConfig>, edrBlockMode = true) =>
  createFleetModel({
    tenant: { ...DEFAULT_TENANT, edrBlockMode },
    devices: [deviceWithDefaults({ name: 'd', os: 'windows-10', ...given })],
  }).device('d')!;

describe('mpComputerStatus — Get-MpComputerStatus view (§1.2, §3.6)', () => {
  it('T19: should show EDR Block Mode with versions, service enabled and tamper protection on a passive device', () => {
    expect(mpComputerStatus(stateOf({ primaryAv: 'non-microsoft' }))).toEqual({
      AMRunningMode: 'EDR Block Mode',
      AMProductVersion: DEFAULT_MDAV.platform,
      AMEngineVersion: DEFAULT_MDAV.engine,
      AMServiceEnabled: true,
      IsTamperProtected: true,
    });
  });

  it('should show Not running, service disabled and engine 0.0.0.0 when MDAV is disabled', () => {
    expect(mpComputerStatus(stateOf({ primaryAv: 'non-microsoft', onboarded: false }))).toEqual({
      AMRunningMode: 'Not running',
      AMProductVersion: DEFAULT_MDAV.platform,
      AMEngineVersion: '0.0.0.0',
      AMServiceEnabled: false,
      IsTamperProtected: false,
    });
  });

  it('should show platform 0.0.0.0 when MDAV is not installed', () => {
    expect(mpComputerStatus(stateOf({ mdav: { ...DEFAULT_MDAV, installed: false } })).AMProductVersion).toBe('0.0.0.0');
  });

  it('should report tamper protection off when it is off', () => {
    expect(mpComputerStatus(stateOf({ tamperProtection: false })).IsTamperProtected).toBe(false);
  });
});

describe('winDefendService — sc query windefend (§1.2)', () => {
  it.each([
    ['active', true, 'RUNNING'],
    ['passive', true, 'RUNNING'],
    ['disabled', true, 'STOPPED'],
    ['not-installed', false, 'STOPPED'],
  ] as const)('should show %s as installed %s, STATE %s', (mode, installed, state) => {
    expect(winDefendService(mode)).toEqual({ service: 'WinDefend', installed, state });
  });
});
