/** The pipeline as an rxjs stream: timeline and generators in, one verdict per artifact and one record per change out. */
import { defer, from, map, tap, type Observable } from 'rxjs';
import type { Reason } from '../core/vocabulary.ts';
import { createFleetModel, type FleetModel } from '../model/index.ts';
import { createContextCache } from './context-cache.ts';
import { decideArtifact } from './decide-artifact.ts';
import { createPolicyState, type PolicyState } from './policy-state.ts';
import { REASONS } from './reasons.ts';
import { isChangeEvent, simEvents, type SimItem } from './sim-events.ts';
import type { ChangeSpec, SimulationInput } from './sim-input.ts';
import type { CompactVerdict } from './compact-verdict.ts';

/** What happened to one timeline `change` (contract §4 `changes[]`). */
export interface ChangeRecord {
  readonly at: number;
  readonly by?: string;
  readonly role?: string;
  readonly status: 'applied' | 'refused';
  readonly reasons: readonly Reason[];
}

/** A verdict (decided by `decideArtifact`, so it keeps its artifact as `source`) or a change record. */
export type SimOutput = CompactVerdict | ChangeRecord;

export interface SimulationHooks {
  /** Called once the stream completes, with the model at the run's last event (for end-of-run device state). */
  readonly onComplete?: (model: FleetModel, policy: PolicyState) => void;
}

/** True for a verdict, false for a change record. */
export function isVerdict(output: SimOutput): output is CompactVerdict {
  return 'outcome' in output;
}

/**
 * Runs a simulation as a cold Observable: each subscription starts a fresh model, so runs are
 * reproducible. Virtual time advances with the events themselves — the model's clock moves to each
 * event's `at` before it is applied — so a simulated week runs as fast as the CPU allows.
 *
 * @example
 * simulate$(input).subscribe((out) => { if (isVerdict(out)) console.log(out.artifact, out.outcome); });
 */
export function simulate$(input: SimulationInput, hooks: SimulationHooks = {}): Observable<SimOutput> {
  return defer(() => {
    const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
    const policy = createPolicyState(input);
    const contexts = createContextCache(model, policy, input.settings, input.startMs);
    const step = (item: SimItem): SimOutput => {
      model.advanceTo(item.at);
      if (isChangeEvent(item)) return applyChange(model, policy, item.change, item.at);
      return decideArtifact(contexts.get(item.device), item);
    };
    return from(simEvents(input)).pipe(map(step), tap({ complete: () => hooks.onComplete?.(model, policy) }));
  });
}

function applyChange(model: FleetModel, policy: PolicyState, change: ChangeSpec, at: number): ChangeRecord {
  // The model reads the tenant, device and `by` parts; RBAC refuses the whole change, policy included (§3.2).
  const result = model.applyChange(change, at);
  if (result.status === 'applied') policy.apply(change);
  return {
    at,
    ...(change.by === undefined ? {} : { by: change.by.user, role: change.by.role }),
    status: result.status,
    reasons: result.reasons.length > 0 || result.status === 'refused' ? result.reasons : [REASONS.changeApplied],
  };
}
