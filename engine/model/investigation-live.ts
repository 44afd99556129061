/** An investigation stepped in place for a run's hot path: the statechart's table, updates that append, guards that count. */
import { TimeHeap } from '../core/time-heap.ts';
import { endPending, type AirActionEntry } from './air-action-entry.ts';
import {
  SIGHTING_CAP,
  investigationContext,
  type EvidenceVerdict,
  type InvestigationContext,
  type InvestigationEvent,
  type InvestigationInput,
} from './investigation-context.ts';
import { INVESTIGATION_GUARDS, evidenceVerdict, proposedEntry, scopeEntry } from './investigation-steps.ts';
import { bindInvestigationTable, type InvestigationSnapshot } from './investigation-table.ts';
import { investigationMachine, type ModelledInvestigationState } from './investigation.machine.ts';

/** What one event would add (`propose`, `sight`) or end (`settle`), computed once for the guards and the update. */
interface Plan {
  readonly evidence: readonly EvidenceVerdict[];
  readonly added: readonly AirActionEntry[];
  /** Entries ended by a decision, a timeout or a termination: index and new version. */
  readonly ended: readonly (readonly [number, AirActionEntry])[];
}

/**
 * One investigation of a run, changed in place: `state` and `context` read as an {@link InvestigationSnapshot} (the
 * context's arrays grow, an ended entry is replaced at its index), with running counts the guards read instead of
 * scanning. Equal to the pure table's snapshot after every event (a law in `test/model/investigation-live.test.ts`).
 */
export class LiveInvestigation implements InvestigationSnapshot {
  state: ModelledInvestigationState;
  readonly context: InvestigationContext & {
    readonly evidence: EvidenceVerdict[];
    readonly entries: AirActionEntry[];
    readonly sightings: Record<string, string[]>;
  };
  /** Entries with status Pending, by id, to their index. */
  readonly pending = new Map<string, number>();
  /** Entries whose status is not Completed (`allCompleted` is this count at zero). */
  uncompleted = 0;
  /** Evidence the layers had already remediated. */
  remediated = 0;
  /** Pending entries by `dueAt` (keys are entry indexes; an entry no longer Pending is skipped when reached). */
  readonly due = new TimeHeap();
  /** Hashes that have a scope expansion entry (T79: one per hash). */
  readonly scoped = new Set<string>();
  /** Per hash, the first evidence that incriminates it (a verdict other than No threats found) and its index. */
  readonly incriminated = new Map<string, { readonly index: number; readonly evidence: EvidenceVerdict }>();
  /** The plan of the event being stepped (guards and update share it); cleared after each step. */
  plan: Plan | undefined;

  constructor(input: InvestigationInput) {
    this.state = investigationMachine.config.initial as ModelledInvestigationState;
    const fresh = investigationContext(input);
    this.context = { ...fresh, evidence: [], entries: [], sightings: {} };
  }
}

const NO_PLAN: Plan = { evidence: [], added: [], ended: [] };

function proposePlan(live: LiveInvestigation, event: InvestigationEvent): Plan {
  if (event.type !== 'analysed') return NO_PLAN;
  const { context } = live;
  const evidence: EvidenceVerdict[] = [];
  const added: AirActionEntry[] = [];
  for (const item of event.evidence) {
    const verdict = evidenceVerdict(item);
    evidence.push(verdict);
    const entry = proposedEntry(context, context.entries.length + added.length, event.at, item, verdict);
    if (entry !== undefined) added.push(entry);
  }
  // Scope expansion for this event's hashes, in the order of each hash's first incriminating evidence (T79).
  if (context.level === 'none') return { evidence, added, ended: [] };
  const candidates: { index: number; evidence: EvidenceVerdict }[] = [];
  for (const hash of new Set(event.evidence.flatMap((item) => (item.sha256 === undefined ? [] : [item.sha256])))) {
    if ((context.sightings[hash]?.length ?? 0) < SIGHTING_CAP || live.scoped.has(hash)) continue;
    const known = live.incriminated.get(hash);
    const at = known === undefined ? evidence.findIndex((e) => e.sha256 === hash && e.verdict !== 'No threats found') : -1;
    if (known !== undefined) candidates.push(known);
    else if (at >= 0) candidates.push({ index: context.evidence.length + at, evidence: evidence[at]! });
  }
  candidates.sort((a, b) => a.index - b.index);
  for (const { evidence: first } of candidates)
    added.push(scopeEntry(context, context.entries.length + added.length, event.at, first));
  return { evidence, added, ended: [] };
}

