/** The states an investigation passed through up to a time, read from its watched history and the statechart. */
import type { ModelledInvestigationState } from '../model/index.ts';
import { INVESTIGATION_TABLE, type InvestigationSnapshot } from '../model/index.ts';

/** One state an investigation entered, and when (ms of sim time). */
export interface InvestigationStep {
  readonly at: number;
  readonly state: ModelledInvestigationState;
}

// The statechart's shortest way from its initial state to `state` (breadth first over the compiled table's targets),
// without `state` itself: Queued → Running → PendingApproval has no other way in, so the states are certain ones.
function wayTo(state: ModelledInvestigationState): ModelledInvestigationState[] {
  const from = new Map<string, string>();
  const queue: string[] = ['Queued'];
  for (let i = 0; i < queue.length && !from.has(state); i++) {
    const at = queue[i]!;
    for (const transitions of INVESTIGATION_TABLE.get(at)?.values() ?? [])
      for (const { target } of transitions)
        if (target !== undefined && target !== 'Queued' && !from.has(target)) {
          from.set(target, at);
          queue.push(target);
        }
  }
  const way: ModelledInvestigationState[] = [];
  for (let at = from.get(state); at !== undefined; at = from.get(at)) way.unshift(at as ModelledInvestigationState);
  return state === 'Queued' ? [] : way;
}

/**
 * The states an investigation entered up to `at`, in order, each once per entry (a state it stays in is not repeated).
 * `log` is its watched history (`InvestigationRecord.log`). An investigation watched for an artifact keeps its history
 * from when that artifact joined it, so the states before are the statechart's way from `Queued`, dated `createdAt`:
 * every investigation starts there and takes `start` at once.
 *
 * @example
 * investigationPath(log, 0, 3_600_000).map((step) => step.state); // ['Queued', 'Running', 'PendingApproval']
 */
export function investigationPath(
  log: readonly { at: number; snapshot: InvestigationSnapshot }[],
  createdAt: number,
  at: number,
): InvestigationStep[] {
  const path: InvestigationStep[] = [];
  for (const item of log) {
    if (item.at > at) break;
    if (path[path.length - 1]?.state !== item.snapshot.state) path.push({ at: item.at, state: item.snapshot.state });
  }
  const first = path[0];
  if (first === undefined || first.state === 'Queued') return path;
  return wayTo(first.state)
    .map((state) => ({ at: createdAt, state }))
    .concat(path);
}
