/** Builds an artifact's {@link ArtifactKey}: the matchers' view of its path, opener and hashes, once per artifact. */
import type { Artifact } from '../core/artifact.ts';
import type { ArtifactKey, PathKey } from '../core/artifact-key.ts';
import { baseName, pathSegments } from './exclusions/normalize-path.ts';

/** The facts a key is made of: an artifact's own fields. */
export interface KeyFacts {
  readonly path: string;
  readonly process?: string;
  readonly sha256?: string;
  readonly sha1?: string;
  readonly md5?: string;
  readonly certificate?: string;
}

const UPPER_HEX = /[A-F]/;

/** Hex as the indicator index stores it; most values are already lower case and come back as they are. */
export function lowerHex(value: string): string {
  return UPPER_HEX.test(value) ? value.toLowerCase() : value;
}

/**
 * A path as the exclusion matcher splits it (`pathSegments`, lower case) with its last segment.
 *
 * @example
 * pathKey('C:\\Tools\\a.exe'); // { segments: ['c:', 'tools', 'a.exe'], name: 'a.exe' }
 */
export function pathKey(path: string): PathKey {
  const segments = pathSegments(path);
  return { segments, name: baseName(segments) };
}

/**
 * The key of an artifact: what `prepareTarget` and `lookupFileIndicator` would derive from its fields on
 * every lookup, derived once. `opener` is given as a ready key when the caller has one interned.
 *
 * @example
 * artifactKey({ path: 'C:\\Tools\\a.exe', sha256: 'AB…' }).sha256; // 'ab…'
 */
export function artifactKey(
  facts: KeyFacts,
  opener: PathKey | undefined = openerKey(facts.process),
  path = pathKey(facts.path),
): ArtifactKey {
  return {
    segments: path.segments,
    name: path.name,
    opener,
    sha256: facts.sha256 === undefined ? undefined : lowerHex(facts.sha256),
    sha1: facts.sha1 === undefined ? undefined : lowerHex(facts.sha1),
    md5: facts.md5 === undefined ? undefined : lowerHex(facts.md5),
    certificate: facts.certificate === undefined ? undefined : lowerHex(facts.certificate),
  };
}

/** An opener's key; none for no opener or an empty one, as the matcher treats both (§4.4 #30). */
export function openerKey(process: string | undefined): PathKey | undefined {
  return process === undefined || process === '' ? undefined : pathKey(process);
}

/**
 * The artifact with its key: as it is when it has one (the generator's), else a copy with the key derived
 * from its own fields (the timeline's written artifacts, once per run).
 *
 * @example
 * withKey(artifact).key?.segments; // ['c:', 'tools', 'a.exe']
 */
export function withKey(artifact: Artifact): Artifact {
  return artifact.key !== undefined ? artifact : { ...artifact, key: artifactKey(artifact) };
}
