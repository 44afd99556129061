/** Compiles each device's decision context once per revision and hands it out in O(1) on the hot path. */
import type { ConflictSettings, TenantConfig } from '../core/config.ts';
import type { Reason } from '../core/vocabulary.ts';
import type { DeviceState, FleetModel } from '../model/index.ts';
import { fileIndicatorMemo, indicatorsHonoured } from '../policy/indicators/index.ts';
import { ContextMemo } from './context-key.ts';
import type { DeviceContext, ExclusionHitLookup } from './device-context.ts';
import type { PolicyState } from './policy-state.ts';
import { reason } from '../core/reason.ts';
import { CONTEXT_SLOT, ROW_SLOTS } from './device-rows.ts';

const NOT_ONBOARDED = reason(
  'edr-sensor',
  'not-onboarded',
  'the device is not onboarded to Defender for Endpoint, so there is no EDR sensor',
  '§1.4',
);
// [inference] Plan 1 has no EDR (post-breach) detection; the reference ties EDR capabilities to Plan 2 (§3.2).
const PLAN_1 = reason(
  'edr-sensor',
  'plan-1',
  'Defender for Endpoint Plan 1 has no EDR sensor detections (EDR needs Plan 2)',
  '§3.2',
);

const UNKNOWN_DEVICE = reason('device', 'unknown-device', 'no device of this name exists in the scenario', 'contract §1');

export interface ContextCache {
  /** The device's context at the model's current time; an unknown device gets a context where nothing acts. */
  get(device: string): DeviceContext;
  /**
   * The same as `get(device)` for the device at `index` of the fleet (`FleetModel.indexOf`), without the name lookup;
   * −1 means look `device` up (read only then).
   */
  at(index: number, device?: string): DeviceContext;
}

/** The cache's slots per device in rows of its own: the four of `CONTEXT_SLOT` in a shared row. */
const OWN_SLOTS = 4;

/** Shared contexts kept at most; past it the memo starts again (a cache: dropping entries changes no result). */
const SHARED_LIMIT = 4096;

/**
 * Caches one context per device, recompiled only when the device's revision or the policy's revision
 * changes (a change event or propagation), never per artifact. Devices whose context key (`ContextMemo`) is equal share
 * one compiled context: a fleet of 10^6 devices made from a few templates compiles a few contexts, and each
 * device pays only its state, its group and its key. A context names the first device compiled into it;
 * verdicts name `artifact.device`, never the context's.
 */
export function createContextCache(
  model: FleetModel,
  policy: PolicyState,
  settings: ConflictSettings,
  startMs: number,
  shared?: Float64Array,
): ContextCache {
  // Per device, by fleet index, in its row of `shared` (device-rows.ts, the run's tally counts in the same row):
  // [context id + 1, epoch it was last found valid at, device revision, policy revision it was compiled at]. The
  // per-artifact check reads two numbers of the row the tally then adds to: one cache line per artifact instead of
  // three rows and the model's, then two (a 10^6-device fleet misses the cache on each, issue 13).
  const count = model.deviceCount();
  if (shared !== undefined && shared.length < count * ROW_SLOTS)
    throw new RangeError('createContextCache: fewer rows than devices');
  // Alone (no tally to share with), 4 slots a device in an array on the JS heap: a typed array of its own (32–64 MB
  // outside the heap at 10^6 devices) drew the GC, by external memory pressure, into the first devices' compiles
  // (the bench's context-compile figure at 10^6 devices read 1.5–3.4 µs instead of 0.2–0.6, eighth pass).
  const rows: Float64Array | number[] = shared ?? new Array<number>(count * OWN_SLOTS).fill(0);
  const stride = shared === undefined ? OWN_SLOTS : ROW_SLOTS;
  const base = shared === undefined ? 0 : CONTEXT_SLOT;
  // Contexts by id − 1. Ids are forgotten (every row's id zeroed, so each device compiles again) when there are more
  // than twice the devices plus the memo's limit: policy changes compile new contexts, and old ones must not pile up.
  let byId: DeviceContext[] = [];
  let idOf = new Map<DeviceContext, number>();
  const idLimit = 2 * count + SHARED_LIMIT;
  // A new epoch whenever the model's revision stamp or the policy revision moves: until then no device's
  // revision and no policy has changed, so a context found valid in this epoch still is.
  let epoch = 0;
  let seenStamp = -1;
  let seenPolicy = -1;
  const memo = new ContextMemo<DeviceContext>();
  let sharedTenant: TenantConfig | undefined;
  let sharedPolicy = -1;
  const at = (index: number): DeviceContext => {
    const stamp = model.revisionStamp();
    const policyRevision = policy.revision;
    if (stamp !== seenStamp || policyRevision !== seenPolicy) {
      seenStamp = stamp;
      seenPolicy = policyRevision;
      epoch += 1;
    }
    const row = index * stride + base;
    if (rows[row + 1] === epoch) return byId[rows[row]! - 1]!;
    const known = rows[row]!;
    if (known !== 0 && rows[row + 2] === model.revisionAt(index) && rows[row + 3] === policyRevision) {
      rows[row + 1] = epoch;
      return byId[known - 1]!;
    }
    return miss(index, row);
  };
  // The miss path in a function of its own: its compile closure captures its locals, and a function whose locals a
  // closure captures allocates their context on every call, so inside `at` it cost ≈ 64 B per artifact (issue 13).
  const miss = (index: number, row: number): DeviceContext => {
    const state = model.readDeviceAt(index);
    const tenant = model.tenant();
    // Tenant-wide inputs are left out of the key: a new tenant or policy starts the memo again.
    if (tenant !== sharedTenant || policy.revision !== sharedPolicy || memo.size >= SHARED_LIMIT) {
      memo.clear();
      sharedTenant = tenant;
      sharedPolicy = policy.revision;
    }
    const group = policy.groups(tenant).resolve(state.config).name;
    const exclusions = policy.exclusionsFor(state.config);
    const context = memo.resolve(state, group, exclusions, () =>
      compileContext(state, tenant, policy, { settings, startMs, group, exclusions }),
    );
    let id = idOf.get(context);
    if (id === undefined) {
      if (byId.length >= idLimit) {
        byId = [];
        idOf = new Map();
        for (let device = 0; device < count; device++) {
          // Id and epoch: a zero epoch is never current (epochs start at 1), so the check falls to the miss path.
          rows[device * stride + base] = 0;
          rows[device * stride + base + 1] = 0;
        }
      }
      byId.push(context);
      id = byId.length;
      idOf.set(context, id);
    }
    rows[row] = id;
    rows[row + 1] = epoch;
    rows[row + 2] = state.revision;
    rows[row + 3] = policy.revision;
    return context;
  };
  const get = (name: string): DeviceContext => {
    const index = model.indexOf(name);
    return index === undefined ? unknownDevice(name, settings) : at(index);
  };
  return { get, at: (index, name) => (index >= 0 ? at(index) : get(name ?? '')) };
}

