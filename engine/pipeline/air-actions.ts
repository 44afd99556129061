/** Timeline actions in an AIR run: approvals, rejections, undo, manual response actions, alert status, connectivity (§6.1–6.6). */
import type { ActionSpec } from '../core/simulation-input.ts';
import type { Reason } from '../core/vocabulary.ts';
import {
  ALLOWED_ROLES,
  ISOLATION_RETRY_MS,
  checkResponseAction,
  liveSnapshot,
  replaceLiveEntry,
  setAlertStatus,
  undoActions,
  type AirActionEntry,
  type FleetModel,
  type InvestigationEvent,
  type ManualActionType,
} from '../model/index.ts';
import type { ActionRecord, AirAlert, InvestigationRecord, ManualRecord } from './air-state.ts';

/** The run's AIR state that actions read and change. */
export interface AirContext {
  readonly model: FleetModel;
  readonly investigations: InvestigationRecord[];
  /** Per device, its open (not final) investigation. */
  readonly open: Map<string, InvestigationRecord>;
  readonly manual: ManualRecord[];
  readonly alerts: AirAlert[];
  readonly actions: ActionRecord[];
  readonly offline: Set<string>;
  /** Per hash a later undo names (known at load), the investigations holding an entry of it (T80). */
  readonly instances: Map<string, InvestigationRecord[]>;
  readonly autoresolve: boolean;
  readonly step: (record: InvestigationRecord, event: InvestigationEvent) => void;
  readonly schedule: (at: number, record: InvestigationRecord | ManualRecord) => void;
  /** The sha256 of a written artifact an action names. */
  readonly hashOf: (artifact: string) => string | undefined;
}

const reason = (code: string, message: string, cite: string): Reason => ({ layer: 'action-center', code, message, cite });
const MANUAL: Partial<Record<ActionSpec['action'], ManualActionType>> = {
  isolate: 'Isolate device',
  'stop-and-quarantine': 'Stop and quarantine file',
  'collect-package': 'Collect investigation package',
};

/**
 * Applies one timeline action at `at` and says what happened. Every action but `offline`/`online` goes through the
 * change RBAC (§3.2; for approval the reference names no role, so this is an [inference]); a refusal is a record
 * with its reason, never an error.
 *
 * @example
 * applyAirAction(ctx, { action: 'approve', artifact: 'a1', by }, 3_600_000).status; // 'applied'
 */
export function applyAirAction(ctx: AirContext, action: ActionSpec, at: number): ActionRecord {
  const who = action.by === undefined ? {} : { by: action.by.user, role: action.by.role };
  const done = (status: ActionRecord['status'], reasons: readonly Reason[], entries: readonly string[] = []): ActionRecord => ({
    at,
    action: action.action,
    ...who,
    status,
    reasons,
    entries,
  });
  if (action.by !== undefined && !ALLOWED_ROLES.includes(action.by.role))
    return done('refused', [
      reason(
        'role-not-allowed',
        `${action.by.user} (role ${JSON.stringify(action.by.role)}) may not act in the Action Center: only global-administrator or security-administrator may`,
        '§3.2, [inference]',
      ),
    ]);
  switch (action.action) {
    case 'offline':
    case 'online':
      return connectivity(ctx, action, at, done);
    case 'approve':
    case 'reject':
      return decide(ctx, action, at, done);
    case 'undo':
      return undo(ctx, action, at, done);
    case 'alert-status': {
      const alerts = ctx.alerts.filter((alert) => alert.alert.artifact === action.artifact);
      if (alerts.length === 0) return done('refused', [reason('no-alert', `artifact ${action.artifact} has no alert`, '§6.6')]);
      for (const alert of alerts) alert.status = setAlertStatus(action.status!, at);
      return done('applied', [
        reason('alert-status', `${alerts.length} alert(s) set to ${action.status} by an analyst: autoresolve keeps it`, 'T87'),
      ]);
    }
    default:
      return manualAction(ctx, action, MANUAL[action.action]!, at, done);
  }
}