function settlePlan(live: LiveInvestigation, event: InvestigationEvent): Plan {
  const entries = live.context.entries;
  const ended: [number, AirActionEntry][] = [];
  const end = (index: number, status: 'Completed' | 'Rejected' | 'TimedOut' | 'Cancelled', by: string) =>
    ended.push([index, endPending(entries[index]!, status, event.at, by)]);
  switch (event.type) {
    case 'approve':
    case 'reject': {
      const index = live.pending.get(event.entryId);
      if (index !== undefined) end(index, event.type === 'approve' ? 'Completed' : 'Rejected', event.by);
      break;
    }
    case 'due': {
      // Popped here, pushed back by `advanceInvestigation` if no transition applies this plan.
      while (live.due.size > 0 && live.due.topTime <= event.at) {
        const index = live.due.topKey;
        live.due.pop();
        if (entries[index]!.status === 'Pending') end(index, 'TimedOut', 'System');
      }
      ended.sort((a, b) => a[0] - b[0]);
      break;
    }
    case 'terminate':
      for (const index of live.pending.values()) end(index, 'Cancelled', 'System');
      break;
  }
  return { evidence: [], added: [], ended };
}

const planOf = (live: LiveInvestigation, event: InvestigationEvent, make: typeof proposePlan): Plan =>
  (live.plan ??= make(live, event));

function apply(live: LiveInvestigation, plan: Plan): void {
  const { context } = live;
  for (const evidence of plan.evidence) {
    if (evidence.remediated === true) live.remediated++;
    const hash = evidence.sha256;
    if (hash !== undefined && evidence.verdict !== 'No threats found' && !live.incriminated.has(hash))
      live.incriminated.set(hash, { index: context.evidence.length, evidence });
    context.evidence.push(evidence);
  }
  for (const entry of plan.added) {
    if (entry.actionType === 'Expand investigation scope') live.scoped.add(entry.entity);
    if (entry.status === 'Pending') {
      live.pending.set(entry.id, context.entries.length);
      if (entry.dueAt !== undefined) live.due.push(entry.dueAt, context.entries.length);
    }
    context.entries.push(entry);
    if (entry.status !== 'Completed') live.uncompleted++;
  }
  for (const [index, entry] of plan.ended) replaceLiveEntry(live, index, entry);
}

/**
 * Replaces the entry at `index` (an ended decision, or an undo from `air-actions.ts`), keeping the counts the guards
 * read. Entries are never removed, so indexes stay.
 *
 * @example
 * replaceLiveEntry(live, 0, { ...live.context.entries[0]!, status: 'Undone' });
 */
export function replaceLiveEntry(live: LiveInvestigation, index: number, entry: AirActionEntry): void {
  const before = live.context.entries[index]!;
  if (before.status === 'Pending' && entry.status !== 'Pending') live.pending.delete(before.id);
  live.uncompleted += Number(entry.status !== 'Completed') - Number(before.status !== 'Completed');
  live.context.entries[index] = entry;
}

