/** The pipeline's own verdicts for a few named artifacts: the decision with the exclusion entry and indicator it read. */
import type { CompactVerdict } from '../pipeline/compact-verdict.ts';
import { runEvents } from '../pipeline/run-events.ts';
import type { SimulationInput } from '../pipeline/sim-input.ts';

/**
 * The first verdict of each artifact in `names`, as the pipeline decided it: a `CompactVerdict`, which holds the
 * exclusion entry that applied and the indicator that matched (the plain verdicts of a report keep only the
 * reasons' text). The run stops as soon as every name has its verdict, and does not run at all for no name, so
 * asking for a few timeline artifacts costs a few events. Pure: the same input gives the same verdicts.
 *
 * @example
 * decidedVerdicts(scenario, ['a1']).get('a1')?.exclusion?.entry.text; // 'C:\\Temp\\'
 */
export function decidedVerdicts(input: SimulationInput, names: Iterable<string>): ReadonlyMap<string, CompactVerdict> {
  const wanted = new Set(names);
  const found = new Map<string, CompactVerdict>();
  if (wanted.size === 0) return found;
  runEvents(input, {
    verdict: (verdict) => {
      if (wanted.has(verdict.artifact) && !found.has(verdict.artifact)) found.set(verdict.artifact, verdict);
    },
    change: () => {},
    stopped: () => found.size === wanted.size,
  });
  return found;
}
