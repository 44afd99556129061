/** The fleet model: tenant and device protection state in virtual time, changed by timeline `change` events (contract §1, §3). */
import { append } from '../core/append.ts';
import { transition } from 'xstate';
import {
  DEFAULT_CONFLICT_SETTINGS,
  type Actor,
  type ConflictSettings,
  type DeviceConfig,
  type DevicePatch,
  type TenantConfig,
  type TenantPatch,
} from '../core/config.ts';
import { formatDuration } from '../core/duration.ts';
import type { Reason } from '../core/vocabulary.ts';
import { authorizeChange } from './authorize-change.ts';
import { blockModeSwitchMachine, type BlockModeSwitchState } from './block-mode-switch.machine.ts';
import { DeviceProfiles } from './device-profiles.ts';
import type { DeviceState } from './device-state.ts';
import { DeviceTable, switchView, type TenantView } from './device-table.ts';
import { mergeTenantPatch } from './merge-patch.ts';
import { reasonFor } from '../core/reason.ts';

export interface ChangeRequest {
  readonly tenant?: TenantPatch;
  readonly devices?: Readonly<Record<string, DevicePatch>>;
  readonly by?: Actor;
}

export interface ChangeResult {
  readonly status: 'applied' | 'refused';
  readonly reasons: readonly Reason[];
}

export interface FleetModel {
  /** Advances the clock to `at` (non-decreasing; earlier is an error reason, not a throw) and applies the change. */
  applyChange(change: ChangeRequest, at: number): ChangeResult;
  /** Advances the virtual clock to `at`, firing due propagation (a disable taking effect at exactly t0+d). */
  advanceTo(at: number): void;
  /** O(1): the device's state at the model's current time, or undefined for an unknown name. */
  device(name: string): DeviceState | undefined;
  /** The device's position in the fleet (stable for the run), or undefined for an unknown name. */
  indexOf(name: string): number | undefined;
  /** O(1): the state of the device at `index` (from `indexOf`), without a name lookup. */
  deviceAt(index: number): DeviceState;
  /**
   * `deviceAt(index)`, equal in value, for a caller that reads each device once and keeps what it needs (the
   * context cache): an untouched device's state is built and not kept, so a 10^6-device run does not hold
   * 10^6 states. Repeated calls may return different (equal) objects.
   */
  readDeviceAt(index: number): DeviceState;
  /** O(1): `deviceAt(index).revision`, without touching the state (a cache's validity check per artifact). */
  revisionAt(index: number): number;
  /**
   * O(1): a number that grows whenever any device's `revisionAt` does (a change, a propagation, a tenant
   * change). While it is unchanged every revision is: a cache checks this one number per artifact instead
   * of the device's row (a cache miss per artifact in a 10^6-device fleet).
   */
  revisionStamp(): number;
  devices(): Iterable<DeviceState>;
  /** How many devices the fleet has: every `indexOf` answer is below it. */
  deviceCount(): number;
  tenant(): TenantConfig;
  now(): number;
  /** Earliest pending propagation time after now, if any (lets a caller stop exactly at it). */
  nextDueAt(): number | undefined;
}

const modelReason = reasonFor('model');

/**
 * Creates the fleet model at time 0 with every device in its initial state (no propagation pending).
 * Settings default to `DEFAULT_CONFLICT_SETTINGS`. A refused change (RBAC, unknown device) still
 * advances the clock — time passes — but changes no configuration; a change dated before `now()` is
 * refused without touching anything.
 *
 * @example
 * const model = createFleetModel({ tenant: { ...DEFAULT_TENANT, edrBlockMode: true }, devices: [device] });
 * model.applyChange({ tenant: { edrBlockMode: false } }, 0);
 * model.advanceTo(10 * 60_000); // T29: still effective, reasons include 'disable-pending'
 * model.advanceTo(30 * 60_000); // effective no longer
 */
