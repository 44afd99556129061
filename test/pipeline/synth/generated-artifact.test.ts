/** Generated artifacts join their id and path on read, and read and write exactly as the plain objects they replace. */
import { describe, expect, it } from 'vitest';
import { benchInput } from '../../../bench/bench-shape.ts';
import { generateFrozenArtifacts } from '../../../bench/frozen-generator.ts';
import { generateSpecOf } from '../../../bench/stream-stage.ts';
import { GeneratedArtifact, generateArtifacts, plainArtifact } from '../../../engine/pipeline/synth/index.ts';

const input = benchInput({ devices: 30, artifacts: 1_500, exclusions: 10, indicators: 10, seed: 3 });
const spec = generateSpecOf(input);

describe('GeneratedArtifact', () => {
  it('should write the JSON of the plain artifact the generator made before (the frozen copy): same fields, same order', () => {
    const frozen = [...generateFrozenArtifacts(spec, { seed: input.seed })];
    const live = [...generateArtifacts(spec, { seed: input.seed })];
    expect(live.every((artifact) => artifact instanceof GeneratedArtifact)).toBe(true);
    const mismatches = frozen.filter((artifact, index) => {
      const written = JSON.parse(JSON.stringify(live[index])) as Record<string, unknown>;
      // The live artifact adds `key` and `deviceIndex` after the frozen fields (issue 13 #1).
      const shared = Object.keys(written).filter((field) => field in artifact);
      return JSON.stringify(Object.fromEntries(shared.map((field) => [field, written[field]]))) !== JSON.stringify(artifact);
    });
    expect(mismatches).toEqual([]);
  });

  it('should keep id and path in a spread copy made through plainArtifact, and lose them in a bare spread', () => {
    const artifact = [...generateArtifacts(spec, { seed: 1 })][7]!;
    expect(artifact.id).toMatch(/^gen-\d+-.+-\d+$/);
    expect(artifact.path).toMatch(/\\/);
    const copy = { ...plainArtifact(artifact), key: undefined };
    expect([copy.id, copy.path, copy.device]).toEqual([artifact.id, artifact.path, artifact.device]);
    expect(Object.keys({ ...artifact })).not.toContain('id');
  });
});
