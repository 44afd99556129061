/** Model-based command: a change the model must refuse (role, unknown device, time in the past), leaving every state unchanged. */
import { expect } from 'vitest';
import type { ChangeRequest, FleetModel } from '../../../engine/model/fleet-model.ts';
import { checkInvariants } from './check-invariants.ts';
import type { FleetCommand, FleetSim } from './fleet-sim.ts';

export type RefusalKind = 'role' | 'unknown-device' | 'past';

export class RefusedChangeCommand implements FleetCommand {
  constructor(readonly kind: RefusalKind) {}

  check(sim: Readonly<FleetSim>): boolean {
    return this.kind !== 'past' || sim.now > 0;
  }

  run(sim: FleetSim, real: FleetModel): void {
    const before = JSON.stringify({ tenant: real.tenant(), devices: [...real.devices()], due: real.nextDueAt() });
    const change: ChangeRequest =
      this.kind === 'unknown-device'
        ? { devices: { ghost: { onboarded: false }, d0: { primaryAv: 'defender' as const } } }
        : { tenant: { edrBlockMode: !sim.tenant.edrBlockMode }, devices: { d0: { onboarded: false } } };
    const by = this.kind === 'role' ? { user: 'sam', role: 'security-reader' } : undefined;
    const at = this.kind === 'past' ? sim.now - 1 : sim.now;
    const result = real.applyChange(by === undefined ? change : { ...change, by }, at);
    expect(result.status).toBe('refused');
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify({ tenant: real.tenant(), devices: [...real.devices()], due: real.nextDueAt() })).toBe(before);
    checkInvariants(sim, real);
  }

  toString(): string {
    return `refused(${this.kind})`;
  }
}
