/** Generator specs and helpers shared by the synth tests. */
import fc from 'fast-check';
import type { Artifact } from '../../../engine/core/artifact.ts';
import type { GenerateSpec } from '../../../engine/pipeline/synth/index.ts';

/** The contract's example `generate:` event (§1), at 15m over 1h. */
export const SPEC: GenerateSpec = {
  id: 'gen-1',
  at: 900_000,
  count: 1000,
  devices: ['ws-01', 'ws-02', 'ws-03', 'srv-01'],
  window: 3_600_000,
  mix: { malicious: 0.05, pua: 0.02, benign: 0.93 },
  detection: { primaryAv: 0.9, mdav: 0.95, edr: 0.8 },
};

/** Takes at most `n` items from an iterable without touching the rest. */
export function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

/** True when `artifacts` are ordered by time, then device index (in `devices`), then sequence number. */
export function isMergeOrdered(artifacts: readonly Artifact[], devices: readonly string[]): boolean {
  const rank = new Map(devices.map((name, index) => [name, index]));
  const sequence = (artifact: Artifact): number => Number(artifact.id.slice(artifact.id.lastIndexOf('-') + 1));
  for (let i = 1; i < artifacts.length; i++) {
    const a = artifacts[i - 1] as Artifact;
    const b = artifacts[i] as Artifact;
    const order = a.at - b.at || (rank.get(a.device) ?? 0) - (rank.get(b.device) ?? 0) || sequence(a) - sequence(b);
    if (order >= 0) return false;
  }
  return true;
}

/** Small valid specs: up to 8 devices, up to 80 artifacts, windows from 1 ms (many ties) to a day. */
export const smallSpec: fc.Arbitrary<GenerateSpec> = fc.record({
  id: fc.constantFrom('gen-1', 'gen-2', 'g'),
  at: fc.integer({ min: 0, max: 10_000_000 }),
  count: fc.integer({ min: 0, max: 80 }),
  devices: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}-\d{1,2}$/), { minLength: 1, maxLength: 8 }),
  window: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 86_400_000 })),
  mix: fc.record({
    malicious: fc.double({ min: 0, max: 1, noNaN: true }),
    pua: fc.double({ min: 0, max: 1, noNaN: true }),
    benign: fc.constant(0.5),
  }),
  detection: fc.record({
    primaryAv: fc.double({ min: 0, max: 1, noNaN: true }),
    mdav: fc.double({ min: 0, max: 1, noNaN: true }),
    edr: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
});
