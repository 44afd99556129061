/** The invariants checked after every step of the model-based fleet test. */
import { expect } from 'vitest';
import type { FleetModel } from '../../../engine/model/fleet-model.ts';
import { honoursOn, pendingDues, type FleetSim } from './fleet-sim.ts';

/** Each model's revision stamp and revisions at its last check: a stamp that stays put must mean no revision moved. */
const lastSeen = new WeakMap<FleetModel, { stamp: number; revisions: Map<string, number> }>();

/** Compares the fleet model with the reference and checks the domain invariants, device by device. */
export function checkInvariants(sim: Readonly<FleetSim>, real: FleetModel): void {
  expect(real.now()).toBe(sim.now);
  checkRevisionStamp(sim, real);
  const dues = pendingDues(sim);
  expect(real.nextDueAt()).toBe(dues.length === 0 ? undefined : Math.min(...dues));
  for (const [name, expected] of sim.devices) {
    const state = real.device(name);
    if (state === undefined) throw new Error(`device ${name} vanished`);
    const { config, mode, edrBlockMode: bm } = state;
    // The pipeline checks its cached context by revisionAt alone (issue 13): it must be the state's revision.
    expect(real.revisionAt(real.indexOf(name) ?? -1), `${name} revisionAt`).toBe(state.revision);
    expect(config).toEqual(expected.config);
    expect(mode).toBe(expected.mode);
    // Switch propagation: the reference's view of each path, OR-ed (contract §3).
    const portalOn = honoursOn(sim.portal, sim.now);
    const pathOn = honoursOn(expected.path, sim.now);
    expect(bm.switchedOn, `${name} switchedOn`).toBe(portalOn || pathOn);
    // disable-pending: on only through a switch whose turn-off has not reached the device yet.
    const settledOn = [sim.portal, expected.path].some((sw) => sw.requested && honoursOn(sw, sim.now));
    const requested = sim.portal.requested || expected.path.requested;
    expect(bm.pending === 'disable-pending', `${name} disable-pending`).toBe(bm.switchedOn && !settledOn);
    expect(bm.pending === 'enable-pending', `${name} enable-pending`).toBe(!bm.switchedOn && requested);
    expect(bm.reasons.some((r) => r.code === 'disable-pending')).toBe(bm.pending === 'disable-pending');
    // A disable takes effect no later than its delay: pending only inside [t0, t0 + d).
    if (bm.pending === 'disable-pending') {
      for (const sw of [sim.portal, expected.path]) {
        if (!sw.requested && sw.offAt !== undefined && sw.offDelay !== undefined && honoursOn(sw, sim.now)) {
          expect(sim.now).toBeLessThan(sw.offAt + sw.offDelay);
        }
      }
    }
    // Block mode never effective with a requirement unmet; effective exactly when switched on and all met.
    const allMet = bm.requirements.every((r) => r.met);
    expect(bm.effective, `${name} effective`).toBe(bm.switchedOn && allMet);
    if (!config.mdav.cloudProtection || !config.onboarded || sim.tenant.license !== 'plan-2') expect(bm.effective).toBe(false);
    if (mode === 'disabled' || mode === 'not-installed') expect(bm.effective).toBe(false);
    expect(bm.reasons.filter((r) => bm.requirements.some((q) => !q.met && q.reason === r))).toHaveLength(
      bm.requirements.filter((q) => !q.met).length,
    );
    // AMRunningMode: EDR Block Mode only when effective, and (default C3) only in passive mode.
    if (state.runningMode === 'EDR Block Mode') {
      expect(bm.effective).toBe(true);
      expect(mode === 'passive' || (mode === 'active' && sim.settings.activeRunningMode === 'EDR Block Mode')).toBe(true);
    }
    if (mode === 'passive') expect(state.runningMode).toBe(bm.effective ? 'EDR Block Mode' : 'Passive Mode');
    // Passive only on onboarded devices, except the C5 SmartAppControl case.
    if (mode === 'passive' && !config.onboarded) {
      expect(config.os).toBe('windows-11');
      expect(config.smartAppControl).not.toBe('off');
      expect(sim.settings.smartAppControlUnonboarded).toBe('passive');
    }
  }
}

/** The context cache trusts `revisionStamp` instead of each device's revision (issue 13): it must grow whenever one does. */
function checkRevisionStamp(sim: Readonly<FleetSim>, real: FleetModel): void {
  const stamp = real.revisionStamp();
  const revisions = new Map([...sim.devices.keys()].map((name) => [name, real.revisionAt(real.indexOf(name) ?? -1)]));
  const last = lastSeen.get(real);
  if (last !== undefined) {
    expect(stamp).toBeGreaterThanOrEqual(last.stamp);
    if (stamp === last.stamp) expect(revisions, 'revisions moved under an unchanged revisionStamp').toEqual(last.revisions);
  }
  lastSeen.set(real, { stamp, revisions });
  // The context cache reads states with `readDeviceAt`, which keeps no untouched device's state: same values.
  for (const name of sim.devices.keys()) {
    const index = real.indexOf(name) ?? -1;
    expect(real.readDeviceAt(index), `readDeviceAt(${name}) differs from deviceAt`).toEqual(real.deviceAt(index));
  }
}
