/** The investigation statechart compiled to a plain transition table for the hot path, read from the machine itself. */
import {
  investigationContext,
  type InvestigationContext,
  type InvestigationEvent,
  type InvestigationInput,
} from './investigation-context.ts';
import { INVESTIGATION_GUARDS, INVESTIGATION_UPDATES } from './investigation-steps.ts';
import { investigationMachine, type ModelledInvestigationState } from './investigation.machine.ts';

/** An investigation at one instant: the state (its API `investigationState`) and what it holds. */
export interface InvestigationSnapshot {
  readonly state: ModelledInvestigationState;
  readonly context: InvestigationContext;
}

type Check = (context: InvestigationContext, event: InvestigationEvent) => boolean;
type Step = (context: InvestigationContext, event: InvestigationEvent) => InvestigationContext;

interface CompiledTransition {
  readonly guard?: Check;
  /** Undefined: a targetless transition, the state stays. */
  readonly target?: ModelledInvestigationState;
  readonly updates: readonly Step[];
}

/** Per state, per event type, the candidate transitions in the machine's order (first whose guard holds wins). */
export type InvestigationTable = ReadonlyMap<string, ReadonlyMap<string, readonly CompiledTransition[]>>;

const nameOf = (item: unknown): string =>
  typeof item === 'string' ? item : typeof item === 'object' && item !== null && 'type' in item ? String(item.type) : '';

function lookup<T>(table: Readonly<Record<string, T>>, name: string, kind: string): T {
  if (!Object.hasOwn(table, name))
    throw new Error(`investigation table: the machine names ${kind} "${name}", which has no implementation`);
  return table[name] as T;
}

/**
 * Reads every state node's transitions (event type, guard name, target, action names) from `machine` and binds the
 * names to the same pure guards and updates the machine runs (`investigation-steps.ts`), so the table cannot say
 * anything the statechart does not. Throws on a guard or action the steps do not implement (a programming error).
 *
 * @example
 * compileInvestigationTable().get('Queued')?.get('start')?.length; // 3
 */
export function compileInvestigationTable(machine: typeof investigationMachine = investigationMachine): InvestigationTable {
  const table = new Map<string, Map<string, CompiledTransition[]>>();
  for (const [key, node] of Object.entries(machine.root.states)) {
    const byEvent = new Map<string, CompiledTransition[]>();
    for (const [eventType, definitions] of node.transitions) {
      byEvent.set(
        eventType,
        definitions.map((definition) => {
          const guard =
            definition.guard === undefined ? undefined : lookup(INVESTIGATION_GUARDS, nameOf(definition.guard), 'guard');
          const target = definition.target?.[0]?.key as ModelledInvestigationState | undefined;
          const updates = definition.actions.map((action) => lookup(INVESTIGATION_UPDATES, nameOf(action), 'action'));
          return { ...(guard === undefined ? {} : { guard }), ...(target === undefined ? {} : { target }), updates };
        }),
      );
    }
    table.set(key, byEvent);
  }
  return table;
}

/** The table of `investigationMachine`, compiled once. */
export const INVESTIGATION_TABLE: InvestigationTable = compileInvestigationTable();

/**
 * A new investigation, `Queued` (the machine's initial state).
 *
 * @example
 * queueInvestigation({ id: 7, device: 'pc-1', level: 'full' }).state; // 'Queued'
 */
export function queueInvestigation(input: InvestigationInput): InvestigationSnapshot {
  return { state: investigationMachine.config.initial as ModelledInvestigationState, context: investigationContext(input) };
}

/**
 * One event through the compiled table: the first candidate whose guard holds runs its updates in order and moves
 * to its target; no candidate (or a final state) returns `snapshot` itself. Agrees with xstate's `transition()` on
 * the machine (a law in `test/model/investigation-table.test.ts`) at a small fraction of its cost.
 *
 * @example
 * stepInvestigation(queueInvestigation({ id: 7, device: 'pc-1', level: 'full' }), { type: 'start', at: 0 }).state; // 'Running'
 */
export function stepInvestigation(
  snapshot: InvestigationSnapshot,
  event: InvestigationEvent,
  table: InvestigationTable = INVESTIGATION_TABLE,
): InvestigationSnapshot {
  const candidates = table.get(snapshot.state)?.get(event.type);
  if (candidates === undefined) return snapshot;
  for (const candidate of candidates) {
    if (candidate.guard !== undefined && !candidate.guard(snapshot.context, event)) continue;
    let context = snapshot.context;
    for (const update of candidate.updates) context = update(context, event);
    return { state: candidate.target ?? snapshot.state, context };
  }
  return snapshot;
}
