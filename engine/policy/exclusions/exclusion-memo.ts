/** A bounded memo of one matcher's answers for generated targets, keyed by the identity of their interned path parts. */
import type { PathKey } from '../../core/artifact-key.ts';
import type { ExclusionMatch, ExclusionTarget } from './exclusion-entry.ts';

/**
 * Answers kept per matcher, hits and misses alike: ≈ 130 B each (measured), so ≤ ≈ 8.5 MB. A default bench run
 * (1M artifacts) looks up ≈ 400,000 targets, ≈ 100,000 of them distinct; past the limit 74 % still hit (75 % with no
 * limit); over 10M artifacts 78 % (85 % at four times the limit).
 */
export const MEMO_LIMIT = 65_536;

/** Fields per remembered answer in a row: process, trigger, scanType, isFolder, answer. */
const STRIDE = 5;
/**
 * Answers per (folder, file) row, so a scan stays short whatever the caller sends. A catalog line has at most 4
 * openers; a file identity shared by several lines gets more: the longest row of a 1M-artifact bench stream held 21.
 */
const ROW_LIMIT = 32 * STRIDE;

/**
 * Remembers `compute(target)` for targets whose key carries interned parts (`ArtifactKey.folder` and `file`).
 * The matcher's answer is a pure function of the prepared target: segments and name (fixed by `folder` and
 * `file`, whose identity stands for their content within a run), isFolder, trigger, scanType and the opener
 * when the matcher reads one (`process`, the key's opener or `undefined`); the matcher's entries, options and
 * reparse points are fixed at compile time. All of those are the memo's key: folder and file by identity, then a
 * short row per pair (at most 32 answers) scanned for the rest with `===` (raw values: `scanType` undefined and
 * `full` are kept apart, which only costs a second entry). Past `limit` answers it stops adding: what it holds
 * stays valid and keeps hitting, nothing is rebuilt or collected, and a stream of ever-new keys costs one
 * `compute` each, as without a memo. Clearing instead would drop the frequent targets, which come first, for
 * whichever came last, and refill (allocate) again.
 *
 * @example
 * const memo = new ExclusionMemo((target) => matcher.match(target));
 * memo.match(artifact, artifact.key.folder, artifact.key.file, artifact.key.opener); // computed, then remembered
 */
export class ExclusionMemo {
  private readonly folders = new Map<readonly string[], Map<PathKey, unknown[]>>();
  /** Answers held; never above `limit`. */
  size = 0;

  constructor(
    private readonly compute: (target: ExclusionTarget) => ExclusionMatch | undefined,
    private readonly limit = MEMO_LIMIT,
  ) {}

  /** The answer for `target`, whose key's parts are `folder` and `file`; `process` is the opener the matcher reads. */
  match(
    target: ExclusionTarget,
    folder: readonly string[],
    file: PathKey,
    process: PathKey | undefined,
  ): ExclusionMatch | undefined {
    const trigger = target.trigger;
    const scanType = target.scanType;
    const isFolder = target.isFolder;
    let files = this.folders.get(folder);
    let row = files?.get(file);
    if (row !== undefined) {
      for (let i = 0; i < row.length; i += STRIDE) {
        if (row[i] === process && row[i + 1] === trigger && row[i + 2] === scanType && row[i + 3] === isFolder) {
          return row[i + 4] as ExclusionMatch | undefined;
        }
      }
    }
    const answer = this.compute(target);
    if (this.size >= this.limit || (row !== undefined && row.length >= ROW_LIMIT)) return answer;
    if (files === undefined) this.folders.set(folder, (files = new Map()));
    // Most rows keep one answer: a literal is sized for it, where `push` on `[]` would reserve 17 slots.
    if (row === undefined) files.set(file, [process, trigger, scanType, isFolder, answer]);
    else row.push(process, trigger, scanType, isFolder, answer);
    this.size++;
    return answer;
  }
}
