/** Generated artifacts join their id and path on read, and read and write exactly as the plain objects they replace. */
import { describe, expect, it } from 'vitest';
import { benchInput } from '../../../bench/bench-shape.ts';
import { generateFrozenArtifacts } from '../../../bench/frozen-generator.ts';
import { generateSpecOf } from '../../../bench/stream-stage.ts';
import type { Artifact } from '../../../engine/core/artifact.ts';
import { PLACE_OPENERS } from '../../../engine/core/artifact-key.ts';
import { CATALOG } from '../../../engine/pipeline/synth/compile-catalog.ts';
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

  it('should be its own key, and write a plain copy of it: one object per artifact, JSON without a cycle', () => {
    const artifacts = [...generateArtifacts(spec, { seed: 2 })];
    expect(artifacts.every((artifact) => (artifact.key as unknown) === artifact)).toBe(true);
    const scan = artifacts.find((artifact) => artifact.trigger !== 'on-access')!;
    const opened = artifacts.find((artifact) => artifact.process !== undefined)!;
    for (const artifact of [scan, opened]) {
      const key = (artifact as GeneratedArtifact).toJSON().key!;
      expect(key).not.toBe(artifact);
      expect(Object.keys(key)).toEqual(['segments', 'name', 'opener', 'sha256', 'sha1', 'md5', 'certificate']);
      expect(key).toEqual({ ...key, segments: artifact.key!.segments, name: artifact.key!.name, opener: artifact.key!.opener });
      expect(JSON.parse(JSON.stringify(artifact)).key.segments).toEqual(artifact.key!.segments);
    }
    expect(scan.key!.opener).toBeUndefined();
    expect(opened.key!.opener?.name).toBe(opened.process!.split('\\').at(-1)!.toLowerCase());
  });

  it('should hold as own fields only what varies per artifact; folder, process and opener are read through its place', () => {
    const artifacts = [...generateArtifacts(spec, { seed: 5 })] as GeneratedArtifact[];
    // Issue 13, ninth pass: each own field is 8 B of every counted artifact; a new one should be a decision, not a drift.
    expect(Object.keys(artifacts[0]!).sort()).toEqual(['at', 'deviceIndex', 'place'].sort());
    const frozen = [...generateFrozenArtifacts(spec, { seed: 5 })];
    expect(artifacts.map((artifact) => [artifact.process, artifact.path])).toEqual(
      frozen.map((artifact) => [artifact.process, artifact.path]),
    );
    for (const artifact of artifacts) {
      const slot = Math.floor(artifact.place / (CATALOG.identities * PLACE_OPENERS)) - 1;
      if (slot < 0) expect(artifact.folder).toEqual([]);
      else expect(artifact.folder).toBe(CATALOG.profileSegments[slot]);
      expect(artifact.opener).toBe(CATALOG.openerKeys[artifact.place % PLACE_OPENERS]);
      expect(artifact.opener?.name).toBe(artifact.process?.split('\\').at(-1)!.toLowerCase());
      expect(artifact.segments).toEqual([...artifact.folder, ...artifact.file.segments]);
    }
    expect(artifacts.some((artifact) => artifact.opener === undefined)).toBe(true);
    expect(artifacts.some((artifact) => artifact.folder.length === 0)).toBe(true);
  });

  it('should read what its catalog line fixes from one shared record, not from copies of its own', () => {
    const artifacts = [...generateArtifacts(spec, { seed: 4 })];
    const own = Object.keys(artifacts[0]!);
    for (const field of ['class', 'kind', 'sha256', 'sha1', 'md5', 'certificate', 'threat', 'technique']) {
      expect(own).not.toContain(field);
    }
    const byLine = new Map<string, Artifact>();
    const shared = artifacts.filter((artifact) => {
      const line = `${artifact.sha256}|${artifact.threat}|${artifact.class}|${artifact.kind}`;
      const first = byLine.get(line);
      byLine.set(line, first ?? artifact);
      return first !== undefined && first.key!.file === artifact.key!.file && first.sha256 === artifact.sha256;
    });
    expect(shared.length).toBeGreaterThan(0);
    const repeats = artifacts.filter(
      (artifact) => byLine.get(`${artifact.sha256}|${artifact.threat}|${artifact.class}|${artifact.kind}`) !== artifact,
    );
    expect(shared.length).toBe(repeats.length);
  });
});
