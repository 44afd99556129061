import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../engine/core/artifact.ts';
import { generateArtifacts, generateArtifactsFor, generateDeviceArtifacts } from '../../../engine/pipeline/synth/index.ts';
import { DeviceMerge, pullerOf, slotsFor } from '../../../engine/pipeline/synth/device-merge.ts';
import { planGenerator } from '../../../engine/pipeline/synth/synth-plan.ts';
import { HeapMerge } from './heap-merge.ts';
import { isMergeOrdered, SPEC, smallSpec } from './spec-fixture.ts';

/** The obviously-right merge: every device's stream concatenated in device order, stably sorted by time. */
function referenceMerge(spec: typeof SPEC, seed: number, indexes: readonly number[]): Artifact[] {
  const all = [...new Set(indexes)].sort((a, b) => a - b).flatMap((index) => [...generateDeviceArtifacts(spec, index, { seed })]);
  return all.sort((a, b) => a.at - b.at);
}

describe('DeviceMerge (via generateArtifactsFor)', () => {
  it('should equal the full stream filtered to any subset of devices (sharding)', () => {
    fc.assert(
      fc.property(smallSpec, fc.integer(), fc.infiniteStream(fc.boolean()), (spec, seed, picks) => {
        const chosen = spec.devices.map((_, index) => index).filter(() => picks.next().value);
        const names = new Set(chosen.map((index) => spec.devices[index]));
        const full = [...generateArtifacts(spec, { seed })];
        const shard = [...generateArtifactsFor(spec, chosen, { seed })];
        expect(shard).toEqual(full.filter((artifact) => names.has(artifact.device)));
      }),
      { numRuns: 150 },
    );
  });

  it('should equal the stable time sort of the per-device streams (fast merge vs reference)', () => {
    fc.assert(
      fc.property(smallSpec, fc.integer(), (spec, seed) => {
        const indexes = spec.devices.map((_, index) => index);
        const merged = [...generateArtifacts(spec, { seed })];
        expect(merged).toEqual(referenceMerge(spec, seed, indexes));
        expect(isMergeOrdered(merged, spec.devices)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('should merge shards back into the full stream whatever the split', () => {
    const even = [0, 2];
    const odd = [1, 3];
    const byTime = (a: Artifact, b: Artifact): number =>
      a.at - b.at || SPEC.devices.indexOf(a.device) - SPEC.devices.indexOf(b.device);
    const rejoined = [...generateArtifactsFor(SPEC, even, { seed: 5 }), ...generateArtifactsFor(SPEC, odd, { seed: 5 })].sort(
      byTime,
    );
    expect(rejoined).toEqual([...generateArtifacts(SPEC, { seed: 5 })]);
  });

  it('should break ties at the same millisecond by device index, then sequence', () => {
    const spec = { ...SPEC, count: 6, devices: ['zeta', 'alpha', 'mid'], window: 1 };
    const artifacts = [...generateArtifacts(spec, { seed: 9 })];
    expect(artifacts.map((a) => a.id)).toEqual([
      'gen-1-zeta-0',
      'gen-1-zeta-1',
      'gen-1-alpha-0',
      'gen-1-alpha-1',
      'gen-1-mid-0',
      'gen-1-mid-1',
    ]);
  });

  it('should keep device-index order for shard indexes given unsorted, and ignore repeats and strays', () => {
    const ordered = [...generateArtifactsFor(SPEC, [1, 3], { seed: 4 })];
    const messy = [...generateArtifactsFor(SPEC, [3, 1, 3, 9, -1, 1.5], { seed: 4 })];
    expect(messy).toEqual(ordered);
  });

  it('should pull, without a result object, exactly the artifacts it iterates, then undefined for good', () => {
    const plan = planGenerator(SPEC, { seed: 4 });
    const merge = new DeviceMerge(plan, [0, 1, 2, 3]);
    const pulled: Artifact[] = [];
    for (let artifact = merge.pull(); artifact !== undefined; artifact = merge.pull()) pulled.push(artifact);
    expect(pulled).toEqual([...generateArtifacts(SPEC, { seed: 4 })]);
    expect([merge.pull(), merge.next().done]).toEqual([undefined, true]);
  });

  it('should read ahead each device row at its fleet index, at most once per artifact, and yield the same stream', () => {
    // Fleet indexes in reverse, one device outside the fleet (−1): only fleet devices' rows are read.
    const deviceIndexes = [3, 2, -1, 0];
    const plan = planGenerator(SPEC, { seed: 4, deviceIndexes });
    const merge = new DeviceMerge(plan, [0, 1, 2, 3]);
    const read = new Map<number, number>();
    const rows = new Proxy(new Float64Array(4 * 8), {
      get: (target, property) => {
        if (typeof property === 'string' && /^\d+$/.test(property))
          read.set(Number(property), (read.get(Number(property)) ?? 0) + 1);
        return Reflect.get(target, property) as unknown;
      },
    }) as Float64Array;
    merge.readAhead(rows, 8, 4);
    const pulled: Artifact[] = [];
    for (let artifact = merge.pull(); artifact !== undefined; artifact = merge.pull()) pulled.push(artifact);
    expect(pulled).toEqual([...generateArtifacts(SPEC, { seed: 4, deviceIndexes })]);
    const perRow = new Map<number, number>();
    for (const artifact of pulled)
      if (artifact.deviceIndex! >= 0)
        perRow.set(artifact.deviceIndex! * 8 + 4, (perRow.get(artifact.deviceIndex! * 8 + 4) ?? 0) + 1);
    // A settle reads each key it takes out of a slot; a key that lands in the current slot skips it, so at most once each.
    expect([...read.keys()].sort()).toEqual([...perRow.keys()].sort());
    for (const [at, times] of read) expect(times).toBeLessThanOrEqual(perRow.get(at)!);
  });

  it('should yield nothing for an empty shard', () => {
    expect([...generateArtifactsFor(SPEC, [], { seed: 4 })]).toEqual([]);
  });

  it('should handle more devices than artifacts (most devices get none)', () => {
    const devices = Array.from({ length: 500 }, (_, i) => `ws-${i}`);
    const spec = { ...SPEC, count: 7, devices };
    const artifacts = [...generateArtifacts(spec, { seed: 1 })];
    expect(artifacts.map((a) => a.device).sort()).toEqual(['ws-0', 'ws-1', 'ws-2', 'ws-3', 'ws-4', 'ws-5', 'ws-6']);
    expect(isMergeOrdered(artifacts, devices)).toBe(true);
  });
});

describe('DeviceMerge against the binary-heap merge it replaced (oracle in heap-merge.ts)', () => {
  /** Specs up to 300 devices and 1,500 artifacts, windows from 1 ms (ties everywhere) to a day. */
  const wideSpec = fc.record({
    devices: fc.integer({ min: 1, max: 300 }),
    count: fc.integer({ min: 0, max: 1500 }),
    window: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 86_400_000 })),
    at: fc.integer({ min: 0, max: 10_000_000 }),
  });

  it('should yield the same artifacts in the same order for any fleet, window, seed and shard', () => {
    fc.assert(
      fc.property(wideSpec, fc.integer(), fc.infiniteStream(fc.integer({ min: 0, max: 3 })), (shape, seed, picks) => {
        const devices = Array.from({ length: shape.devices }, (_, i) => `d-${i}`);
        const spec = { ...SPEC, count: shape.count, devices, window: shape.window, at: shape.at };
        const plan = planGenerator(spec, { seed });
        const chosen = devices.map((_, index) => index).filter(() => picks.next().value !== 0);
        expect([...new DeviceMerge(plan, chosen)]).toEqual([...new HeapMerge(plan, chosen)]);
      }),
      { numRuns: 60 },
    );
  });

  it('should keep the order when many devices tie at the same millisecond (window of 1 ms)', () => {
    const devices = Array.from({ length: 50 }, (_, i) => `d-${i}`);
    const plan = planGenerator({ ...SPEC, count: 400, devices, window: 1 }, { seed: 3 });
    const all = devices.map((_, index) => index);
    const merged = [...new DeviceMerge(plan, all)];
    expect(merged.map((a) => a.id)).toEqual([...new HeapMerge(plan, all)].map((a) => a.id));
    expect(isMergeOrdered(merged, devices)).toBe(true);
  });
});

describe('slotsFor', () => {
  it('should put about 4 pending artifacts in a slot, at most 256 slots per device and 2^22 in all', () => {
    expect(slotsFor(10_000_000, 1_000_000)).toBe(2_500_000);
    expect(slotsFor(1_000_000, 200)).toBe(51_200);
    expect(slotsFor(1e9, 1e6)).toBe(1 << 22);
    expect(slotsFor(0, 0)).toBe(1);
  });

  it('should keep about 4 devices in a slot at the bench sizes, up to 1,024 artifacts a device', () => {
    // Devices share a slot as artifacts / slots: a cap of 16 slots per device left 62 in each at the bench's 1,000 devices
    // and 1M artifacts (a 6-level near heap).
    expect(1_000_000 / slotsFor(1_000_000, 1_000)).toBeLessThanOrEqual(4);
    expect(1_024_000 / slotsFor(1_024_000, 1_000)).toBeLessThanOrEqual(4);
    expect(150_000 / slotsFor(150_000, 1_000)).toBeLessThanOrEqual(4);
  });

  it('should bound the calendar by the devices: a one-device event with a huge count takes 256 slots, not 2^22', () => {
    expect(slotsFor(Number.MAX_SAFE_INTEGER, 1)).toBe(256);
    // A timeline of many such events holds all their merges at once (simEvents): 50 of them must not take 50 × 16 MB.
    const plan = planGenerator({ ...SPEC, count: 4e9, devices: ['d-0'] }, { seed: 3 });
    const before = process.memoryUsage().arrayBuffers;
    const merges = Array.from({ length: 50 }, () => new DeviceMerge(plan, [0]));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 << 20);
    expect(merges.map((merge) => merge.pull()?.device)).toEqual(Array.from({ length: 50 }, () => 'd-0'));
  });

  it("should merge in the heap order when each device's artifacts span a thousand slots (4 devices × 1,000)", () => {
    const plan = planGenerator({ ...SPEC, count: 4_000, devices: Array.from({ length: 4 }, (_, i) => `d-${i}`) }, { seed: 3 });
    const merged = [...new DeviceMerge(plan, [0, 1, 2, 3])];
    expect(merged.map((a) => a.id)).toEqual([...new HeapMerge(plan, [0, 1, 2, 3])].map((a) => a.id));
  });
});

describe('pullerOf', () => {
  const pullAll = <T>(source: Iterator<T>): T[] => {
    const items = pullerOf(source);
    const out: T[] = [];
    for (let item = items.pull(); item !== undefined; item = items.pull()) out.push(item);
    return out;
  };

  it('should pull a lone merge directly and give exactly what iterating it gives', () => {
    fc.assert(
      fc.property(smallSpec, fc.integer(), (spec, seed) => {
        const merge = generateArtifacts(spec, { seed })[Symbol.iterator]();
        expect(merge).toBeInstanceOf(DeviceMerge);
        expect(pullerOf(merge)).toBe(merge);
        expect(pullAll(generateArtifacts(spec, { seed })[Symbol.iterator]())).toEqual([...generateArtifacts(spec, { seed })]);
      }),
      { numRuns: 30 },
    );
  });

  it('should wrap any other iterator and end where it ends, items in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (values) => {
        expect(pullAll(values[Symbol.iterator]())).toEqual(values);
      }),
    );
  });
});
