/** What AIR costs a run (issue 17): P with AIR off against P with AIR on (Full automation), over the same artifacts. */
import { runEvents } from '../engine/pipeline/run-events.ts';
import { countSimulation } from '../engine/pipeline/run-simulation.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import { best, perSecond, timed, type Timing } from './measure.ts';

/** P with AIR off and on, best of each (CPU time), and their ratio. */
export interface AirCost {
  readonly artifacts: number;
  /** Artifacts per CPU second, AIR off (the input as it is: the bench fleet does not opt in). */
  readonly offPerSecond: number;
  /** Artifacts per CPU second with `tenant.air` on, every device at the tenant default (Full for a new tenant). */
  readonly onPerSecond: number;
  /** `onPerSecond / offPerSecond`: 1 means AIR is free; below 1, the share of P it keeps. */
  readonly ratio: number;
  /** Investigations opened by the AIR run (one per alerting device while none is open). */
  readonly investigations: number;
}

/**
 * P with AIR off against P with AIR on, alternating, best of `rounds` each: `countSimulation` on the input, and on
 * the input with `tenant.air: true` (created at the run's start, so Full automation, §6.5). No timed assertion reads it.
 *
 * @example
 * measureAirCost(withArtifacts(input, 200_000), 2).ratio; // e.g. 0.8
 */
export function measureAirCost(input: SimulationInput, rounds: number): AirCost {
  const on: SimulationInput = { ...input, tenant: { ...input.tenant, air: true, createdAt: input.startMs } };
  let off: Timing | undefined;
  let air: Timing | undefined;
  let artifacts = 0;
  let investigations = 0;
  for (let round = 0; round < Math.max(1, rounds); round++) {
    const counted = timed(() => countSimulation(input));
    off = best(off, counted.timing);
    artifacts = counted.value.counts.artifacts;
    const withAir = timed(() => countSimulation(on));
    air = best(air, withAir.timing);
  }
  // Counted once, outside the timed runs: the AIR run's own record of what it opened.
  investigations = runEvents(on, { verdict: () => {}, change: () => {} })?.air?.records.investigations.length ?? 0;
  const offPerSecond = perSecond(artifacts, off?.cpuMs ?? 0);
  const onPerSecond = perSecond(artifacts, air?.cpuMs ?? 0);
  return { artifacts, offPerSecond, onPerSecond, ratio: offPerSecond > 0 ? onPerSecond / offPerSecond : 0, investigations };
}
