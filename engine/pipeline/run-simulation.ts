/** Runs a simulation to completion: collect everything (for reports) or count only (for throughput). */
import { edrBlockModeRecommendation, type DeviceState, type FleetModel, type Recommendation } from '../model/index.ts';
import { DEFAULT_CONFLICT_SETTINGS } from '../core/config.ts';
import type { Issue } from '../core/issue.ts';
import { countVerdict, emptyCounts, type Counts } from '../report/counts.ts';
import type { SimulationInput } from './sim-input.ts';
import { isVerdict, simulate$, type ChangeRecord } from './simulate.ts';
import type { ActionCenterEntry, Alert, Verdict } from './verdict.ts';

export interface RunResult {
  /** Every artifact's verdict, in time order. */
  readonly verdicts: readonly Verdict[];
  readonly changes: readonly ChangeRecord[];
  /** Alerts with portal-style ids, in time order. */
  readonly alerts: readonly (Alert & { readonly id: string })[];
  /** Action Center History entries with ids, in time order. */
  readonly actionCenter: readonly (ActionCenterEntry & { readonly id: string })[];
  readonly counts: Counts;
  /** Device states at the run's last event. */
  readonly devices: readonly DeviceState[];
  /** Defender Vulnerability Management recommendations shown at the end of the run (§3.10). */
  readonly recommendations: readonly Recommendation[];
  /** Model time of the run's last event (ms). */
  readonly endAt: number;
  /** Policy problems met while compiling; empty for a scenario that passed the loader. */
  readonly issues: readonly Issue[];
}

/**
 * Runs the simulation and keeps every record. For long generated streams prefer {@link countSimulation}.
 *
 * @example
 * const result = runSimulation(input);
 * result.verdicts.length === result.counts.artifacts; // true
 */
export function runSimulation(input: SimulationInput): RunResult {
  const verdicts: Verdict[] = [];
  const changes: ChangeRecord[] = [];
  const alerts: (Alert & { id: string })[] = [];
  const actionCenter: (ActionCenterEntry & { id: string })[] = [];
  const counts = emptyCounts();
  let model: FleetModel | undefined;
  let issues: readonly Issue[] = [];
  simulate$(input, {
    onComplete: (m, policy) => {
      model = m;
      issues = policy.issues;
    },
  }).subscribe((output) => {
    if (!isVerdict(output)) {
      changes.push(output);
      return;
    }
    verdicts.push(output);
    countVerdict(counts, output);
    for (const alert of output.alerts) alerts.push({ id: `da${String(alerts.length + 1).padStart(6, '0')}`, ...alert });
    if (output.actionCenterEntry !== undefined) {
      actionCenter.push({ id: `ac${String(actionCenter.length + 1).padStart(6, '0')}`, ...output.actionCenterEntry });
    }
  });
  const finished = model as FleetModel | undefined;
  const devices = finished === undefined ? [] : [...finished.devices()];
  return {
    verdicts,
    changes,
    alerts,
    actionCenter,
    counts,
    devices,
    recommendations: devices.map((device) => edrBlockModeRecommendation(device, { ...DEFAULT_CONFLICT_SETTINGS, ...input.settings })).filter((recommendation) => recommendation.present),
    endAt: finished === undefined ? 0 : finished.now(),
    issues,
  };
}

/**
 * Runs the same code path as {@link runSimulation} but keeps only counts: constant memory however long
 * the stream is.
 */
export function countSimulation(input: SimulationInput): { counts: Counts; changes: number } {
  const counts = emptyCounts();
  let changes = 0;
  simulate$(input).subscribe((output) => {
    if (isVerdict(output)) countVerdict(counts, output);
    else changes++;
  });
  return { counts, changes };
}
