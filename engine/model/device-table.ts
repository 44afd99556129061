/** Per-device storage of the fleet model: shared profiles for untouched devices, machine snapshots only for changed ones. */
import { transition } from 'xstate';
import type { ConflictSettings, DeviceConfig, DevicePatch, TenantConfig } from '../core/config.ts';
import type { MdavMode, Reason } from '../core/vocabulary.ts';
import { blockModeSwitchMachine, type BlockModeSwitchEvent } from './block-mode-switch.machine.ts';
import type { DeviceProfiles, Profile } from './device-profiles.ts';
import { DueQueue } from './due-queue.ts';
import { edrBlockModeState, type EdrBlockModeState, type SwitchView } from './edr-block-mode-state.ts';
import type { DeviceState } from './device-state.ts';
import { mdavModeMachine } from './mdav-mode.machine.ts';
import { mergeDevicePatch } from './merge-patch.ts';
import { runningMode } from './running-mode.ts';

type ModeSnapshot = ReturnType<typeof mdavModeMachine.resolveState>;
type SwitchSnapshot = ReturnType<typeof blockModeSwitchMachine.resolveState>;

/** A device that received a change: its own machine snapshots (created lazily, at its first change). */
interface DeviceRecord {
  profile: Profile;
  mode: ModeSnapshot;
  blockModeSwitch: SwitchSnapshot;
}

/** Block-mode state of an untouched device, shared by its profile while the tenant epoch holds. */
interface SharedBlockMode {
  readonly epoch: number;
  readonly state: EdrBlockModeState;
}

/** The tenant-level facts a device state depends on; `epoch` increments whenever any of them changes. */
export interface TenantView {
  readonly epoch: number;
  readonly portal: SwitchView;
}

/** Where a switch machine snapshot stands: its state and pending due time. */
export function switchView(snapshot: SwitchSnapshot): SwitchView {
  return { state: snapshot.value, dueAt: snapshot.context.dueAt };
}

const SETTLED_ON: SwitchView = { state: 'on', dueAt: undefined };
const SETTLED_OFF: SwitchView = { state: 'off', dueAt: undefined };

/**
 * Holds every device of a fleet. Creation runs only the pure resolvers, once per distinct decision key;
 * reading a state is O(1) and cached per revision (`tenant epoch + device revision`).
 *
 * @example
 * const table = new DeviceTable(devices, profiles, settings);
 * table.state(table.indexOf('ws-01')!, tenantView).mode;
 */
export class DeviceTable {
  private readonly configs: DeviceConfig[];
  private readonly names = new Map<string, number>();
  private readonly profileOf: Profile[];
  private readonly shared = new Map<Profile, SharedBlockMode>();
  private readonly records = new Map<number, DeviceRecord>();
  private readonly revisions: Uint32Array;
  /** How many device revisions have been bumped in all: grows whenever any device's revision does. */
  private bumps = 0;
  private readonly cache: (DeviceState | undefined)[];
  private readonly queue = new DueQueue((at, index) => this.records.get(index)?.blockModeSwitch.context.dueAt === at);

  constructor(
    devices: readonly DeviceConfig[],
    private readonly profiles: DeviceProfiles,
    private readonly settings: ConflictSettings,
  ) {
    this.configs = devices.slice();
    this.profileOf = new Array<Profile>(devices.length);
    this.revisions = new Uint32Array(devices.length);
    this.cache = new Array<DeviceState | undefined>(devices.length);
    // Last to first, so that should a name repeat (names are unique after the loader) the first keeps it, with one map
    // operation a device: a `has` before each `set` hashed every name twice (≈ 170 ns a device at 10^6, issue 13).
    for (let i = devices.length - 1; i >= 0; i--) {
      const device = devices[i] as DeviceConfig;
      this.names.set(device.name, i);
      this.profileOf[i] = profiles.intern(device);
    }
  }

  get size(): number {
    return this.configs.length;
  }

  indexOf(name: string): number | undefined {
    return this.names.get(name);
  }

  /** The device's state; identical object while its revision does not change. */
  /** The `revision` that `state(index, tenant)` would have, without building or reading the state. */
  revisionAt(index: number, tenant: TenantView): number {
    return tenant.epoch + (this.revisions[index] as number);
  }

  /** Grows whenever any `revisionAt(i, tenant)` does (the tenant epoch or a device revision): equal stamps, equal revisions. */
  revisionStamp(tenant: TenantView): number {
    return tenant.epoch + this.bumps;
  }

