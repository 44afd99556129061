/** Runs a simulation to completion: stream its records to sinks, collect them all (small runs), or count only (throughput). */
import { edrBlockModeRecommendation, type DeviceState, type FleetModel, type Recommendation } from '../model/index.ts';
import type { Artifact } from '../core/artifact.ts';
import { DEFAULT_CONFLICT_SETTINGS } from '../core/config.ts';
import type { Issue } from '../core/issue.ts';
import type { CompactVerdict } from './compact-verdict.ts';
import { CountTally } from './count-tally.ts';
import { deviceRows } from './device-rows.ts';
import type { Counts } from './counts.ts';
import { runEvents, type ChangeRecord } from './run-events.ts';
import type { SimulationInput } from './sim-input.ts';
import type { AirWatch } from './air-run.ts';
import type { AirResult } from './air-state.ts';
import type { ActionCenterEntry, Alert, Verdict } from './verdict.ts';

/** An alert with its portal-style id (`da000001`, numbered in time order over the run). */
export type NumberedAlert = Alert & { readonly id: string };
/** An Action Center History entry with its id (`ac000001`, numbered in time order over the run). */
export type NumberedActionCenterEntry = ActionCenterEntry & { readonly id: string };

/**
 * Where a streamed run hands its records, each as it is decided, in time order. Every sink is optional;
 * records nobody asked for are counted, never built or kept.
 */
export interface RunSinks {
  /** Each verdict with the artifact it judged (the JSON and CSV reports read its path, hashes, threat). */
  readonly verdict?: (verdict: Verdict, artifact: Artifact) => void;
  readonly alert?: (alert: NumberedAlert) => void;
  readonly actionCenter?: (entry: NumberedActionCenterEntry) => void;
  /**
   * Each decision as its packed code (`verdict-code.ts`) and the artifact, for a reader that counts: when it is the only
   * record sink, no verdict is explained and the run may hand decisions device by device rather than in time order
   * (`countingPuller`, run-events.ts); beside `verdict`, in time order. An AIR run hands it each verdict's code.
   */
  readonly code?: (code: number, artifact: Artifact) => void;
  /** AIR runs only: what the expectations ask about, so AIR keeps just that history (see `AirWatch`). */
  readonly airWatch?: AirWatch;
}

/** What a run keeps whatever its length: counts and end state, never its per-artifact records. */
export interface RunSummary {
  readonly changes: readonly ChangeRecord[];
  readonly counts: Counts;
  /** Device states at the run's last event. */
  readonly devices: readonly DeviceState[];
  /** Defender Vulnerability Management recommendations shown at the end of the run (§3.10). */
  readonly recommendations: readonly Recommendation[];
  /** Model time of the run's last event (ms). */
  readonly endAt: number;
  /** Policy problems met while compiling; empty for a scenario that passed the loader. */
  readonly issues: readonly Issue[];
  /** AIR's answers and records, when the scenario turns AIR on (contract §5.4); undefined otherwise. */
  readonly air?: AirResult;
}

export interface RunResult extends RunSummary {
  /** Every artifact's verdict, in time order. */
  readonly verdicts: readonly Verdict[];
  /** Alerts with portal-style ids, in time order. */
  readonly alerts: readonly NumberedAlert[];
  /** Action Center History entries with ids, in time order. */
  readonly actionCenter: readonly NumberedActionCenterEntry[];
}

/**
 * Runs the simulation and hands each record to `sinks` as it comes, keeping only the summary: memory does
 * not grow with the number of artifacts. A run is a pure function of its input, so running it again
 * streams the very same records (how `--format json` writes its three record arrays one after another).
 *
 * @example
 * let blocked = 0;
 * const summary = streamSimulation(input, { verdict: (v) => void (v.outcome === 'blocked' && blocked++) });
 * blocked === summary.counts.byOutcome.blocked; // true
 */
