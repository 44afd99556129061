import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng, RngBank } from '../../../engine/core/random.ts';
import {
  DeviceStream,
  pendingAt,
  startStream,
  STREAM_ROW_WORDS,
  takeFromStream,
} from '../../../engine/pipeline/synth/device-stream.ts';
import { artifactsOfDevice } from '../../../engine/pipeline/synth/index.ts';
import { planGenerator } from '../../../engine/pipeline/synth/synth-plan.ts';
import { SPEC } from './spec-fixture.ts';

describe('artifactsOfDevice', () => {
  it('should give device i floor(count/N), plus one when i < count % N, summing to count', () => {
    expect([0, 1, 2].map((i) => artifactsOfDevice(10, 3, i))).toEqual([4, 3, 3]);
    expect([0, 1, 2, 3, 4].map((i) => artifactsOfDevice(2, 5, i))).toEqual([1, 1, 0, 0, 0]);
    expect(artifactsOfDevice(7, 0, 0)).toBe(0);
  });
});

describe('DeviceStream', () => {
  const plan = planGenerator({ ...SPEC, count: 8 }, { seed: 7 });
  if (plan === undefined) throw new Error('the fixture spec is valid');

  it('should replay exactly when re-created', () => {
    const first = new DeviceStream(plan, 1);
    const second = new DeviceStream(plan, 1);
    expect(second.at).toBe(first.at);
    while (!first.done) expect(second.take()).toEqual(first.take());
    expect(second.done).toBe(true);
  });

  it('should expose the pending time, then Infinity once done', () => {
    const stream = new DeviceStream(plan, 0);
    expect(stream.n).toBe(2);
    const pending = stream.at;
    expect(stream.take().at).toBe(pending);
    stream.take();
    expect(stream.done).toBe(true);
    expect(stream.at).toBe(Infinity);
  });

  it('should draw only from Rng.from(seed).derive(`${id}:${device}`)', () => {
    // Same derivation, same first draw: the user pick comes first, then the slot-0 jitter.
    const rng = Rng.from(7).derive('gen-1:ws-02');
    rng.next();
    const jitter = rng.next();
    const stream = new DeviceStream(plan, 1);
    expect(stream.at).toBe(SPEC.at + Math.floor((jitter * SPEC.window) / 2));
  });

  it('should yield the same artifacts and times from rows of one shared RngBank, in any interleaving, as a stream of its own', () => {
    const wide = planGenerator({ ...SPEC, count: 40 }, { seed: 11 });
    if (wide === undefined) throw new Error('the fixture spec is valid');
    const devices = SPEC.devices.length;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: devices - 1 }), { maxLength: 60 }), (order) => {
        const bank = new RngBank(devices, STREAM_ROW_WORDS);
        // Rows in reverse order of devices: a row is a position, not a device index.
        const rowOf = (index: number): number => devices - 1 - index;
        const pending = SPEC.devices.map((_, index) => startStream(wide, index, bank, rowOf(index)));
        const own = SPEC.devices.map((_, index) => new DeviceStream(wide, index));
        for (const index of order) {
          expect(pending[index]).toBe(own[index]!.at);
          if (own[index]!.done) continue;
          expect(takeFromStream(wide, bank, rowOf(index), pending[index]!)).toEqual(own[index]!.take());
          pending[index] = pendingAt(wide, bank, rowOf(index));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('planGenerator', () => {
  it('should refuse specs whose scalar fields are invalid, naming every problem', () => {
    expect(() => planGenerator({ ...SPEC, count: 1.5 }, { seed: 1 })).toThrow(RangeError);
    expect(() => planGenerator({ ...SPEC, count: -1, detection: { primaryAv: 2, mdav: 1, edr: 1 } }, { seed: 1 })).toThrow(
      'generate.count: count must be a non-negative integer; generate.detection.primaryAv: chance must be between 0 and 1',
    );
  });

  it('should normalise the mix into cumulative thresholds', () => {
    const normalised = planGenerator({ ...SPEC, mix: { malicious: 5, pua: 2, benign: 93 } }, { seed: 1 });
    expect(normalised?.malicious).toBeCloseTo(0.05, 12);
    expect(normalised?.maliciousOrPua).toBeCloseTo(0.07, 12);
    expect(planGenerator({ ...SPEC, mix: { malicious: 1, pua: 2, benign: 0 } }, { seed: 1 })?.maliciousOrPua).toBe(1);
  });
});
