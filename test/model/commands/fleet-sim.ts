/** The model side of the model-based fleet test: a plain, obviously-right reference of switches and modes in time. */
import type { ConflictSettings, DeviceConfig, TenantConfig } from '../../../engine/core/config.ts';
import type { MdavMode } from '../../../engine/core/vocabulary.ts';
import { deviceBlockModeRequest } from '../../../engine/model/block-mode-paths.ts';
import type { FleetModel } from '../../../engine/model/fleet-model.ts';
import { resolveMode } from '../../../engine/model/resolve-mode.ts';

/** One enablement switch: requested or not, and when the last request takes effect on the device. */
export interface RefSwitch {
  requested: boolean;
  /** Time from which the device honours `requested`. */
  effectiveFrom: number;
  /** Whether the device honoured "on" before the latest request (what it does until `effectiveFrom`). */
  wasOn: boolean;
  /** When the latest turn-off happened, for the "no later than its delay" check. */
  offAt?: number;
  offDelay?: number;
}

export interface SimDevice {
  config: DeviceConfig;
  mode: MdavMode;
  path: RefSwitch;
}

export interface FleetSim {
  now: number;
  tenant: TenantConfig;
  portal: RefSwitch;
  readonly devices: Map<string, SimDevice>;
  readonly settings: ConflictSettings;
}

export type FleetCommand = {
  check(sim: Readonly<FleetSim>): boolean;
  run(sim: FleetSim, real: FleetModel): void;
  toString(): string;
};

/** On at `now` (ignoring requirements): after the delay the request rules, before it the previous state does. */
export function honoursOn(sw: RefSwitch, now: number): boolean {
  return now >= sw.effectiveFrom ? sw.requested : sw.wasOn;
}

/**
 * Records a request at `at`: a repeat changes nothing; turning on while a disable is pending, or off while
 * an enable is pending, takes effect at once (the device never left / never reached the old state).
 */
export function request(sw: RefSwitch, on: boolean, at: number, delays: TenantConfig['propagation']): void {
  if (sw.requested === on) return;
  const wasOn = honoursOn(sw, at);
  sw.requested = on;
  sw.wasOn = wasOn;
  sw.effectiveFrom = wasOn === on ? at : at + (on ? delays.edrBlockModeEnable : delays.edrBlockModeDisable);
  if (!on) {
    sw.offAt = at;
    sw.offDelay = delays.edrBlockModeDisable;
  }
}

export function settledSwitch(on: boolean): RefSwitch {
  return { requested: on, effectiveFrom: 0, wasOn: on };
}

/** Applies a device config change to the reference: re-resolve with the previous mode, request the device path. */
export function changeDevice(sim: FleetSim, device: SimDevice, config: DeviceConfig, at: number): void {
  device.mode = resolveMode(config, device.mode, sim.settings).mode;
  device.config = config;
  request(device.path, deviceBlockModeRequest(config).requested, at, sim.tenant.propagation);
}

/** Every future time at which some switch starts honouring its request. */
export function pendingDues(sim: Readonly<FleetSim>): number[] {
  return [sim.portal, ...[...sim.devices.values()].map((d) => d.path)]
    .filter((sw) => sw.effectiveFrom > sim.now && sw.wasOn !== sw.requested)
    .map((sw) => sw.effectiveFrom);
}