export function streamSimulation(input: SimulationInput, sinks: RunSinks = {}): RunSummary {
  const changes: ChangeRecord[] = [];
  // One row per device for the tally's counts and the context cache's check (device-rows.ts).
  const rows = deviceRows(input.devices.length);
  // Names by fleet index: the name the model's `indexOf` maps to that index, the one its artifacts carry.
  const tally = new CountTally(input.devices.length, rows, (index) => input.devices[index]!.name);
  let alerts = 0;
  let actionCenter = 0;
  // Only a sink reads reasons and alerts: a run without one never explains a verdict (issue 13 #2).
  const explains = sinks.verdict !== undefined || sinks.alert !== undefined || sinks.actionCenter !== undefined;
  // An AIR run's alerts carry their investigation's state at the end of the run, so they are handed over then.
  const airRun = input.tenant.air === true;
  const explained = (output: CompactVerdict): void => {
    const verdict = output.plain();
    sinks.verdict?.(verdict, output.source);
    // Ids count every record of the run, asked for or not, so that a sink sees the ids a full run gives.
    for (const alert of verdict.alerts) {
      alerts++;
      if (!airRun) sinks.alert?.({ id: `da${String(alerts).padStart(6, '0')}`, ...alert });
    }
    if (verdict.actionCenterEntry !== undefined) {
      actionCenter++;
      sinks.actionCenter?.({ id: `ac${String(actionCenter).padStart(6, '0')}`, ...verdict.actionCenterEntry });
    }
  };
  const code = sinks.code;
  const end = runEvents(input, {
    verdict: explains
      ? (verdict, device) => {
          tally.add(verdict, device);
          code?.(verdict.code, verdict.source);
          explained(verdict);
        }
      : code === undefined
        ? (verdict, device) => tally.add(verdict, device)
        : (verdict, device) => {
            tally.add(verdict, device);
            code(verdict.code, verdict.source);
          },
    // Counting only (no AIR): decisions arrive as codes, no verdict is made (issue 13).
    ...(explains
      ? {}
      : {
          code:
            code === undefined
              ? (decision: number, device: number, artifact: Artifact) => tally.count(decision, device, artifact)
              : (decision: number, device: number, artifact: Artifact) => {
                  tally.count(decision, device, artifact);
                  code(decision, artifact);
                },
        }),
    change: (record) => void changes.push(record),
    rows,
    ...(sinks.airWatch === undefined ? {} : { airWatch: sinks.airWatch }),
  });
  if (end?.air !== undefined && sinks.alert !== undefined) for (const alert of end.air.records.alerts) sinks.alert(alert);
  const finished: FleetModel | undefined = end?.model;
  const issues: readonly Issue[] = end?.policy.issues ?? [];
  const counts = tally.counts();
  const devices = finished === undefined ? [] : [...finished.devices()];
  return {
    changes,
    counts,
    devices,
    recommendations: devices
      .map((device) => edrBlockModeRecommendation(device, { ...DEFAULT_CONFLICT_SETTINGS, ...input.settings }))
      .filter((recommendation) => recommendation.present),
    endAt: finished === undefined ? 0 : finished.now(),
    issues,
    ...(end?.air === undefined ? {} : { air: end.air }),
  };
}

/**
 * Runs the simulation and keeps every record: for tests, training and small scenarios. Memory grows with
 * the run; for reports of any size use {@link streamSimulation}.
 *
 * @example
 * const result = runSimulation(input);
 * result.verdicts.length === result.counts.artifacts; // true
 */
export function runSimulation(input: SimulationInput): RunResult {
  const verdicts: Verdict[] = [];
  const alerts: NumberedAlert[] = [];
  const actionCenter: NumberedActionCenterEntry[] = [];
  const summary = streamSimulation(input, {
    verdict: (verdict) => void verdicts.push(verdict),
    alert: (alert) => void alerts.push(alert),
    actionCenter: (entry) => void actionCenter.push(entry),
  });
  const { changes, counts, devices, recommendations, endAt, issues } = summary;
  return { verdicts, changes, alerts, actionCenter, counts, devices, recommendations, endAt, issues };
}

/**
 * Runs the same code path as {@link runSimulation} but keeps only counts: constant memory however long
 * the stream is.
 */
export function countSimulation(input: SimulationInput): { counts: Counts; changes: number } {
  const rows = deviceRows(input.devices.length);
  // Names by fleet index: the name the model's `indexOf` maps to that index, the one its artifacts carry.
  const tally = new CountTally(input.devices.length, rows, (index) => input.devices[index]!.name);
  let changes = 0;
  // Decisions arrive as codes, no verdict made per artifact; an AIR run hands verdicts (AIR reads them).
  runEvents(input, {
    verdict: (verdict, device) => tally.add(verdict, device),
    code: (code, device, artifact) => tally.count(code, device, artifact),
    change: () => void changes++,
    rows,
  });
  return { counts: tally.counts(), changes };
}
