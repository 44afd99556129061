import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchInput } from '../../bench/bench-shape.ts';
import { countsDigest, countShards, mergeCounts } from '../../bench/shard-pipeline.ts';
import { claimedSlices } from '../../bench/slice-claims.ts';
import { countSimulation } from '../../engine/pipeline/run-simulation.ts';

// The worker pool cuts a pass into slices that the workers claim in one shared array (issue 13, eleventh pass).
// Whoever takes which slice, the merged counts must be countSimulation's. No timing here: that is `edrsim bench`.
const input = benchInput({ devices: 24, artifacts: 3_000, exclusions: 20, indicators: 50, seed: 5 });
const expected = countsDigest(countSimulation(input).counts);

describe('shared slices of the fleet', () => {
  it("should give a worker its own slices first, then the others' from their far end", () => {
    const claims = new Int32Array(new SharedArrayBuffer(4 * 7));
    const [a, b] = [claimedSlices(claims, 0, 2), claimedSlices(claims, 1, 2)];
    // Worker 1 is slow: it gets one slice while worker 0 takes its own four, then worker 1's from the end.
    expect(b()?.index).toBe(1);
    expect([a(), a(), a(), a(), a(), a()].map((shard) => shard?.index)).toEqual([0, 2, 4, 6, 5, 3]);
    expect([a(), b()]).toEqual([undefined, undefined]);
    expect([...claims]).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('should claim every slice exactly once among any number of workers, whatever their turns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(4)),
        (slices, workers, turns) => {
          const claims = new Int32Array(new SharedArrayBuffer(4 * slices));
          const sources = Array.from({ length: workers }, (_, worker) => claimedSlices(claims, worker, workers));
          const taken: number[] = [];
          const take = (worker: number): boolean => {
            const shard = sources[worker]!();
            if (shard === undefined) return false;
            expect(shard.of).toBe(slices);
            taken.push(shard.index);
            return true;
          };
          // One slice at a time in random turns, then each worker drains what is left, as each pass ends.
          for (const turn of turns) take(turn % workers);
          for (const worker of sources.keys()) while (take(worker));
          expect(taken.sort((x, y) => x - y)).toEqual(Array.from({ length: slices }, (_, index) => index));
        },
      ),
    );
  });

  it('should count what countSimulation counts when one caller takes every slice', () => {
    const { counts, slices } = countShards(input, claimedSlices(new Int32Array(new SharedArrayBuffer(4 * 8)), 0, 1));
    expect(slices).toBe(8);
    expect(countsDigest(counts)).toBe(expected);
  });

  it('should merge to countSimulation whichever caller takes which slice', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 24 }), (takers) => {
        // takers[i]: the caller that took slice i of takers.length, as three workers racing for the shared claims might.
        const parts = [0, 1, 2].map((who) => {
          const mine = takers.flatMap((taker, index) => (taker === who ? [index] : []));
          return countShards(input, () => {
            const index = mine.shift();
            return index === undefined ? undefined : { index, of: takers.length };
          });
        });
        expect(parts.map((part) => part.slices)).toEqual([0, 1, 2].map((who) => takers.filter((t) => t === who).length));
        expect(countsDigest(mergeCounts(parts.map((part) => part.counts)))).toBe(expected);
      }),
      { numRuns: 12 },
    );
  });
});
