/** The fleet model as it stands at any simulated time: every change with `at` ≤ t applied, propagation fired up to t. */
import { createFleetModel, type FleetModel } from '../model/index.ts';
import type { SimulationInput } from './sim-input.ts';

/**
 * Replays only the timeline's changes (artifacts never change state), so asking for the state at 5m of
 * a million-artifact run costs as much as its handful of changes.
 *
 * @example
 * modelAt(input, 25 * 60_000).device('ws-01')?.edrBlockMode.pending; // 'disable-pending' (T29)
 */
export function modelAt(input: Pick<SimulationInput, 'tenant' | 'devices' | 'settings' | 'timeline'>, at: number): FleetModel {
  const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
  for (const event of input.timeline) {
    if (event.at > at) break;
    if (event.kind === 'change') model.applyChange(event.change, event.at);
  }
  model.advanceTo(at);
  return model;
}