type Done = (status: ActionRecord['status'], reasons: readonly Reason[], entries?: readonly string[]) => ActionRecord;

const targets = (entry: AirActionEntry, action: ActionSpec) =>
  (action.artifact === undefined || entry.artifact === action.artifact) &&
  (action.device === undefined || entry.device === action.device) &&
  (action.actionType === undefined || entry.actionType === action.actionType);

function connectivity(ctx: AirContext, action: ActionSpec, at: number, done: Done): ActionRecord {
  const device = action.device!;
  const online = action.action === 'online';
  if (online) ctx.offline.delete(device);
  else ctx.offline.add(device);
  const record = ctx.open.get(device);
  if (record !== undefined) {
    ctx.step(record, { type: online ? 'device-available' : 'device-unavailable', at });
    if (online && record.waiting.length > 0) {
      const evidence = record.waiting.splice(0);
      ctx.step(record, { type: 'analysed', at, evidence });
    }
  }
  const changed: string[] = [];
  if (online)
    for (const manual of ctx.manual) {
      const entry = manual.entry;
      if (entry.device !== device || entry.status !== 'Pending' || manual.deadline === undefined || at > manual.deadline)
        continue;
      setManual(manual, { ...entry, status: 'Completed', decidedAt: at, decidedBy: 'System' }, at);
      changed.push(entry.id);
    }
  return done('applied', [reason(`device-${action.action}`, `${device} is ${action.action}`, online ? '§6.4' : 'T82')], changed);
}

function decide(ctx: AirContext, action: ActionSpec, at: number, done: Done): ActionRecord {
  const decided: string[] = [];
  for (const record of ctx.investigations) {
    for (const entry of record.snapshot.context.entries) {
      if (entry.status !== 'Pending' || !targets(entry, action)) continue;
      ctx.step(record, { type: action.action as 'approve' | 'reject', at, entryId: entry.id, by: action.by!.user });
      decided.push(entry.id);
    }
  }
  if (decided.length === 0)
    return done('refused', [reason('nothing-pending', 'no Pending entry matches: nothing to decide', '§6.1')]);
  const word = action.action === 'approve' ? 'approved: the action is taken' : 'rejected: the action is not taken';
  return done(
    'applied',
    [reason(`entry-${action.action}d`, `${decided.length} Pending entr${decided.length === 1 ? 'y' : 'ies'} ${word}`, '§6.1')],
    decided,
  );
}

function undo(ctx: AirContext, action: ActionSpec, at: number, done: Done): ActionRecord {
  // Candidates: the entries it names, and every entry of the hashes it names when it applies to more instances (T80).
  const holders = new Set<InvestigationRecord>();
  const named: AirActionEntry[] = [];
  for (const record of ctx.investigations)
    for (const entry of record.snapshot.context.entries)
      if (targets(entry, action) && entry.status === 'Completed') {
        holders.add(record);
        named.push(entry);
        if (action.moreInstances === true && entry.sha256 !== undefined) {
          // The index holds the hashes a written artifact gives at load; a generated artifact's hash is looked up here.
          const sha256 = entry.sha256;
          const indexed = ctx.instances.get(sha256);
          if (indexed !== undefined) for (const other of indexed) holders.add(other);
          else
            for (const other of ctx.investigations)
              if (other.snapshot.context.entries.some((e) => e.sha256 === sha256)) holders.add(other);
        }
      }
  const manual = ctx.manual.filter((record) => targets(record.entry, action) && record.entry.status === 'Completed');
  const ids = named.map((entry) => entry.id).concat(manual.map((record) => record.entry.id));
  if (ids.length === 0) return done('refused', [reason('nothing-to-undo', 'no completed History entry matches', '§6.1')]);
  const pool = [...holders].flatMap((record) => record.snapshot.context.entries).concat(manual.map((record) => record.entry));
  const result = undoActions(pool, { ids, applyToMoreInstances: action.moreInstances === true, at, by: action.by!.user });
  const undone = new Set(result.undone);
  const after = new Map<string, AirActionEntry>();
  for (const entry of result.entries) if (!after.has(entry.id)) after.set(entry.id, entry);
  for (const record of holders) {
    const entries = record.snapshot.context.entries;
    for (let i = 0; i < entries.length; i++)
      if (undone.has(entries[i]!.id)) replaceLiveEntry(record.snapshot, i, after.get(entries[i]!.id)!);
    record.log?.push({ at, snapshot: liveSnapshot(record.snapshot) });
  }
  for (const record of manual)
    if (undone.has(record.entry.id))
      setManual(
        record,
        result.entries.find((e) => e.id === record.entry.id)!,
        at,
      );
  const reasons = result.refused.map((refusal) => refusal.reason);
  if (undone.size === 0) return done('refused', reasons);
  return done(
    'applied',
    [reason('undone', `${undone.size} entr${undone.size === 1 ? 'y' : 'ies'} undone`, 'T80'), ...reasons],
    result.undone,
  );
}

