/** The pure guards and updates of an automated investigation: one implementation for the statechart and its compiled table. */
import type { Reason } from '../core/vocabulary.ts';
import { applyIndicatorToAirVerdict } from '../policy/indicators/air-verdict.ts';
import { PENDING_TIMEOUT_MS, endPending, type AirActionEntry } from './air-action-entry.ts';
import { remediationTab } from './automation-level.ts';
import {
  SIGHTING_CAP,
  type EvidenceInput,
  type EvidenceVerdict,
  type InvestigationContext,
  type InvestigationEvent,
} from './investigation-context.ts';

type Step = (context: InvestigationContext, event: InvestigationEvent) => InvestigationContext;
type Check = (context: InvestigationContext, event: InvestigationEvent) => boolean;

const SCOPE_REASON: Reason = {
  layer: 'air',
  code: 'air-scope-expansion',
  message: 'the incriminated file was seen on 10 or more other devices: expanding the investigation needs approval',
  cite: 'T79',
};

const hashOf = (sha256: string | undefined) => (sha256 === undefined ? {} : { sha256 });

type Owner = Pick<InvestigationContext, 'id' | 'device'>;

/** The Pending scope expansion for `evidence`'s hash, the investigation's entry number `index` + 1 (T79). */
export function scopeEntry(owner: Owner, index: number, at: number, evidence: EvidenceVerdict): AirActionEntry {
  const hash = evidence.sha256!;
  return {
    id: `${owner.id}-${index + 1}`,
    investigationId: owner.id,
    device: owner.device,
    at,
    artifact: evidence.artifact,
    actionType: 'Expand investigation scope',
    actionSource: 'Automated device action',
    entity: hash,
    sha256: hash,
    verdict: evidence.verdict,
    tab: 'pending',
    status: 'Pending',
    dueAt: at + PENDING_TIMEOUT_MS,
    reason: SCOPE_REASON,
  };
}

/** AIR's verdict on one piece of evidence after indicators (§5.4), and whether the layers had already remediated it. */
export function evidenceVerdict(item: EvidenceInput): EvidenceVerdict {
  const air = applyIndicatorToAirVerdict(item.verdict, item.indicator);
  const remediated = item.remediated === true && air.verdict !== 'No threats found';
  return {
    artifact: item.artifact,
    verdict: air.verdict,
    original: air.original,
    ...hashOf(item.sha256),
    ...(remediated ? { remediated } : {}),
  };
}

/**
 * The entry AIR proposes for `item` (its verdict after indicators in `evidence`), the investigation's entry number
 * `index` + 1, on the tab its level and folder give (§6.5); undefined when it needs none (remediated, or no tab).
 */
export function proposedEntry(
  owner: Owner & Pick<InvestigationContext, 'level'>,
  index: number,
  at: number,
  item: EvidenceInput,
  evidence: EvidenceVerdict,
): AirActionEntry | undefined {
  if (evidence.remediated === true) return undefined;
  const placed = remediationTab(owner.level, evidence.verdict, item.path);
  if (placed.tab === 'none') return undefined;
  const pending = placed.tab === 'pending';
  return {
    id: `${owner.id}-${index + 1}`,
    investigationId: owner.id,
    device: owner.device,
    at,
    artifact: item.artifact,
    actionType: item.actionType,
    actionSource: 'Automated device action',
    entity: item.entity,
    ...hashOf(item.sha256),
    verdict: evidence.verdict,
    tab: placed.tab,
    status: pending ? 'Pending' : 'Completed',
    ...(pending ? { dueAt: at + PENDING_TIMEOUT_MS } : { decidedAt: at, decidedBy: 'Automation' }),
    reason: placed.reason,
  };
}

/** Adds a Pending scope expansion for each incriminated hash seen on ≥ 10 other devices that has none yet (T79). */
function expandScope(context: InvestigationContext, at: number, only?: ReadonlySet<string>): InvestigationContext {
  // T78: under No automated response AIR adds no Action Center entry at all, scope expansions included.
  if (context.level === 'none') return context;
  // Only the hashes this step can have changed (`only`): a run's long investigation need not rescan all it holds.
  if (only !== undefined && ![...only].some((hash) => (context.sightings[hash]?.length ?? 0) >= SIGHTING_CAP)) return context;
  const added: AirActionEntry[] = [];
  for (const evidence of context.evidence) {
    const hash = evidence.sha256;
    if (hash === undefined || evidence.verdict === 'No threats found') continue;
    if (only !== undefined && !only.has(hash)) continue;
    if ((context.sightings[hash]?.length ?? 0) < SIGHTING_CAP) continue;
    const known = (entry: AirActionEntry) => entry.actionType === 'Expand investigation scope' && entry.entity === hash;
    if (context.entries.some(known) || added.some(known)) continue;
    added.push(scopeEntry(context, context.entries.length + added.length, at, evidence));
  }
  return added.length === 0 ? context : { ...context, entries: context.entries.concat(added) };
}

