/** The pipeline's laws over random tenants, fleets, policies and artifact streams (issue: pipeline, properties). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelAt } from '../../engine/pipeline/model-at.ts';
import { runSimulation } from '../../engine/pipeline/run-simulation.ts';
import type { SimulationInput } from '../../engine/pipeline/sim-input.ts';
import type { Verdict } from '../../engine/pipeline/verdict.ts';
import { referenceMatch } from '../policy/exclusions/reference-matcher.ts';
import { blockModeWouldRemediate } from './block-mode-would-remediate.ts';
import { exclusionsArb, indicatorsArb, simulationArb } from '../arbitraries/simulation.arb.ts';

const RUNS = { numRuns: 150 };
const artifactsOf = (input: SimulationInput) => input.timeline.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : []));
const remediated = (v: Verdict) => v.by === 'mdav' || v.by === 'edr-block-mode';
const observable = (v: Verdict) => ({
  outcome: v.outcome,
  by: v.by,
  detectionStatus: v.detectionStatus,
  actionCenter: v.actionCenter,
  alerts: v.alerts,
});

describe('pipeline laws', () => {
  it('should give every artifact exactly one verdict, and one Action Center entry per MDAV or block-mode remediation', () => {
    fc.assert(
      fc.property(simulationArb, (input) => {
        const run = runSimulation(input);
        expect(run.verdicts.map((v) => v.artifact).sort()).toEqual(
          artifactsOf(input)
            .map((a) => a.id)
            .sort(),
        );
        expect(run.actionCenter.length).toBe(run.verdicts.filter(remediated).length);
        for (const v of run.verdicts) {
          if (v.by === 'indicator' || v.by === 'primary-av') expect(v.actionCenter).toBe(false);
          expect(v.reasons.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('should never let indicators change what block mode would do, nor anything on a passive device', () => {
    fc.assert(
      fc.property(simulationArb, indicatorsArb, (input, otherIndicators) => {
        const a = runSimulation(input);
        const b = runSimulation({ ...input, indicators: otherIndicators });
        const wouldA = blockModeWouldRemediate(input);
        expect(blockModeWouldRemediate({ ...input, indicators: otherIndicators })).toEqual(wouldA);
        a.verdicts.forEach((va, i) => {
          const vb = b.verdicts[i]!;
          // What block mode would do is what it does whenever it acts: the oracle is the engine's own decision.
          if (va.by === 'edr-block-mode') expect(wouldA[i]).toBe(true);
          if (va.outcome !== 'blocked') expect(wouldA[i]).toBe(false);
          if (modelAt(input, va.at).device(va.device)?.mode === 'passive') expect(observable(vb)).toEqual(observable(va));
        });
      }),
      RUNS,
    );
  });

  it('should never remediate an artifact an applicable exclusion covers, and adding exclusions never adds a remediation', () => {
    fc.assert(
      fc.property(simulationArb, exclusionsArb, (input, extra) => {
        const run = runSimulation(input);
        const byId = new Map(artifactsOf(input).map((artifact) => [artifact.id, artifact]));
        for (const v of run.verdicts.filter(remediated)) {
          const artifact = byId.get(v.artifact)!;
          expect(referenceMatch(input.exclusions, artifact)).toBeUndefined();
        }
        const wider = {
          paths: [...input.exclusions.paths, ...extra.paths],
          extensions: [...input.exclusions.extensions, ...extra.extensions],
          processes: [...input.exclusions.processes, ...extra.processes],
        };
        const after = runSimulation({ ...input, exclusions: wider });
        after.verdicts.forEach((v, i) => {
          if (remediated(v)) expect(remediated(run.verdicts[i]!)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('should never remediate on a passive device without block mode, except through the primary antivirus', () => {
    fc.assert(
      fc.property(simulationArb, (input) => {
        for (const v of runSimulation(input).verdicts) {
          const state = modelAt(input, v.at).device(v.device)!;
          if (state.mode === 'passive' && !state.edrBlockMode.effective) expect(['primary-av', 'none']).toContain(v.by);
        }
      }),
      RUNS,
    );
  });

  it('should give deep-equal output for the same input', () => {
    fc.assert(
      fc.property(simulationArb, (input) => {
        expect(JSON.stringify(runSimulation(input))).toBe(JSON.stringify(runSimulation(input)));
      }),
      { numRuns: 50 },
    );
  });
});
