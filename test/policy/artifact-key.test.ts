import type { ArtifactKey } from '../../engine/core/artifact-key.ts';
import { describe, expect, it } from 'vitest';
import { artifactKey, pathKey, withKey } from '../../engine/policy/artifact-key.ts';
import { CATALOG, variantKey, variantName } from '../../engine/pipeline/synth/compile-catalog.ts';
import { generateArtifacts, plainArtifact } from '../../engine/pipeline/synth/index.ts';
import { SPEC, take } from '../pipeline/synth/spec-fixture.ts';

describe('artifactKey', () => {
  it('should split the path and opener as the exclusion matcher does and lower-case the hashes and certificate', () => {
    const key = artifactKey({
      path: 'C:\\Tools\\A.EXE',
      process: 'C:\\Windows\\Explorer.exe',
      sha256: 'AB12',
      certificate: 'CD',
    });
    expect(key).toEqual({
      segments: ['c:', 'tools', 'a.exe'],
      name: 'a.exe',
      opener: { segments: ['c:', 'windows', 'explorer.exe'], name: 'explorer.exe' },
      sha256: 'ab12',
      sha1: undefined,
      md5: undefined,
      certificate: 'cd',
    });
  });

  it('should give no opener key for an empty opener, as the matcher ignores it', () => {
    expect(artifactKey({ path: 'C:\\a.exe', process: '' }).opener).toBeUndefined();
  });

  it('should keep an artifact that has a key and give a written one a copy with its key', () => {
    const written = { ...plainArtifact(take(generateArtifacts(SPEC, { seed: 1 }), 1)[0]!), key: undefined };
    const keyed = withKey(written);
    expect(keyed).not.toBe(written);
    expect(keyed.key).toEqual(artifactKey(written));
    expect(withKey(keyed)).toBe(keyed);
  });
});

describe('the generator’s keys (issue 13 #1)', () => {
  it('should make every artifact with the key its own fields give, on workstations and servers', () => {
    const spec = { ...SPEC, count: 20_000, os: ['windows-11', 'windows-10', 'windows-11', 'server-2022'] as const };
    const artifacts = [...generateArtifacts({ ...spec, os: [...spec.os] }, { seed: 3 })];
    expect(artifacts.length).toBe(20_000);
    // Field by field: a generated key joins its folder's and file's segments on first read (a getter).
    const fields = (key: ArtifactKey | undefined) =>
      key && {
        segments: key.segments,
        name: key.name,
        opener: key.opener,
        sha256: key.sha256,
        sha1: key.sha1,
        md5: key.md5,
        certificate: key.certificate,
      };
    for (const artifact of artifacts) expect(fields(artifact.key)).toEqual(artifactKey(artifact));
  });

  it('should split every catalog file under every profile folder exactly as its whole path splits', () => {
    let checked = 0;
    for (const table of [CATALOG.workstation, CATALOG.server])
      for (const template of table.flat()) {
        const name = variantName(template, 0);
        const slots =
          template.folder < 0 ? [-1] : CATALOG.profilePaths.map((_, slot) => slot).filter((slot) => slot % 8 === template.folder);
        for (const slot of slots) {
          const path = slot < 0 ? name : `${CATALOG.profilePaths[slot]}${name}`;
          const segments =
            slot < 0
              ? variantKey(template, 0).segments
              : [...CATALOG.profileSegments[slot]!, ...variantKey(template, 0).segments];
          expect(segments).toEqual(pathKey(path).segments);
          checked++;
        }
        template.openerKeys.forEach((key, i) => expect(key).toEqual(pathKey(template.openers[i]!)));
      }
    expect(checked).toBeGreaterThan(100);
  });
});