/** `analysed`: indicators applied to each verdict (§5.4), then one entry per remediation on its tab (§6.5). */
const propose: Step = (context, event) => {
  if (event.type !== 'analysed') return context;
  const evidence = context.evidence.slice();
  const entries = context.entries.slice();
  for (const item of event.evidence) {
    const verdict = evidenceVerdict(item);
    evidence.push(verdict);
    const entry = proposedEntry(context, entries.length, event.at, item, verdict);
    if (entry !== undefined) entries.push(entry);
  }
  const hashes = new Set(event.evidence.flatMap((item) => (item.sha256 === undefined ? [] : [item.sha256])));
  return expandScope({ ...context, evidence, entries }, event.at, hashes);
};

/** `sighting`: one more distinct device for the hash, counted up to {@link SIGHTING_CAP}. */
const sight: Step = (context, event) => {
  if (event.type !== 'sighting' || event.device === context.device) return context;
  const seen = context.sightings[event.sha256] ?? [];
  if (seen.length >= SIGHTING_CAP || seen.includes(event.device)) return context;
  const sightings = { ...context.sightings, [event.sha256]: seen.concat(event.device) };
  return expandScope({ ...context, sightings }, event.at, new Set([event.sha256]));
};

function mapPending(context: InvestigationContext, end: (entry: AirActionEntry) => AirActionEntry): InvestigationContext {
  let changed = false;
  const entries = context.entries.map((entry) => {
    const next = entry.status === 'Pending' ? end(entry) : entry;
    changed ||= next !== entry;
    return next;
  });
  return changed ? { ...context, entries } : context;
}

/** `approve` / `reject` / `due` / `terminate`: Pending entries end, each exactly once (§6.5). */
const settle: Step = (context, event) => {
  switch (event.type) {
    case 'approve':
    case 'reject':
      return mapPending(context, (entry) =>
        entry.id === event.entryId
          ? endPending(entry, event.type === 'approve' ? 'Completed' : 'Rejected', event.at, event.by)
          : entry,
      );
    case 'due':
      return mapPending(context, (entry) =>
        entry.dueAt !== undefined && entry.dueAt <= event.at ? endPending(entry, 'TimedOut', event.at, 'System') : entry,
      );
    case 'terminate':
      return mapPending(context, (entry) => endPending(entry, 'Cancelled', event.at, 'System'));
    default:
      return context;
  }
};

/**
 * One-entry memo: a guard and the update of the same transition compute the same step on the same (context, event)
 * pair, and both are pure, so the second call returns the first's result (the table and the machine both gain).
 */
function remembered(step: Step): Step {
  let lastContext: InvestigationContext | undefined;
  let lastEvent: InvestigationEvent | undefined;
  let lastResult: InvestigationContext | undefined;
  return (context, event) => {
    if (context === lastContext && event === lastEvent && lastResult !== undefined) return lastResult;
    lastResult = step(context, event);
    lastContext = context;
    lastEvent = event;
    return lastResult;
  };
}

const proposeOnce = remembered(propose);
const settleOnce = remembered(settle);

/** The updates, by the action names the statechart uses. */
export const INVESTIGATION_UPDATES = { propose: proposeOnce, sight, settle: settleOnce } as const satisfies Record<string, Step>;

const hasPending = (context: InvestigationContext) => context.entries.some((entry) => entry.status === 'Pending');
const allCompleted = (context: InvestigationContext) => context.entries.every((entry) => entry.status === 'Completed');

// Decisions: the event must end some entry, and the guard reads the context it leaves (guards run before actions).
const decided = (context: InvestigationContext, event: InvestigationEvent) => {
  const next = settleOnce(context, event);
  return next === context ? undefined : next;
};

/** The guards, by the names the statechart uses. */
export const INVESTIGATION_GUARDS = {
  startsUnsupportedOs: (_context, event) => event.type === 'start' && event.unsupported === 'UnsupportedOs',
  startsWithoutAntivirus: (_context, event) => event.type === 'start' && event.unsupported === 'Failed',
  awaitsApproval: (context, event) => hasPending(proposeOnce(context, event)),
  // Remediated: every action taken, and something was acted on, by AIR or already by the layers (air-results).
  remediatesAll: (context, event) => {
    const next = proposeOnce(context, event);
    return allCompleted(next) && (next.entries.length > 0 || next.evidence.some((evidence) => evidence.remediated === true));
  },
  leavesPending: (context, event) => {
    const next = decided(context, event);
    return next !== undefined && hasPending(next);
  },
  endsRemediated: (context, event) => {
    const next = decided(context, event);
    return next !== undefined && !hasPending(next) && allCompleted(next);
  },
  endsPartly: (context, event) => {
    const next = decided(context, event);
    return next !== undefined && !hasPending(next) && !allCompleted(next);
  },
} as const satisfies Record<string, Check>;

export type InvestigationGuard = keyof typeof INVESTIGATION_GUARDS;
export type InvestigationUpdate = keyof typeof INVESTIGATION_UPDATES;
