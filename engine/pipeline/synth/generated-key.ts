/** A generated artifact's matcher key, its path segments joined from the compiled catalog's folder and file parts when read. */
import type { ArtifactKey, PathKey } from '../../core/artifact-key.ts';

/**
 * A generated artifact's key, whose full path segments are joined from its profile folder's and its file's
 * on first read: a passive device looks up exclusions only for flagged artifacts (decide-artifact.ts), so
 * most of its artifacts never need them. The rest are the artifact's own fields; nothing here can change.
 */
export class GeneratedKey implements ArtifactKey {
  private joinedSegments: readonly string[] | undefined = undefined;
  readonly name: string;

  constructor(
    readonly folder: readonly string[],
    readonly file: PathKey,
    readonly process: PathKey | undefined,
    readonly sha256: string,
    readonly sha1: string,
    readonly md5: string,
    readonly certificate: string | undefined,
  ) {
    this.name = file.name;
  }

  get segments(): readonly string[] {
    return (this.joinedSegments ??= joined(this.folder, this.file.segments));
  }
}

/** `folder.concat(file)` as a sized copy: `Array.prototype.concat`'s generic path cost ~300 ns here, the copy ~50 ns. */
export function joined(folder: readonly string[], file: readonly string[]): string[] {
  const n = folder.length;
  const segments = new Array<string>(n + file.length);
  for (let i = 0; i < n; i++) segments[i] = folder[i]!;
  for (let i = 0; i < file.length; i++) segments[n + i] = file[i]!;
  return segments;
}
