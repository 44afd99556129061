/** Figures on the run's virtual clock: remediation latency (artifact → Action Center entry) and remediation rate. */
import { isVerdict, simulate$ } from '../engine/pipeline/simulate.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import type { Counts } from '../engine/pipeline/counts.ts';
import { quantile } from './measure.ts';
import { generateSpecOf } from './stream-stage.ts';

export interface RemediationLatency {
  /** Action Center entries measured. */
  readonly remediations: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Entries by the layer that remediated: Defender Antivirus itself, or EDR in block mode through it. */
  readonly byLayer: { readonly mdav: number; readonly 'edr-block-mode': number };
}

/**
 * Simulated time from each artifact to its Action Center entry, over the whole run's verdicts. The
 * model remediates at the artifact's own instant (§3.7: block mode acts on the detection; no response
 * delay is modelled), so every value is expected to be 0 ms: this measures it rather than assuming it.
 *
 * @example
 * remediationLatency(input).p99Ms; // 0
 */
export function remediationLatency(input: SimulationInput): RemediationLatency {
  const gaps: number[] = [];
  const byLayer = { mdav: 0, 'edr-block-mode': 0 };
  simulate$(input).subscribe((output) => {
    if (!isVerdict(output) || output.actionCenterEntry === undefined) return;
    gaps.push(output.actionCenterEntry.at - output.at);
    byLayer[output.actionCenterEntry.remediatedBy]++;
  });
  gaps.sort((a, b) => a - b);
  return {
    remediations: gaps.length,
    p50Ms: quantile(gaps, 0.5),
    p99Ms: quantile(gaps, 0.99),
    maxMs: quantile(gaps, 1),
    byLayer,
  };
}

export interface RemediationRate {
  /** Action Center entries per simulated hour per device, over the generator's window. */
  readonly perDeviceHour: number;
  /** The same, counting only EDR in block mode remediations. */
  readonly blockModePerDeviceHour: number;
  readonly simulatedHours: number;
  readonly devices: number;
}

/** Remediations per simulated hour per device, from a run's counts. */
export function remediationRate(input: SimulationInput, counts: Counts): RemediationRate {
  const hours = generateSpecOf(input).window / 3_600_000;
  const devices = input.devices.length;
  const per = (n: number): number => (hours > 0 && devices > 0 ? n / hours / devices : 0);
  return {
    perDeviceHour: per(counts.actionCenter),
    blockModePerDeviceHour: per(counts.actionCenterBy['edr-block-mode']),
    simulatedHours: hours,
    devices,
  };
}
