/** Puts a scenario and its run together into the report every renderer reads. */
import type { DeviceState } from '../model/index.ts';
import type { RunSinks, RunSummary } from '../pipeline/run-simulation.ts';
import type { Scenario } from '../scenario/index.ts';
import { evaluateExpectations } from './evaluate-expectations.ts';
import { tallyExpectations } from './expectation-tally.ts';
import type { ScenarioReport } from './scenario-report.ts';
import type { AirWatch } from '../pipeline/air-run.ts';
import type { CodeFilterOf } from '../pipeline/code-filter.ts';

/** The artifacts and devices AIR expectations ask about: only their AIR history is kept (memory bounded by `expect`). */
function airWatch(expectations: Scenario['expect']): AirWatch {
  const artifacts = new Set<string>();
  const devices = new Set<string>();
  for (const expectation of expectations) {
    if (expectation.kind !== 'actionCenterEntry' && expectation.kind !== 'investigation') continue;
    if (expectation.artifact !== undefined) artifacts.add(expectation.artifact);
    if (expectation.device !== undefined) devices.add(expectation.device);
  }
  return { artifacts, devices };
}

/**
 * Runs the scenario once through `simulate` (the caller's `streamSimulation`, bound to the scenario),
 * keeping only what its expectations need, and evaluates them. `deviceAt` answers device state at a time
 * (the caller replays the model); undefined `at` means the end of the run. The report's `replay` calls
 * `simulate` again, so it must be deterministic: the same records each time.
 *
 * With `codeFilter` (the pipeline's), expectations that a decision's code answers are counted from codes: the first
 * pass explains no verdict, and a generated stream may be counted device by device (issue 13).
 *
 * @example
 * buildScenarioReport(scenario, (sinks) => streamSimulation(scenario, sinks), deviceAt).passed; // true when every expectation holds
 */
export function buildScenarioReport(
  scenario: Scenario,
  simulate: (sinks: RunSinks) => RunSummary,
  deviceAt: (device: string, at: number) => DeviceState | undefined,
  codeFilter?: CodeFilterOf,
): ScenarioReport {
  const tally = tallyExpectations(scenario.expect, codeFilter);
  // Counted by code when the expectations allow it: no verdict explained, and device by device when the run allows.
  const feed = tally.code === undefined ? { verdict: tally.verdict } : { code: tally.code };
  const run = simulate({ ...feed, airWatch: airWatch(scenario.expect) });
  const endState = new Map(run.devices.map((state) => [state.config.name, state]));
  const expectations = evaluateExpectations(scenario.expect, {
    run,
    tally,
    deviceAt: (device, at) => (at === undefined ? endState.get(device) : deviceAt(device, at)),
  });
  return {
    name: scenario.name,
    file: scenario.file,
    seed: scenario.seed,
    startMs: scenario.startMs,
    passed: expectations.every((result) => result.passed),
    run,
    namedVerdicts: tally.named,
    expectations,
    replay: (sinks) => void simulate(sinks),
  };
}
