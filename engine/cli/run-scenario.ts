/** From a loaded scenario to its report: run the pipeline, then check the expectations. */
import { modelAt } from '../pipeline/model-at.ts';
import { runSimulation } from '../pipeline/run-simulation.ts';
import { buildScenarioReport } from '../report/build-scenario-report.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import type { Scenario } from '../scenario/index.ts';

/**
 * Runs one scenario and evaluates its `expect` entries.
 *
 * @example
 * runScenario(scenario).passed; // true when every expectation holds
 */
export function runScenario(scenario: Scenario): ScenarioReport {
  const run = runSimulation(scenario);
  return buildScenarioReport(scenario, run, (device, at) => modelAt(scenario, at).device(device));
}
