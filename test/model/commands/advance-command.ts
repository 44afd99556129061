/** Model-based command: advance the clock by a step, to the next due time, or to just before it. */
import type { FleetModel } from '../../../engine/model/fleet-model.ts';
import { checkInvariants } from './check-invariants.ts';
import { pendingDues, type FleetCommand, type FleetSim } from './fleet-sim.ts';

export type AdvanceTarget = { readonly by: number } | 'next-due' | 'just-before-due';

export class AdvanceCommand implements FleetCommand {
  constructor(readonly target: AdvanceTarget) {}

  check(sim: Readonly<FleetSim>): boolean {
    return typeof this.target === 'object' || pendingDues(sim).length > 0;
  }

  run(sim: FleetSim, real: FleetModel): void {
    const next = real.nextDueAt();
    let at: number;
    if (typeof this.target === 'object') at = sim.now + this.target.by;
    else if (next === undefined) throw new Error('check() promised a pending due time');
    else at = this.target === 'next-due' ? next : Math.max(sim.now, next - 1);
    real.advanceTo(at);
    sim.now = at;
    checkInvariants(sim, real);
  }

  toString(): string {
    return `advance(${typeof this.target === 'object' ? `+${this.target.by}` : this.target})`;
  }
}
