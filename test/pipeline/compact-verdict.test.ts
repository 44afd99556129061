import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { loadScenarioFile } from '../../engine/run-scenario.ts';
import { CompactVerdict } from '../../engine/pipeline/compact-verdict.ts';
import { countVerdict, emptyCounts } from '../../engine/pipeline/counts.ts';
import { countSimulation, runSimulation } from '../../engine/pipeline/run-simulation.ts';
import type { SimulationInput } from '../../engine/pipeline/sim-input.ts';
import { isVerdict, simulate$ } from '../../engine/pipeline/simulate.ts';
import { alertStatusOf } from '../../engine/pipeline/build-verdict.ts';
import { simulationArb } from '../arbitraries/simulation.arb.ts';
import { ROOT } from '../scenarios/library-hashes.ts';
import { eagerDecide } from './eager-decide.ts';

/** Every compact verdict of a run, each with the eager oracle's verdict over the same context and artifact. */
function pairs(input: SimulationInput): { compact: CompactVerdict; eager: ReturnType<typeof eagerDecide> }[] {
  const found: { compact: CompactVerdict; eager: ReturnType<typeof eagerDecide> }[] = [];
  simulate$(input).subscribe((output) => {
    if (!isVerdict(output)) return;
    if (!(output instanceof CompactVerdict)) throw new Error('simulate$ emitted a verdict that is not compact');
    // The oracle runs first, on its own: the compact verdict has explained nothing yet (no memo to lean on),
    // and on the artifact without its key, so the matchers derive everything themselves (issue 13 #1).
    found.push({ eager: eagerDecide(output.ctx, { ...output.source, key: undefined }), compact: output });
  });
  return found;
}

/** The law of issue 13 #2: the compact decision and its on-demand explanation equal the eager decision. */
function expectSameAsEager(input: SimulationInput): void {
  for (const { compact, eager } of pairs(input)) {
    const decided = {
      outcome: compact.outcome,
      by: compact.by,
      detectionStatus: compact.detectionStatus,
      actionCenter: compact.actionCenter,
      alerts: Array(compact.alertCount).fill(alertStatusOf(compact.detectionStatus)),
    };
    expect(decided).toEqual({
      outcome: eager.outcome,
      by: eager.by,
      detectionStatus: eager.detectionStatus,
      actionCenter: eager.actionCenter,
      alerts: eager.alerts.map((alert) => alert.detectionStatus),
    });
    expect(compact.plain()).toEqual(eager);
    expect(compact.reasons).toEqual(eager.reasons);
  }
}

describe('decideArtifact: a compact verdict that explains on demand', () => {
  it('should decide and explain every artifact of the scenario library exactly as the eager decision does', () => {
    const files = collectScenarioFiles(['scenarios'], ROOT).files;
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const loaded = loadScenarioFile(`${ROOT}${file}`);
      if (!loaded.ok) throw new Error(`${file} does not load`);
      expectSameAsEager(loaded.value);
    }
  });

  it('should decide and explain every artifact of random streams exactly as the eager decision does', () => {
    fc.assert(
      fc.property(simulationArb, (input) => expectSameAsEager(input)),
      { numRuns: 300 },
    );
  });

  it('should count a run without explaining any verdict, to the same counts as a run that explains all', () => {
    fc.assert(
      fc.property(simulationArb, (input) => {
        // The explained run's verdicts are plain objects: counted from their alerts and entries, not the decision.
        const explained = emptyCounts();
        for (const verdict of runSimulation(input).verdicts) {
          expect(verdict).not.toBeInstanceOf(CompactVerdict);
          countVerdict(explained, verdict);
        }
        expect(countSimulation(input).counts).toEqual(explained);
      }),
      { numRuns: 300 },
    );
  });
});
