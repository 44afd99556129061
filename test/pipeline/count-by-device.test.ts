import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchInput } from '../../bench/bench-shape.ts';
import { runEvents } from '../../engine/pipeline/run-events.ts';
import { countSimulation, streamSimulation } from '../../engine/pipeline/run-simulation.ts';
import type { SimulationInput } from '../../engine/pipeline/sim-input.ts';
import { generatedRunArb as generatedRun } from '../arbitraries/simulation.arb.ts';

// Issue 13, twelfth pass: a counting run of one generator over a model with nothing due takes its artifacts device by
// device (countingPuller). These laws hold it to the same run in time order: the verdict sink still runs in time order.

type Decision = readonly [code: number, index: number, device: string, at: number];

/** Every decision of a run, through the code sink (a counting run) or the verdict sink (time order), and its end time. */
function decisions(input: SimulationInput, through: 'verdict' | 'code'): { seen: Decision[]; endAt: number } {
  const seen: Decision[] = [];
  const end = runEvents(
    input,
    through === 'verdict'
      ? { verdict: (verdict, index) => void seen.push([verdict.code, index, verdict.device, verdict.at]), change: () => {} }
      : {
          verdict: () => {
            throw new Error('a counting run made a verdict');
          },
          code: (code, index, artifact) => void seen.push([code, index, artifact.device, artifact.at]),
          change: () => {},
        },
  );
  return { seen, endAt: end?.model.now() ?? -1 };
}

const byKey = (a: Decision, b: Decision): number => a[2].localeCompare(b[2]) || a[3] - b[3] || a[0] - b[0];
const firstSeen = (seen: readonly Decision[]): string[] => [...new Set(seen.map((decision) => decision[2]))];

/** True when each device's decisions come in one run, with nothing of another device between them. */
function wholeDevices(seen: readonly Decision[]): boolean {
  const done = new Set<string>();
  for (let at = 0; at < seen.length; at++) {
    const device = seen[at]![2];
    if (done.has(device)) return false;
    if (at + 1 < seen.length && seen[at + 1]![2] !== device) done.add(device);
  }
  return true;
}

describe('counting device by device', () => {
  it('should count what the run in time order counts, list devices in the same first-seen order and end at the same time', () => {
    fc.assert(
      fc.property(generatedRun, ({ input }) => {
        const [byDevice, inTime] = [decisions(input, 'code'), decisions(input, 'verdict')];
        expect(byDevice.seen.length).toBe(inTime.seen.length);
        expect([...byDevice.seen].sort(byKey)).toEqual([...inTime.seen].sort(byKey));
        expect(firstSeen(byDevice.seen)).toEqual(firstSeen(inTime.seen));
        expect(byDevice.endAt).toBe(inTime.endAt);
        // And it did go device by device: the law would hold just as well in time order.
        expect(wholeDevices(byDevice.seen)).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('should give countSimulation the counts of a run in time order, byDevice order included', () => {
    fc.assert(
      fc.property(generatedRun, ({ input }) => {
        const counted = countSimulation(input).counts;
        // A verdict sink makes streamSimulation explain each verdict in time order: the old path.
        const streamed = streamSimulation(input, { verdict: () => {} });
        expect(JSON.stringify({ ...counted, byDevice: [...counted.byDevice] })).toBe(
          JSON.stringify({ ...streamed.counts, byDevice: [...streamed.counts.byDevice] }),
        );
        expect(streamSimulation(input).endAt).toBe(streamed.endAt);
      }),
      { numRuns: 60 },
    );
  });

  it('should hold on the bench shape, whose indicators expire and come back inside the window', () => {
    for (const seed of [3, 11]) {
      const input = benchInput({ devices: 40, artifacts: 6_000, exclusions: 60, indicators: 300, seed });
      const [byDevice, inTime] = [decisions(input, 'code'), decisions(input, 'verdict')];
      expect(wholeDevices(byDevice.seen)).toBe(true);
      expect([...byDevice.seen].sort(byKey)).toEqual([...inTime.seen].sort(byKey));
      expect(firstSeen(byDevice.seen)).toEqual(firstSeen(inTime.seen));
    }
  });

  it('should stay in time order when the timeline also changes something, or when the run may be stopped', () => {
    fc.assert(
      fc.property(generatedRun, ({ input, toggle }) => {
        if (toggle !== undefined) {
          const timeline = [...input.timeline, { ...toggle, order: 1 }].sort((a, b) => a.at - b.at || a.order - b.order);
          const changed = { ...input, timeline };
          expect(decisions(changed, 'code').seen).toEqual(decisions(changed, 'verdict').seen);
        }
        // A stream that can be stopped early is handed its decisions in time order whatever the timeline.
        const seen: number[] = [];
        runEvents(input, {
          verdict: () => {},
          code: (_code, _index, artifact) => void seen.push(artifact.at),
          change: () => {},
          stopped: () => false,
        });
        expect(seen).toEqual(decisions(input, 'verdict').seen.map((decision) => decision[3]));
      }),
      { numRuns: 40 },
    );
  });
});
