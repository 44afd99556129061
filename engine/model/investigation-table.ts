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

/** One transition of the machine with its guard and updates bound to implementations. */
export interface BoundTransition<G, U> {
  readonly guard?: G;
  /** Undefined: a targetless transition, the state stays. */
  readonly target?: ModelledInvestigationState;
  readonly updates: readonly U[];
}

/** Per state, per event type, the candidate transitions in the machine's order (first whose guard holds wins). */
export type BoundTable<G, U> = ReadonlyMap<string, ReadonlyMap<string, readonly BoundTransition<G, U>[]>>;

/** The table over the pure guards and updates, as the machine runs them. */
export type InvestigationTable = BoundTable<Check, Step>;

const nameOf = (item: unknown): string =>
  typeof item === 'string' ? item : typeof item === 'object' && item !== null && 'type' in item ? String(item.type) : '';

function lookup<T>(table: Readonly<Record<string, T>>, name: string, kind: string): T {
  if (!Object.hasOwn(table, name))
    throw new Error(`investigation table: the machine names ${kind} "${name}", which has no implementation`);
  return table[name] as T;
}

/**
 * Reads every state node's transitions (event type, guard name, target, action names) from `machine` and binds the
 * names to `guards` and `updates`, so a table cannot say anything the statechart does not. Throws on a guard or action
 * the bindings do not implement (a programming error). The pure bindings give {@link INVESTIGATION_TABLE}; the run's
 * in-place ones (`investigation-live.ts`) give its own table, held to this one by a law.
 *
 * @example
 * bindInvestigationTable(investigationMachine, INVESTIGATION_GUARDS, INVESTIGATION_UPDATES).get('Queued')?.get('start')?.length; // 3
 */
export function bindInvestigationTable<G, U>(
  machine: typeof investigationMachine,
  guards: Readonly<Record<string, G>>,
  updates: Readonly<Record<string, U>>,
): BoundTable<G, U> {
  const table = new Map<string, Map<string, BoundTransition<G, U>[]>>();
  for (const [key, node] of Object.entries(machine.root.states)) {
    const byEvent = new Map<string, BoundTransition<G, U>[]>();
    for (const [eventType, definitions] of node.transitions) {
      byEvent.set(
        eventType,
        definitions.map((definition) => {
          const guard = definition.guard === undefined ? undefined : lookup(guards, nameOf(definition.guard), 'guard');
          const target = definition.target?.[0]?.key as ModelledInvestigationState | undefined;
          const bound = definition.actions.map((action) => lookup(updates, nameOf(action), 'action'));
          return { ...(guard === undefined ? {} : { guard }), ...(target === undefined ? {} : { target }), updates: bound };
        }),
      );
    }
    table.set(key, byEvent);
  }
  return table;
}

/**
 * The machine's transitions bound to the same pure guards and updates the machine runs (`investigation-steps.ts`).
 *
 * @example
 * compileInvestigationTable().get('Queued')?.get('start')?.length; // 3
 */
export function compileInvestigationTable(machine: typeof investigationMachine = investigationMachine): InvestigationTable {
  return bindInvestigationTable(machine, INVESTIGATION_GUARDS, INVESTIGATION_UPDATES);
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
