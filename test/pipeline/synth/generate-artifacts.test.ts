import { describe, expect, it } from 'vitest';
import { generateArtifacts, generateArtifactsFor, generateDeviceArtifacts } from '../../../engine/pipeline/synth/index.ts';
import { isMergeOrdered, SPEC, take } from './spec-fixture.ts';

describe('generateArtifacts', () => {
  it('should yield the same stream, byte for byte, for the same spec and seed', () => {
    const first = [...generateArtifacts(SPEC, { seed: 7 })];
    const second = [...generateArtifacts(SPEC, { seed: 7 })];
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('should yield a different stream for a different seed', () => {
    const seven = JSON.stringify([...generateArtifacts(SPEC, { seed: 7 })]);
    const eight = JSON.stringify([...generateArtifacts(SPEC, { seed: 8 })]);
    expect(eight).not.toBe(seven);
  });

  it('should yield a different stream for a different generator id on the same devices', () => {
    const paths = (id: string): string[] => [...generateArtifacts({ ...SPEC, id }, { seed: 7 })].map((a) => a.path);
    expect(paths('gen-2')).not.toEqual(paths('gen-1'));
  });

  it('should yield exactly count artifacts, each inside [at, at + window) on a listed device', () => {
    const artifacts = [...generateArtifacts(SPEC, { seed: 7 })];
    expect(artifacts).toHaveLength(SPEC.count);
    for (const artifact of artifacts) {
      expect(artifact.at).toBeGreaterThanOrEqual(SPEC.at);
      expect(artifact.at).toBeLessThan(SPEC.at + SPEC.window);
      expect(Number.isInteger(artifact.at)).toBe(true);
      expect(SPEC.devices).toContain(artifact.device);
    }
  });

  it('should sort by time, then device index, then sequence, with unique ids', () => {
    const artifacts = [...generateArtifacts(SPEC, { seed: 7 })];
    expect(isMergeOrdered(artifacts, SPEC.devices)).toBe(true);
    expect(new Set(artifacts.map((a) => a.id)).size).toBe(artifacts.length);
  });

  it('should split count as floor(count/N) plus one for the first count % N devices', () => {
    const artifacts = [...generateArtifacts({ ...SPEC, count: 10, devices: ['a', 'b', 'c', 'd'] }, { seed: 1 })];
    const perDevice = ['a', 'b', 'c', 'd'].map((name) => artifacts.filter((a) => a.device === name).length);
    expect(perDevice).toEqual([3, 3, 2, 2]);
  });

  it('should name artifacts `${id}-${device}-${k}` with k counting each device from 0', () => {
    const artifacts = [...generateArtifacts({ ...SPEC, count: 6, devices: ['ws-01', 'ws-02'] }, { seed: 3 })];
    expect(artifacts.map((a) => a.id).sort()).toEqual([
      'gen-1-ws-01-0',
      'gen-1-ws-01-1',
      'gen-1-ws-01-2',
      'gen-1-ws-02-0',
      'gen-1-ws-02-1',
      'gen-1-ws-02-2',
    ]);
  });

  it('should start over and yield the same artifacts on every iteration of the returned iterable', () => {
    const stream = generateArtifacts(SPEC, { seed: 7 });
    expect([...stream]).toEqual([...stream]);
  });

  it('should stay sorted and inside the window when there are more artifacts than milliseconds', () => {
    const spec = { ...SPEC, count: 500, devices: ['a', 'b'], window: 10 };
    const artifacts = [...generateArtifacts(spec, { seed: 11 })];
    expect(artifacts).toHaveLength(500);
    expect(isMergeOrdered(artifacts, spec.devices)).toBe(true);
    expect(Math.max(...artifacts.map((a) => a.at))).toBeLessThan(spec.at + spec.window);
  });

  it('should put every artifact at `at` when the window is under one millisecond', () => {
    const artifacts = [...generateArtifacts({ ...SPEC, count: 5, window: 0.5 }, { seed: 2 })];
    expect(artifacts.map((a) => a.at)).toEqual([SPEC.at, SPEC.at, SPEC.at, SPEC.at, SPEC.at]);
  });

  it('should take the first 10 of 10^9 artifacts promptly, never materialising the stream', () => {
    const started = performance.now();
    const first = take(generateArtifacts({ ...SPEC, count: 1_000_000_000 }, { seed: 7 }), 10);
    expect(first).toHaveLength(10);
    expect(isMergeOrdered(first, SPEC.devices)).toBe(true);
    // Materialising 10^9 artifacts would take minutes and run out of memory; 10 take microseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('should yield nothing for count 0, and put all count artifacts at `at` for a window of 0', () => {
    expect([...generateArtifacts({ ...SPEC, count: 0 }, { seed: 7 })]).toEqual([]);
    const atStart = [...generateArtifacts({ ...SPEC, count: 9, window: 0 }, { seed: 7 })];
    expect(atStart.map((artifact) => artifact.at)).toEqual(Array(9).fill(SPEC.at));
  });

  it('should refuse a spec its validation rejects rather than yield nothing for it', () => {
    expect(() => generateArtifacts({ ...SPEC, count: -5 }, { seed: 7 })).toThrow(
      /^generate\.count: count must be a non-negative integer$/,
    );
    expect(() => generateArtifacts({ ...SPEC, window: -1 }, { seed: 7 })).toThrow(/generate\.window/);
    expect(() => generateArtifactsFor({ ...SPEC, mix: { malicious: 0, pua: 0, benign: 0 } }, [0], { seed: 7 })).toThrow(
      /generate\.mix/,
    );
  });
});

describe('generateDeviceArtifacts', () => {
  it('should yield one device’s artifacts in sequence and time order', () => {
    const artifacts = [...generateDeviceArtifacts(SPEC, 3, { seed: 7 })];
    expect(artifacts).toHaveLength(250);
    expect(artifacts.map((a) => a.id)).toEqual(artifacts.map((_, k) => `gen-1-srv-01-${k}`));
    expect(artifacts.every((a, k) => k === 0 || (artifacts[k - 1]?.at ?? 0) <= a.at)).toBe(true);
  });

  it('should place the k-th of n artifacts in slot k of the window (stratified times)', () => {
    const n = 250;
    const slot = SPEC.window / n;
    const artifacts = [...generateDeviceArtifacts(SPEC, 0, { seed: 7 })];
    artifacts.forEach((artifact, k) => {
      expect(artifact.at - SPEC.at).toBeGreaterThanOrEqual(Math.floor(k * slot));
      expect(artifact.at - SPEC.at).toBeLessThan(Math.ceil((k + 1) * slot));
    });
  });

  it('should yield nothing for an index outside the device list', () => {
    expect([...generateDeviceArtifacts(SPEC, 4, { seed: 7 })]).toEqual([]);
    expect([...generateDeviceArtifacts(SPEC, -1, { seed: 7 })]).toEqual([]);
    expect([...generateDeviceArtifacts(SPEC, 0.5, { seed: 7 })]).toEqual([]);
  });
});
