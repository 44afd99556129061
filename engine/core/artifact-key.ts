/** What the decision reads of an artifact, derived once when the artifact is made, never per decision. */

/** A path split as exclusions match it: lower-case segments and the last one, the file or image name. */
export interface PathKey {
  readonly segments: readonly string[];
  readonly name: string;
}

/**
 * An artifact's path and opener split and lower-cased as the exclusion matcher reads them, and its hashes
 * and certificate in the lower-case hex the indicator index stores. Built by `artifactKey`
 * (`engine/policy/artifact-key.ts`) once per run for the timeline's written artifacts; a generated artifact is
 * its own key (`GeneratedArtifact`, from the generator's compiled catalog). Pure data of the artifact's own
 * fields, so it never changes a decision. Internal: no report or scenario field.
 */
export interface ArtifactKey extends PathKey {
  /**
   * The opener's path split, when the artifact has one (a scan has none, §4.4 #30). Not `process`: a generated
   * artifact is its own key, and its `process` is the opener's path as a string (`Artifact.process`).
   */
  readonly opener: PathKey | undefined;
  readonly sha256: string | undefined;
  readonly sha1: string | undefined;
  readonly md5: string | undefined;
  readonly certificate: string | undefined;
  /**
   * Interned parts of `segments`, set by the generator only (issue 13): `segments` equals `folder` followed by
   * `file.segments`, and `name` is `file.name`. Within a run equal content means the same objects (the compiled
   * catalog interns them) and neither is ever mutated; the exclusion matcher walks them without joining them on a
   * miss (`prepare-target.ts`). A key without both (a timeline artifact's) is walked by `segments`.
   */
  readonly folder?: readonly string[];
  readonly file?: PathKey;
  /**
   * A number for the key's content, set by the generator only (issue 13): a non-negative integer below 2^53 such
   * that, within a run, equal `place` means equal `segments`, `name` and opener (segments and name), and equal
   * `place - place % PLACE_OPENERS` means equal `segments` and `name` (the low part is the opener's: 0 for none).
   * Different places may still have equal content. The generator computes it from its catalog's global indexes
   * (profile-folder slot, file identity, opener); the exclusion matcher memoises by it (`exclusion-memo.ts`), and the
   * indicator memo picks a slot by it (`file-indicator-memo.ts`, which still compares the hashes: equal place does
   * not mean equal hashes across two generate events). A key without it (a timeline artifact's) takes the
   * unmemoised exclusion path and a slot from its hash.
   */
  readonly place?: number;
  /**
   * A cell for the key's hashes and certificate, set by the generator only (issue 13, eighth pass): one object per
   * catalog line, and keys with the same cell have equal `sha256`, `sha1`, `md5` and `certificate` (the line's own,
   * fixed when it is made). `FileIndicatorMemo` keeps its latest answer for those values there, next to what the
   * decision reads of the line anyway, and checks only the rest of its key before using it. A timeline key has none.
   */
  readonly cell?: AnswerCell;
}

/**
 * Where the indicator memo keeps one answer per catalog line (`ArtifactKey.cell`): a candidate that the memo checks
 * against the rest of its key (index, Microsoft-signed, group, time) before using it. At most one answer per line.
 */
export interface AnswerCell {
  indicatorAnswer: unknown;
}

/** The radix of `ArtifactKey.place`'s opener part: `place % PLACE_OPENERS` is the opener's, 0 for none. */
export const PLACE_OPENERS = 32;
