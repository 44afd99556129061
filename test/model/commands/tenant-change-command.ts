/** Model-based command: an authorised tenant change (portal switch, licence, propagation delays). */
import type { TenantPatch } from '../../../engine/core/config.ts';
import type { FleetModel } from '../../../engine/model/fleet-model.ts';
import { mergeTenantPatch } from '../../../engine/model/merge-patch.ts';
import { checkInvariants } from './check-invariants.ts';
import { request, type FleetCommand, type FleetSim } from './fleet-sim.ts';

export class TenantChangeCommand implements FleetCommand {
  constructor(
    readonly patch: TenantPatch,
    readonly after: number,
    readonly role: string | undefined,
  ) {}

  check(): boolean {
    return true;
  }

  run(sim: FleetSim, real: FleetModel): void {
    const at = sim.now + this.after;
    const by = this.role === undefined ? undefined : { user: 'admin', role: this.role };
    const result = real.applyChange(by === undefined ? { tenant: this.patch } : { tenant: this.patch, by }, at);
    if (result.status !== 'applied') throw new Error(`refused: ${JSON.stringify(result.reasons)}`);
    sim.now = at;
    sim.tenant = mergeTenantPatch(sim.tenant, this.patch);
    request(sim.portal, sim.tenant.edrBlockMode, at, sim.tenant.propagation);
    checkInvariants(sim, real);
  }

  toString(): string {
    return `tenant(${JSON.stringify(this.patch)}, +${this.after}, ${this.role ?? 'no actor'})`;
  }
}
