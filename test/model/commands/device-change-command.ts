/** Model-based command: an authorised change of one device's configuration. */
import type { DevicePatch } from '../../../engine/core/config.ts';
import type { FleetModel } from '../../../engine/model/fleet-model.ts';
import { mergeDevicePatch } from '../../../engine/model/merge-patch.ts';
import { checkInvariants } from './check-invariants.ts';
import { changeDevice, type FleetCommand, type FleetSim } from './fleet-sim.ts';

export class DeviceChangeCommand implements FleetCommand {
  constructor(
    readonly device: number,
    readonly patch: DevicePatch,
    readonly after: number,
  ) {}

  check(sim: Readonly<FleetSim>): boolean {
    return this.device < sim.devices.size;
  }

  run(sim: FleetSim, real: FleetModel): void {
    const name = `d${this.device}`;
    const at = sim.now + this.after;
    const result = real.applyChange(
      { devices: { [name]: this.patch }, by: { user: 'dana', role: 'security-administrator' } },
      at,
    );
    if (result.status !== 'applied') throw new Error(`refused: ${JSON.stringify(result.reasons)}`);
    const device = sim.devices.get(name);
    if (device === undefined) throw new Error(`no ${name}`);
    sim.now = at;
    changeDevice(sim, device, mergeDevicePatch(device.config, this.patch), at);
    checkInvariants(sim, real);
  }

  toString(): string {
    return `device(d${this.device}, ${JSON.stringify(this.patch)}, +${this.after})`;
  }
}