/** What the cache resolved for a device before compiling: run constants, its group and its exclusion lookup. */
interface Resolved {
  readonly settings: ConflictSettings;
  readonly startMs: number;
  readonly group: string;
  readonly exclusions: ExclusionHitLookup;
}

function compileContext(state: DeviceState, tenant: TenantConfig, policy: PolicyState, resolved: Resolved): DeviceContext {
  const { settings, startMs, group } = resolved;
  const hit = resolved.exclusions;
  const config = state.config;
  const honoured = indicatorsHonoured({
    mode: state.mode,
    allowOrBlockFile: tenant.allowOrBlockFile,
    cloudProtection: config.mdav.cloudProtection,
    platform: config.mdav.platform,
    os: config.os,
    serverAgent: config.serverAgent,
  });
  const index = policy.indicators;
  // Its answers are kept per index, shared by every context: one depends on the index, group, file and time only.
  const memo = fileIndicatorMemo(index, group);
  const edrSensor = config.onboarded && tenant.license === 'plan-2';
  return {
    device: config.name,
    settings,
    primaryAvRunning: config.primaryAv === 'non-microsoft' && config.thirdPartyAv === 'running',
    mode: state.mode,
    modeReason: state.modeReasons[0] ?? reason('model', 'mode', `Defender Antivirus is ${state.mode}`, '§1'),
    exclusions: (query) => hit(query)?.reason,
    exclusionHit: hit,
    indicatorsHonoured: honoured.honoured && index.size > 0,
    // Said only when the tenant has indicators: otherwise there is nothing to ignore.
    indicatorReasons: index.size > 0 && !honoured.honoured ? honoured.reasons : [],
    // The run's start and the artifact's offset apart: their sum would be a heap number per lookup (`winner`'s doc).
    indicators: (artifact) => memo.winner(artifact, startMs, artifact.at),
    overruledBlock: (artifact) => memo.overruledBlock(artifact, startMs, artifact.at),
    edrSensor,
    edrSensorReason: config.onboarded ? PLAN_1 : NOT_ONBOARDED,
    blockModeEffective: state.edrBlockMode.effective,
    blockModeReasons: state.edrBlockMode.reasons,
    ...pendingReason(state),
  };
}

function unknownDevice(name: string, settings: ConflictSettings): DeviceContext {
  return {
    device: name,
    settings,
    primaryAvRunning: false,
    mode: 'not-installed',
    modeReason: UNKNOWN_DEVICE,
    exclusions: () => undefined,
    exclusionHit: () => undefined,
    indicatorsHonoured: false,
    indicatorReasons: [],
    indicators: () => undefined,
    overruledBlock: () => undefined,
    edrSensor: false,
    edrSensorReason: UNKNOWN_DEVICE,
    blockModeEffective: false,
    blockModeReasons: [UNKNOWN_DEVICE],
  };
}

function pendingReason(state: DeviceState): { blockModePending?: Reason } {
  const pending =
    state.edrBlockMode.pending === 'disable-pending'
      ? state.edrBlockMode.reasons.find((r) => r.code === 'disable-pending')
      : undefined;
  return pending === undefined ? {} : { blockModePending: pending };
}
