/** Test helper: state and transition coverage of an xstate machine, traversed with @xstate/graph. */
import { getAdjacencyMap, toDirectedGraph, type AdjacencyValue, type DirectedGraphNode } from '@xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject, SnapshotFrom } from 'xstate';

export interface Coverage {
  readonly machine: string;
  readonly states: { readonly visited: number; readonly total: number; readonly missing: readonly string[] };
  readonly transitions: { readonly visited: number; readonly total: number; readonly missing: readonly string[] };
  /** Lowest of state and transition coverage, in percent. */
  readonly percent: number;
  /** One printable line per machine, plus the missing items. */
  readonly report: string;
}

function allNodes(node: DirectedGraphNode): DirectedGraphNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/**
 * Traverses `machine` from its initial state with `events` (serialised by `serializeState`, at most
 * `limit` states), and counts which atomic and final states were reached and which transitions (every guarded
 * candidate is its own edge) were taken, against the machine's full graph.
 */
export function statechartCoverage<TMachine extends AnyStateMachine>(
  machine: TMachine,
  events: readonly EventObject[],
  serializeState: (snapshot: SnapshotFrom<TMachine>) => string,
  limit = 1_000,
): Coverage {
  const nodes = allNodes(toDirectedGraph(machine)).filter(
    (node) => node.stateNode.type === 'atomic' || node.stateNode.type === 'final',
  );
  const edges = nodes.flatMap((node) => node.edges);
  const name = (edge: (typeof edges)[number], index: number) =>
    `${edge.source.key} --${edge.label.text}#${index}--> ${edge.target.key}`;
  const adjacency = getAdjacencyMap(machine, { events: events as never, serializeState: serializeState as never, limit });
  const visitedStates = new Set<string>();
  const taken = new Set<unknown>();
  for (const { state, transitions } of Object.values(adjacency) as AdjacencyValue<AnyMachineSnapshot, EventObject>[]) {
    const snapshot = state;
    visitedStates.add(String(snapshot.value));
    for (const { event } of Object.values(transitions)) {
      for (const definition of machine.getTransitionData(snapshot as never, event as never)) taken.add(definition);
    }
  }
  const missingStates = nodes.map((node) => node.stateNode.key).filter((key) => !visitedStates.has(key));
  const missingTransitions = edges.flatMap((edge, index) => (taken.has(edge.transition) ? [] : [name(edge, index)]));
  const statePercent = (100 * (nodes.length - missingStates.length)) / nodes.length;
  const transitionPercent = (100 * (edges.length - missingTransitions.length)) / edges.length;
  const report =
    `${machine.id}: states ${nodes.length - missingStates.length}/${nodes.length}, ` +
    `transitions ${edges.length - missingTransitions.length}/${edges.length}` +
    [...missingStates.map((s) => `\n  missing state ${s}`), ...missingTransitions.map((t) => `\n  missing transition ${t}`)].join(
      '',
    );
  return {
    machine: machine.id,
    states: { visited: nodes.length - missingStates.length, total: nodes.length, missing: missingStates },
    transitions: { visited: edges.length - missingTransitions.length, total: edges.length, missing: missingTransitions },
    percent: Math.min(statePercent, transitionPercent),
    report,
  };
}
