/** AIR in a run (issue 17): alerts open investigations, the run's due queue advances them through the compiled table. */
import type { TenantConfig } from '../core/config.ts';
import { TimeHeap } from '../core/time-heap.ts';
import { FINAL_INVESTIGATION_STATES, type AutomationLevel, type Reason } from '../core/vocabulary.ts';
import {
  SIGHTING_CAP,
  alertInvestigation,
  NEW_ALERT,
  airSupport,
  autoresolveAlert,
  deviceAutomationLevel,
  LiveInvestigation,
  advanceInvestigation,
  liveSnapshot,
  type DeviceState,
  type EvidenceInput,
  type FleetModel,
  type InvestigationEvent,
} from '../model/index.ts';
import { applyAirAction, isolationDeadline, type AirContext } from './air-actions.ts';
import { airRecords } from './air-records.ts';
import { airQueries, type AirAlert, type AirResult, type InvestigationRecord, type ManualRecord } from './air-state.ts';
import type { CompactVerdict } from './compact-verdict.ts';
import type { PolicyState } from './policy-state.ts';
import type { SimulationInput, TimelineEvent } from './sim-input.ts';

type ActionEvent = Extract<TimelineEvent, { readonly kind: 'action' }>;

/** What the scenario asks about (known at load): only these investigations keep their history. */
export interface AirWatch {
  readonly artifacts: ReadonlySet<string>;
  readonly devices: ReadonlySet<string>;
}

/** AIR's side of one run. */
export interface AirRun {
  /** Applies AIR's queued events (timeline actions, 7-day timeouts, isolation deadlines) with time before `at`. */
  before(at: number): void;
  /** Every verdict of the run, in time order: alerts open or join investigations, hashes count as sightings. */
  verdict(verdict: CompactVerdict): void;
  /** Ends the run at `endAt` (its last timeline event), then runs AIR's own due events to the end for `at` queries. */
  finish(endAt: number): AirResult;
}

const NO_WATCH: AirWatch = { artifacts: new Set(), devices: new Set() };
const FINAL: ReadonlySet<string> = new Set(FINAL_INVESTIGATION_STATES);
const AIR_VERDICT = { malicious: 'Malicious', pua: 'Suspicious', benign: 'No threats found' } as const;

const levelReason = (level: AutomationLevel, group: string): Reason => ({
  layer: 'air',
  code: 'air-level',
  message: `device group "${group}" runs AIR at automation level ${level}`,
  cite: '§6.5',
});

/**
 * AIR for a run whose tenant turns it on (contract §5.4), else undefined: v1 runs never build it. An alert from a
 * starting source (`INVESTIGATION_TRIGGERS`) opens an investigation on its device, or joins the open one; it starts
 * and reaches its verdicts at the alert's instant ([inference]: the docs give no duration), through
 * `stepInvestigation` (the compiled table, never xstate's `transition()`). A device under `none` gets none (T78).
 *
 * @example
 * const air = createAirRun(input, model, policy); // undefined unless tenant.air
 */
