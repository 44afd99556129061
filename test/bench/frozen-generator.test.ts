import { describe, expect, it } from 'vitest';
import { benchInput } from '../../bench/bench-shape.ts';
import { generateFrozenArtifacts } from '../../bench/frozen-generator.ts';
import { generateSpecOf } from '../../bench/stream-stage.ts';
import { generateArtifacts } from '../../engine/pipeline/synth/index.ts';

describe('the frozen generator (G baseline)', () => {
  it("should produce the engine generator's artifacts field for field, on every field the frozen copy has", () => {
    const input = benchInput({ devices: 40, artifacts: 3_000, exclusions: 10, indicators: 10, seed: 11 });
    const spec = generateSpecOf(input);
    const frozen = [...generateFrozenArtifacts(spec, { seed: input.seed })];
    const live = [...generateArtifacts(spec, { seed: input.seed })];
    expect(frozen).toHaveLength(3_000);
    expect(live).toHaveLength(frozen.length);
    // The engine may add fields (interned segments, lower-cased hashes) to its artifacts; G must not.
    const same = frozen.every((artifact, index) => {
      const other = live[index] as unknown as Record<string, unknown>;
      return Object.entries(artifact).every(([key, value]) => JSON.stringify(other[key]) === JSON.stringify(value));
    });
    expect(same).toBe(true);
  });
});
