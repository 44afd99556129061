/** For the laws: what EDR in block mode would have done with each artifact of a run, whatever acted first. */
import { createFleetModel } from '../../engine/model/index.ts';
import { createContextCache } from '../../engine/pipeline/context-cache.ts';
import { blockModeDecision } from '../../engine/pipeline/layers/edr.ts';
import { createPolicyState } from '../../engine/pipeline/policy-state.ts';
import { isChangeEvent, simEvents } from '../../engine/pipeline/sim-events.ts';
import type { SimulationInput } from '../../engine/pipeline/sim-input.ts';

/**
 * One boolean per artifact, in verdict order: would block mode remediate it on its own terms (sensor,
 * effective switch, active-mode setting, exclusions; §3.8: never indicators)? Pure: it replays the run's
 * events the way `simulate$` does (a change applies policy only when the model accepts it) and asks
 * `blockModeDecision` with each artifact's device context at its place in the stream.
 *
 * @example
 * blockModeWouldRemediate(input)[0]; // true when block mode would remediate the first artifact
 */
export function blockModeWouldRemediate(input: SimulationInput): boolean[] {
  const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
  const policy = createPolicyState(input);
  const contexts = createContextCache(model, policy, input.settings, input.startMs);
  const answers: boolean[] = [];
  for (const item of simEvents(input)) {
    model.advanceTo(item.at);
    if (isChangeEvent(item)) {
      if (model.applyChange(item.change, item.at).status === 'applied') policy.apply(item.change);
      continue;
    }
    const artifact = item;
    const ctx = contexts.get(artifact.device);
    answers.push(blockModeDecision(ctx, artifact, ctx.exclusions(artifact)) === 'remediate');
  }
  return answers;
}