export function createAirRun(
  input: SimulationInput,
  model: FleetModel,
  policy: PolicyState,
  watch: AirWatch = NO_WATCH,
): AirRun | undefined {
  if (input.tenant.air !== true) return undefined;
  const actions = input.timeline.filter((event): event is ActionEvent => event.kind === 'action');
  const undoHashes = new Set<string>();
  const watched = { artifacts: new Set(watch.artifacts), devices: new Set(watch.devices) };
  for (const { action } of actions) {
    if (action.artifact !== undefined) watched.artifacts.add(action.artifact);
    if (action.device !== undefined) watched.devices.add(action.device);
  }
  // Undo's "more instances" needs every entry of the hash: known at load, from the written artifact it names (T80).
  const undoNames = new Set(actions.filter(({ action }) => action.action === 'undo').map(({ action }) => action.artifact));
  for (const event of input.timeline)
    if (event.kind === 'artifact' && event.artifact.sha256 !== undefined && undoNames.has(event.artifact.id))
      undoHashes.add(event.artifact.sha256);
  const hashes = new Map<string, string>();
  for (const event of input.timeline)
    if (event.kind === 'artifact' && event.artifact.sha256 !== undefined && watched.artifacts.has(event.artifact.id))
      hashes.set(event.artifact.id, event.artifact.sha256);
  const heap = new TimeHeap();
  const due: (InvestigationRecord | ManualRecord)[] = [];
  const ctx: AirContext = {
    model,
    investigations: [],
    open: new Map(),
    manual: [],
    alerts: [],
    actions: [],
    offline: new Set(),
    instances: new Map([...undoHashes].map((hash) => [hash, []])),
    autoresolve: input.tenant.autoresolve !== false,
    step,
    schedule: (at, record) => {
      due.push(record);
      heap.push(at, due.length - 1);
    },
    hashOf: (artifact) => hashes.get(artifact),
  };
  const byHash = new Map<string, Set<InvestigationRecord>>();
  // Per hash, the distinct devices it was seen on, capped one above the threshold (the investigation's own device may be
  // among them): memory per hash is bounded, as AIR's own count is (§6.5, air).
  const seen = new Map<string, string[]>();
  const see = (sha256: string, device: string) => {
    const devices = seen.get(sha256);
    if (devices === undefined) seen.set(sha256, [device]);
    else if (devices.length <= SIGHTING_CAP && !devices.includes(device)) devices.push(device);
  };
  const full = (record: InvestigationRecord, sha256: string) =>
    Object.hasOwn(record.snapshot.context.sightings, sha256) && record.snapshot.context.sightings[sha256]!.length >= SIGHTING_CAP;
  let alertCount = 0;
  let nextAction = 0;

  // The investigation changes in place (`advanceInvestigation`): a join appends, so its cost does not grow with what the
  // investigation already holds; a watched one logs a copy per step (its history is asked for).
  function step(record: InvestigationRecord, event: InvestigationEvent): void {
    const live = record.snapshot;
    const entriesBefore = live.context.entries.length;
    const evidenceBefore = live.context.evidence.length;
    if (!advanceInvestigation(live, event)) return;
    record.log?.push({ at: event.at, snapshot: liveSnapshot(live) });
    const { entries, evidence } = live.context;
    for (let i = entriesBefore; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.dueAt !== undefined) ctx.schedule(entry.dueAt, record);
      if (entry.sha256 !== undefined) ctx.instances.get(entry.sha256)?.push(record);
    }
    for (let i = evidenceBefore; i < evidence.length; i++) {
      const sha256 = evidence[i]!.sha256;
      if (sha256 !== undefined) (byHash.get(sha256) ?? byHash.set(sha256, new Set()).get(sha256)!).add(record);
    }
    if (!FINAL.has(live.state)) return;
    record.endedAt ??= event.at;
    if (ctx.open.get(record.device) === record) ctx.open.delete(record.device);
    for (const item of evidence) if (item.sha256 !== undefined) byHash.get(item.sha256)?.delete(record);
    for (const alert of record.alerts) alert.status = autoresolveAlert(alert.status, live.state, event.at, ctx.autoresolve);
  }

  // Per device state (the same object while its revision holds) under one tenant: the group match runs once per change,
  // not once per alert.
  let levels = new WeakMap<object, { level: AutomationLevel; reason: Reason }>();
  let levelsTenant: unknown;
  function levelOf(device: string): { level: AutomationLevel; reason: Reason } {
    const state = model.device(device);
    const tenant = model.tenant();
    if (state === undefined) return { level: 'none', reason: levelReason('none', 'none') };
    if (tenant !== levelsTenant) {
      levels = new WeakMap();
      levelsTenant = tenant;
    }
    const known = levels.get(state);
    if (known !== undefined) return known;
    const found = resolveLevel(state, tenant);
    levels.set(state, found);
    return found;
  }

  function resolveLevel(state: DeviceState, tenant: TenantConfig): { level: AutomationLevel; reason: Reason } {
    const membership = policy.groups(tenant).resolve(state.config);
    const group = membership.rank === undefined ? undefined : tenant.deviceGroups.find((g) => g.name === membership.name);
    const level = deviceAutomationLevel({
      group: group ?? (membership.rank === undefined ? undefined : {}),
      ...(tenant.ungroupedAutomationLevel === undefined ? {} : { ungroupedAutomationLevel: tenant.ungroupedAutomationLevel }),
      createdAt: tenant.createdAt ?? input.startMs,
      license: tenant.license,
    });
    return { level, reason: levelReason(level, membership.name) };
  }

  function openInvestigation(device: string, at: number, level: AutomationLevel, why: Reason): InvestigationRecord {
    const state = model.device(device)!;
    const support = airSupport(state.config, state.mode);
    const snapshot = new LiveInvestigation({ id: ctx.investigations.length + 1, device, level });
    const record: InvestigationRecord = {
      snapshot,
      device,
      createdAt: at,
      artifacts: [],
      reasons: [why, support.reason],
      waiting: [],
      alerts: [],
    };
    if (watched.devices.has(device)) record.log = [{ at, snapshot: liveSnapshot(snapshot) }];
    ctx.investigations.push(record);
    ctx.open.set(device, record);
    step(record, { type: 'start', at, ...(support.state === undefined ? {} : { unsupported: support.state }) });
    if (ctx.offline.has(device)) step(record, { type: 'device-unavailable', at });
    return record;
  }

  function evidenceOf(verdict: CompactVerdict): EvidenceInput {
    const artifact = verdict.source;
    return {
      artifact: artifact.id,
      entity: artifact.path,
      path: artifact.path,
      ...(artifact.sha256 === undefined ? {} : { sha256: artifact.sha256 }),
      actionType: artifact.kind === 'file' ? 'Quarantine file' : 'Stop process',
      verdict: AIR_VERDICT[artifact.class],
      ...(verdict.indicator === undefined ? {} : { indicator: verdict.indicator.indicator.action }),
      ...(verdict.outcome === 'blocked' ? { remediated: true } : {}),
    };
  }

  function run(limit: number, inclusive: boolean, advance: boolean): void {
    for (;;) {
      const dueAt = heap.size > 0 ? heap.topTime : Infinity;
      const actionAt = actions[nextAction]?.at ?? Infinity;
      const at = Math.min(dueAt, actionAt);
      if (at === Infinity || at > limit || (!inclusive && at === limit)) return;
      // A timeout reached at an instant comes before an action at it: approving at the deadline is too late (§6.5).
      if (dueAt <= actionAt) {
        const record = due[heap.topKey]!;
        heap.pop();
        if ('snapshot' in record) step(record, { type: 'due', at: dueAt });
        else isolationDeadline(record, dueAt);
        continue;
      }
      const event = actions[nextAction++]!;
      if (advance) model.advanceTo(event.at);
      ctx.actions.push(applyAirAction(ctx, event.action, event.at));
    }
  }

  return {
    before: (at) => run(at, false, true),
    verdict(verdict) {
      const sha256 = verdict.source.sha256;
      if (sha256 !== undefined) {
        see(sha256, verdict.device);
        const holders = byHash.get(sha256);
        // A holder that counts the cap for this hash learns nothing from more sightings of it (the step is a no-op):
        // it leaves the index, so a hash seen fleet-wide does not step every investigation that holds it.
        for (const record of holders ?? []) {
          step(record, { type: 'sighting', at: verdict.at, sha256, device: verdict.device });
          if (full(record, sha256)) holders!.delete(record);
        }
      }
      if (verdict.alertCount === 0) return;
      let record: InvestigationRecord | undefined;
      for (const alert of verdict.alerts) {
        const id = `da${String(++alertCount).padStart(6, '0')}`;
        const { level, reason } = levelOf(alert.device);
        const open = record ?? ctx.open.get(alert.device);
        const decision = alertInvestigation(alert.detectionSource, level, open !== undefined);
        if (decision.action === 'none') {
          ctx.alerts.push({ id, alert, status: NEW_ALERT });
          continue;
        }
        record = open ?? openInvestigation(alert.device, verdict.at, level, reason);
        const held: AirAlert = { id, alert, investigationId: record.snapshot.context.id, status: NEW_ALERT };
        ctx.alerts.push(held);
        record.alerts.push(held);
      }
      if (record === undefined) return;
      record.artifacts.push(verdict.artifact);
      if (record.log === undefined && watched.artifacts.has(verdict.artifact))
        record.log = [{ at: verdict.at, snapshot: liveSnapshot(record.snapshot) }];
      const evidence = evidenceOf(verdict);
      if (record.snapshot.state === 'PendingResource') return void record.waiting.push(evidence);
      // AIR looks for the file where it was seen before, too (air: scope expansion), then reaches its verdicts.
      for (const device of sha256 === undefined ? [] : (seen.get(sha256) ?? [])) {
        if (full(record, sha256!)) break;
        step(record, { type: 'sighting', at: verdict.at, sha256: sha256!, device });
      }
      step(record, { type: 'analysed', at: verdict.at, evidence: [evidence] });
    },
    finish(endAt) {
      run(endAt, true, true);
      const records = airRecords(ctx);
      run(Infinity, true, false);
      return { ...airQueries(ctx.investigations, ctx.manual, endAt), records };
    },
  };
}