/** The end of an offline device's isolation retry: still Pending means Failed ([inference]: the API would say TimeOut, T82). */
export function isolationDeadline(record: ManualRecord, at: number): void {
  if (record.entry.status !== 'Pending') return;
  setManual(record, { ...record.entry, status: 'Failed', decidedAt: at, decidedBy: 'System' }, at);
}

function setManual(record: ManualRecord, entry: AirActionEntry, at: number): void {
  record.entry = entry;
  record.log.push({ at, entry });
}

function manualAction(ctx: AirContext, action: ActionSpec, type: ManualActionType, at: number, done: Done): ActionRecord {
  const names =
    action.devices === 'all' ? [...ctx.model.devices()].map((d) => d.config.name) : (action.devices ?? [action.device!]);
  const devices = names.flatMap((name) => {
    const state = ctx.model.device(name);
    return state === undefined ? [] : [{ name, os: state.config.os, mode: state.mode }];
  });
  const check = checkResponseAction({ action: type, license: ctx.model.tenant().license, devices });
  if (!check.allowed) return done('refused', [check.reason]);
  const sha256 = action.sha256 ?? (action.artifact === undefined ? undefined : artifactHash(ctx, action.artifact));
  if (type === 'Stop and quarantine file' && sha256 === undefined)
    return done('refused', [reason('no-hash', `artifact ${action.artifact} has no sha256 to stop and quarantine`, '§6.4')]);
  const created: string[] = [];
  // A device the action cannot run on gets no entry: the portal does not submit it there (T83); the record says why.
  const refusals = check.devices.filter((device) => !device.allowed).map((device) => device.reason);
  for (const device of check.devices) {
    if (!device.allowed) continue;
    const id = `manual-${ctx.manual.length + 1}`;
    const offline = type === 'Isolate device' && ctx.offline.has(device.name);
    const status = offline ? 'Pending' : 'Completed';
    const entry: AirActionEntry = {
      id,
      device: device.name,
      at,
      artifact: action.artifact ?? '',
      actionType: type,
      actionSource: 'Manual device action',
      entity: type === 'Stop and quarantine file' ? sha256! : device.name,
      ...(sha256 === undefined ? {} : { sha256 }),
      tab: 'history',
      status,
      ...(status === 'Pending' ? {} : { decidedAt: at, decidedBy: action.by!.user }),
      reason: offline
        ? reason('isolate-offline', `${device.name} is offline: isolation is retried for up to 3 days`, 'T82')
        : device.reason,
    };
    const record: ManualRecord = { entry, log: [{ at, entry }], ...(offline ? { deadline: at + ISOLATION_RETRY_MS } : {}) };
    ctx.manual.push(record);
    if (offline) ctx.schedule(at + ISOLATION_RETRY_MS, record);
    created.push(id);
  }
  if (created.length === 0) return done('refused', refusals);
  return done('applied', [check.reason, ...refusals], created);
}

function artifactHash(ctx: AirContext, artifact: string): string | undefined {
  for (const record of ctx.investigations)
    for (const entry of record.snapshot.context.entries)
      if (entry.artifact === artifact && entry.sha256 !== undefined) return entry.sha256;
  return ctx.hashOf(artifact);
}