export function createFleetModel(input: {
  tenant: TenantConfig;
  devices: readonly DeviceConfig[];
  settings?: Partial<ConflictSettings>;
}): FleetModel {
  const settings: ConflictSettings = { ...DEFAULT_CONFLICT_SETTINGS, ...input.settings };
  let tenant = input.tenant;
  let clock = 0;
  let portal = blockModeSwitchMachine.resolveState({ value: tenant.edrBlockMode ? 'on' : 'off', context: { dueAt: undefined } });
  let view: TenantView = { epoch: 0, portal: switchView(portal) };
  const profiles = new DeviceProfiles(settings, tenant);
  const table = new DeviceTable(input.devices, profiles, settings);

  const bumpTenant = (): void => {
    view = { epoch: view.epoch + 1, portal: switchView(portal) };
  };

  const advanceTo = (at: number): void => {
    if (!(at >= clock)) return; // earlier (or NaN): the clock never goes back
    for (;;) {
      const portalDue = portal.context.dueAt;
      const deviceDue = table.nextDueAt();
      // Ties: the tenant-wide switch settles first. The order is not observable (each transition reads only its
      // own switch), only that every due at exactly `at` settles here; test/model/fleet-model.test.ts checks that.
      if (portalDue !== undefined && portalDue <= at && (deviceDue === undefined || portalDue <= deviceDue)) {
        clock = portalDue;
        const [next] = transition(blockModeSwitchMachine, portal, { type: 'due', at: portalDue });
        if (next === portal) break; // never spin on a due the machine declines
        portal = next;
        bumpTenant();
      } else if (deviceDue !== undefined && deviceDue <= at) {
        clock = deviceDue;
        table.fireNext(deviceDue);
      } else break;
    }
    clock = at;
  };

  const applyChange = (change: ChangeRequest, at: number): ChangeResult => {
    if (!(at >= clock)) {
      const when = Number.isFinite(at) && at >= 0 ? formatDuration(at) : String(at);
      const message = `change at ${when} is before the model's time ${formatDuration(clock)}; changes must come in time order`;
      return { status: 'refused', reasons: [modelReason('time-went-backwards', message, 'contract §3')] };
    }
    advanceTo(at);
    const problems: Reason[] = [];
    const denied = authorizeChange(change.by);
    if (denied !== undefined) problems.push(denied);
    const targets: [number, DevicePatch][] = [];
    for (const [name, patch] of Object.entries(change.devices ?? {})) {
      const index = table.indexOf(name);
      if (index === undefined)
        problems.push(modelReason('unknown-device', `change names device ${JSON.stringify(name)}, which is not in the fleet`));
      else targets.push([index, patch]);
    }
    if (problems.length > 0) return { status: 'refused', reasons: problems };
    const reasons: Reason[] = [];
    if (change.tenant !== undefined) {
      tenant = mergeTenantPatch(tenant, change.tenant);
      profiles.setTenant(tenant);
      const delays = tenant.propagation;
      const [next] = transition(
        blockModeSwitchMachine,
        portal,
        tenant.edrBlockMode
          ? { type: 'turn-on', at, delay: delays.edrBlockModeEnable }
          : { type: 'turn-off', at, delay: delays.edrBlockModeDisable },
      );
      if (next !== portal) reasons.push(portalReason(next.value, next.context.dueAt));
      portal = next;
      bumpTenant();
    }
    for (const [index, patch] of targets) append(reasons, table.patch(index, patch, at, tenant));
    return { status: 'applied', reasons };
  };

  return {
    applyChange,
    advanceTo,
    device: (name) => {
      const index = table.indexOf(name);
      return index === undefined ? undefined : table.state(index, view);
    },
    indexOf: (name) => table.indexOf(name),
    deviceAt: (index) => table.state(index, view),
    readDeviceAt: (index) => table.state(index, view, false),
    revisionAt: (index) => table.revisionAt(index, view),
    revisionStamp: () => table.revisionStamp(view),
    *devices() {
      for (let index = 0; index < table.size; index++) yield table.state(index, view);
    },
    deviceCount: () => table.size,
    tenant: () => tenant,
    now: () => clock,
    nextDueAt: () => {
      const deviceDue = table.nextDueAt();
      const portalDue = portal.context.dueAt;
      if (portalDue === undefined) return deviceDue;
      return deviceDue === undefined ? portalDue : Math.min(portalDue, deviceDue);
    },
  };
}

/** What a change did to the portal switch: settled at once, or propagating until its due time (§3.5). */
function portalReason(state: BlockModeSwitchState, dueAt: number | undefined): Reason {
  const due = dueAt === undefined ? '' : formatDuration(dueAt);
  const message = {
    on: 'the portal switch "Enable EDR in block mode" is on',
    off: 'the portal switch "Enable EDR in block mode" is off',
    enabling: `the portal switch "Enable EDR in block mode" was turned on; it reaches devices at ${due}`,
    disabling: `the portal switch "Enable EDR in block mode" was turned off; devices keep block mode until ${due}`,
  }[state];
  return { layer: 'edr-block-mode', code: `portal-${state}`, message, cite: '§3.5' };
}