  /**
   * The device's state, cached per revision. `keep` false (a caller reading each device once, the context
   * cache) leaves an untouched device's state uncached: it is a few reads of its profile, and keeping 10^6 of
   * them filled old space and cost a full mark-compact per large run (issue 13). A changed device's is kept.
   */
  state(index: number, tenant: TenantView, keep = true): DeviceState {
    const record = this.records.get(index);
    // Only a change makes a record, and only a device with one has a revision above 0. An untouched device read once
    // (`keep` false, the context cache) is built from its profile without reading its cache or revision slots: two
    // random reads per device at 10^6 devices (issue 13, ninth pass). A state `deviceAt` kept for it is equal in value.
    const revision = !keep && record === undefined ? tenant.epoch : tenant.epoch + (this.revisions[index] as number);
    if (keep || record !== undefined) {
      const cached = this.cache[index];
      if (cached !== undefined && cached.revision === revision) return cached;
    }
    const config = this.configs[index] as DeviceConfig;
    let mode: MdavMode;
    let modeReasons: readonly Reason[];
    let blockMode: EdrBlockModeState;
    if (record === undefined) {
      const profile = this.profileOf[index] as Profile;
      mode = profile.initial.mode;
      modeReasons = profile.initial.reasons;
      let shared = this.shared.get(profile);
      if (shared === undefined || shared.epoch !== tenant.epoch) {
        const { requirements, request } = this.profiles.eligibility(profile, mode);
        const device = request.requested ? SETTLED_ON : SETTLED_OFF;
        shared = { epoch: tenant.epoch, state: edrBlockModeState(requirements, request, tenant.portal, device) };
        this.shared.set(profile, shared);
      }
      blockMode = shared.state;
    } else {
      mode = record.mode.value as MdavMode;
      modeReasons = record.mode.context.reasons;
      const { requirements, request } = this.profiles.eligibility(record.profile, mode);
      blockMode = edrBlockModeState(requirements, request, tenant.portal, switchView(record.blockModeSwitch));
    }
    const state: DeviceState = {
      config,
      mode,
      modeReasons,
      runningMode: runningMode(mode, blockMode.effective, this.settings),
      edrBlockMode: blockMode,
      revision,
    };
    if (keep || record !== undefined) this.cache[index] = state;
    return state;
  }

  /**
   * Applies a patch at `at`: re-resolves the mode (the machine knows the previous mode) and propagates
   * the device-level switch. Returns what changed, for the change result.
   */
  patch(index: number, patch: DevicePatch, at: number, tenant: TenantConfig): Reason[] {
    const record = this.record(index);
    const config = mergeDevicePatch(this.configs[index] as DeviceConfig, patch);
    this.configs[index] = config;
    record.profile = this.profiles.intern(config);
    const before = record.mode.value;
    [record.mode] = transition(mdavModeMachine, record.mode, { type: 'config.changed', device: config, settings: this.settings });
    const effects: Reason[] = [];
    if (record.mode.value !== before) {
      // Every resolution has its deciding reason first.
      const decided = record.mode.context.reasons[0] as Reason;
      const message = `${config.name}: Defender Antivirus ${before} → ${record.mode.value} (${decided.message})`;
      effects.push({
        layer: 'mdav',
        code: 'mode-changed',
        message,
        ...(decided.cite === undefined ? {} : { cite: decided.cite }),
      });
    }
    const { request } = this.profiles.eligibility(record.profile, record.mode.value as MdavMode);
    const event: BlockModeSwitchEvent = request.requested
      ? { type: 'turn-on', at, delay: tenant.propagation.edrBlockModeEnable }
      : { type: 'turn-off', at, delay: tenant.propagation.edrBlockModeDisable };
    this.send(index, record, event);
    this.revisions[index] = (this.revisions[index] as number) + 1;
    this.bumps += 1;
    return effects;
  }

  /** Earliest pending device-level propagation, if any. */
  nextDueAt(): number | undefined {
    return this.queue.peek()?.at;
  }

  /** Fires the earliest pending propagation if it is due by `at`; returns whether one fired. */
  fireNext(at: number): boolean {
    const next = this.queue.peek();
    if (next === undefined || next.at > at) return false;
    this.queue.pop();
    const record = this.records.get(next.index) as DeviceRecord;
    this.send(next.index, record, { type: 'due', at: next.at });
    this.revisions[next.index] = (this.revisions[next.index] as number) + 1;
    this.bumps += 1;
    return true;
  }

  private send(index: number, record: DeviceRecord, event: BlockModeSwitchEvent): void {
    const [next] = transition(blockModeSwitchMachine, record.blockModeSwitch, event);
    if (next === record.blockModeSwitch) return;
    record.blockModeSwitch = next;
    if (next.context.dueAt !== undefined) this.queue.push(next.context.dueAt, index);
  }

  private record(index: number): DeviceRecord {
    let record = this.records.get(index);
    if (record === undefined) {
      const profile = this.profileOf[index] as Profile;
      const { request } = this.profiles.eligibility(profile, profile.initial.mode);
      record = {
        profile,
        mode: mdavModeMachine.resolveState({ value: profile.initial.mode, context: { reasons: profile.initial.reasons } }),
        blockModeSwitch: blockModeSwitchMachine.resolveState({
          value: request.requested ? 'on' : 'off',
          context: { dueAt: undefined },
        }),
      };
      this.records.set(index, record);
    }
    return record;
  }
}
