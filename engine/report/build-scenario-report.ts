/** Puts a scenario and its run together into the report every renderer reads. */
import type { DeviceState } from '../model/index.ts';
import type { RunResult } from '../pipeline/run-simulation.ts';
import type { Scenario } from '../scenario/index.ts';
import { evaluateExpectations } from './evaluate-expectations.ts';
import type { ScenarioReport } from './scenario-report.ts';

/**
 * Evaluates the scenario's expectations against its run. `deviceAt` answers device state at a time
 * (the caller replays the model); undefined `at` means the end of the run.
 *
 * @example
 * buildScenarioReport(scenario, runSimulation(scenario), deviceAt).passed; // true when every expectation holds
 */
export function buildScenarioReport(
  scenario: Scenario,
  run: RunResult,
  deviceAt: (device: string, at: number) => DeviceState | undefined,
): ScenarioReport {
  const endState = new Map(run.devices.map((state) => [state.config.name, state]));
  const expectations = evaluateExpectations(scenario.expect, {
    run,
    deviceAt: (device, at) => (at === undefined ? endState.get(device) : deviceAt(device, at)),
  });
  return {
    name: scenario.name,
    file: scenario.file,
    seed: scenario.seed,
    startMs: scenario.startMs,
    passed: expectations.every((result) => result.passed),
    run,
    expectations,
  };
}
