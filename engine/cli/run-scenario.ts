/** From a loaded scenario to its report: run the pipeline, then check the expectations. */
import { modelAt } from '../pipeline/model-at.ts';
import { streamSimulation } from '../pipeline/run-simulation.ts';
import { buildScenarioReport } from '../report/build-scenario-report.ts';
import type { ScenarioReport } from '../report/scenario-report.ts';
import type { Scenario } from '../scenario/index.ts';

/**
 * Runs one scenario and evaluates its `expect` entries. Memory does not grow with the number of
 * artifacts: the report keeps counts and the verdicts `expect` names, and streams the rest on `replay`.
 *
 * @example
 * runScenario(scenario).passed; // true when every expectation holds
 */
export function runScenario(scenario: Scenario): ScenarioReport {
  return buildScenarioReport(
    scenario,
    (sinks) => streamSimulation(scenario, sinks),
    (device, at) => modelAt(scenario, at).device(device),
  );
}