function sight(live: LiveInvestigation, event: InvestigationEvent): void {
  const { context } = live;
  if (event.type !== 'sighting' || event.device === context.device) return;
  const seen = Object.hasOwn(context.sightings, event.sha256) ? context.sightings[event.sha256]! : undefined;
  if (seen !== undefined && (seen.length >= SIGHTING_CAP || seen.includes(event.device))) return;
  if (seen === undefined)
    Object.defineProperty(context.sightings, event.sha256, {
      value: [event.device],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else seen.push(event.device);
  const hash = event.sha256;
  const first = live.incriminated.get(hash);
  if (context.level === 'none' || context.sightings[hash]!.length < SIGHTING_CAP || live.scoped.has(hash) || first === undefined)
    return;
  apply(live, { evidence: [], added: [scopeEntry(context, context.entries.length, event.at, first.evidence)], ended: [] });
}

type LiveCheck = (live: LiveInvestigation, event: InvestigationEvent) => boolean;
type LiveStep = (live: LiveInvestigation, event: InvestigationEvent) => void;

/** After `plan`: entries Pending, and entries not Completed. */
const counts = (live: LiveInvestigation, plan: Plan) => {
  let pending = live.pending.size;
  let uncompleted = live.uncompleted;
  for (const entry of plan.added) {
    if (entry.status === 'Pending') pending++;
    if (entry.status !== 'Completed') uncompleted++;
  }
  for (const [, entry] of plan.ended) {
    pending--;
    if (entry.status === 'Completed') uncompleted--;
  }
  return { pending, uncompleted };
};

const decidedCounts = (live: LiveInvestigation, event: InvestigationEvent) => {
  const plan = planOf(live, event, settlePlan);
  return plan.ended.length === 0 ? undefined : counts(live, plan);
};

/** The guards by the statechart's names, reading counts (the pure `INVESTIGATION_GUARDS` scan the context). */
const LIVE_GUARDS = {
  startsUnsupportedOs: (live, event) => INVESTIGATION_GUARDS.startsUnsupportedOs(live.context, event),
  startsWithoutAntivirus: (live, event) => INVESTIGATION_GUARDS.startsWithoutAntivirus(live.context, event),
  awaitsApproval: (live, event) => counts(live, planOf(live, event, proposePlan)).pending > 0,
  remediatesAll: (live, event) => {
    const plan = planOf(live, event, proposePlan);
    const acted = live.context.entries.length + plan.added.length > 0 || live.remediated > 0;
    return counts(live, plan).uncompleted === 0 && (acted || plan.evidence.some((e) => e.remediated === true));
  },
  leavesPending: (live, event) => (decidedCounts(live, event)?.pending ?? 0) > 0,
  endsRemediated: (live, event) => {
    const after = decidedCounts(live, event);
    return after !== undefined && after.pending === 0 && after.uncompleted === 0;
  },
  endsPartly: (live, event) => {
    const after = decidedCounts(live, event);
    return after !== undefined && after.pending === 0 && after.uncompleted > 0;
  },
} as const satisfies Record<keyof typeof INVESTIGATION_GUARDS, LiveCheck>;

const LIVE_UPDATES = {
  propose: (live, event) => apply(live, planOf(live, event, proposePlan)),
  sight,
  settle: (live, event) => apply(live, planOf(live, event, settlePlan)),
} as const satisfies Record<string, LiveStep>;

const LIVE_TABLE = bindInvestigationTable(investigationMachine, LIVE_GUARDS, LIVE_UPDATES);

/**
 * One event through the statechart's table, in place: the first candidate whose guard holds runs its updates and
 * moves to its target. Returns whether a transition was taken (the pure table then returns a new snapshot). Each
 * event costs O(its evidence + the entries it ends, log n) whatever the investigation already holds.
 *
 * @example
 * const live = new LiveInvestigation({ id: 7, device: 'pc-1', level: 'full' });
 * advanceInvestigation(live, { type: 'start', at: 0 }); // true; live.state === 'Running'
 */
export function advanceInvestigation(live: LiveInvestigation, event: InvestigationEvent): boolean {
  const candidates = LIVE_TABLE.get(live.state)?.get(event.type);
  if (candidates === undefined) return false;
  live.plan = undefined;
  let applied = false;
  try {
    for (const candidate of candidates) {
      if (candidate.guard !== undefined && !candidate.guard(live, event)) continue;
      for (const update of candidate.updates) update(live, event);
      applied = candidate.updates.length > 0;
      if (candidate.target !== undefined) live.state = candidate.target;
      return true;
    }
    return false;
  } finally {
    // A due plan popped its entries from the heap: put them back when no update applied it.
    const plan = live.plan as Plan | undefined; // set by the guards and updates called above
    if (event.type === 'due' && !applied && plan !== undefined)
      for (const [index, entry] of plan.ended) live.due.push(entry.dueAt!, index);
    live.plan = undefined;
  }
}

/**
 * A copy of the investigation as it stands, for a history that must not change with it (a watched investigation).
 *
 * @example
 * liveSnapshot(live).context.entries !== live.context.entries; // true
 */
export function liveSnapshot(live: LiveInvestigation): InvestigationSnapshot {
  const { context } = live;
  const sightings = Object.fromEntries(Object.entries(context.sightings).map(([hash, devices]) => [hash, devices.slice()]));
  return {
    state: live.state,
    context: { ...context, evidence: context.evidence.slice(), entries: context.entries.slice(), sightings },
  };
}
