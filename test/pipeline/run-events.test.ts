import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEvents } from '../../engine/pipeline/run-events.ts';
import { simulationArb } from '../arbitraries/simulation.arb.ts';
import { generated, generatedScenario } from './air-scenario.ts';

/** Every decision of a run as `[code, fleet index, device]`, through the verdict sink or the code sink. */
function decisions(input: Parameters<typeof runEvents>[0], through: 'verdict' | 'code'): [number, number, string][] {
  const seen: [number, number, string][] = [];
  runEvents(
    input,
    through === 'verdict'
      ? { verdict: (verdict, index) => void seen.push([verdict.code, index, verdict.device]), change: () => {} }
      : {
          verdict: () => {
            throw new Error('a counting run made a verdict');
          },
          code: (code, index, artifact) => void seen.push([code, index, artifact.device]),
          change: () => {},
        },
  );
  return seen;
}

describe('runEvents: the counting run decides into codes', () => {
  it('should hand a run without AIR each decision as the code its verdict has, and never make a verdict', () => {
    fc.assert(
      fc.property(simulationArb, (input) => {
        expect(decisions(input, 'code')).toEqual(decisions(input, 'verdict'));
      }),
      { numRuns: 150 },
    );
  });

  it('should still hand an AIR run every verdict, since AIR reads them, with a code sink given', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const input = generatedScenario(g);
        let codes = 0;
        let verdicts = 0;
        runEvents(input, { verdict: () => void verdicts++, code: () => void codes++, change: () => {} });
        expect([verdicts, codes]).toEqual([g.artifacts.length, 0]);
      }),
      { numRuns: 30 },
    );
  });
});
