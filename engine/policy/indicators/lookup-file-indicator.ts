/** The file/certificate indicator that applies to one artifact on one device (§5.4 hash and scope rules). */
import type { ArtifactKey } from '../../core/artifact-key.ts';
import { lowerHex } from '../artifact-key.ts';
import {
  BLOCKING_RANK,
  entryApplies,
  lookupTime,
  type IndexEntry,
  type IndicatorIndex,
  type IndicatorMatch,
} from './compile-indicators.ts';
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const blockingRank = BLOCKING_RANK;
const applies = entryApplies;

/** What a device knows about a file: its hashes (hex, any case) and its leaf signing certificate. */
export interface FileFacts {
  readonly sha256?: string;
  readonly sha1?: string;
  readonly md5?: string;
  /** Leaf certificate thumbprint; indicators on parent or child certificates never match (§5.1). */
  readonly certificate?: string;
  /** Microsoft-signed: certificate Block indicators do not apply (ioc-cert "can't be blocked", T59). */
  readonly microsoftSigned?: boolean;
  /**
   * The same hashes and certificate already lower-cased (an artifact's `key`): read instead of the fields above.
   * Its `place`, when set, only picks `FileIndicatorMemo`'s slot, and its `cell` is where that memo looks first.
   */
  readonly key?: Pick<ArtifactKey, 'sha256' | 'sha1' | 'md5' | 'certificate' | 'place' | 'cell'>;
}

/**
 * The winning file or certificate indicator, or undefined. Rules, in order (§5.4):
 * 1. among hash indicators, the strongest hash present wins — SHA-256 > SHA-1 > MD5 — regardless of
 *    device group (T40);
 * 2. for the same hash, an indicator scoped to the device's group beats an all-devices one (T41);
 * 3. then Block and remediate > Block > Warn > Allow > Audit (the ordered evaluation meets Block/Warn
 *    before Allow), then list order;
 * 4. [inference] a certificate indicator is chosen the same way (rules 2–3) and competes with the hash
 *    winner by rule 3 only: a Block on either side is met at step 3 before any Allow.
 * Expired indicators are gone from `at` on (T60); without `at` expiry is not checked.
 *
 * @example
 * lookupFileIndicator(index, { sha256: 'e3b0…', sha1: 'da39…' }, 'Finance', '2026-03-16T09:00:00Z')?.indicator.action; // 'Allowed'
 */
export function lookupFileIndicator(
  index: IndicatorIndex,
  file: FileFacts,
  deviceGroup: string | undefined,
  at?: string | number,
): IndicatorMatch | undefined {
  return fileWinner(index, lowerFacts(file), file.microsoftSigned === true, deviceGroup, lookupTime(index, at));
}

/** A file's hashes and certificate in the index's lower-case hex. */
export type LowerFacts = NonNullable<FileFacts['key']>;

/** The file's lower-case facts: its key as it is (issue 13 #1: the hot path tests no case), else its fields lowered. */
export function lowerFacts(file: FileFacts): LowerFacts {
  if (file.key !== undefined) return file.key;
  return {
    sha256: file.sha256 === undefined ? undefined : lowerHex(file.sha256),
    sha1: file.sha1 === undefined ? undefined : lowerHex(file.sha1),
    md5: file.md5 === undefined ? undefined : lowerHex(file.md5),
    certificate: file.certificate === undefined ? undefined : lowerHex(file.certificate),
  };
}

/** `lookupFileIndicator` on lower-case facts at an epoch-ms time (undefined: ignore expiry); `FileIndicatorMemo` calls it on a miss. */
export function fileWinner(
  index: IndicatorIndex,
  file: LowerFacts,
  microsoftSigned: boolean,
  deviceGroup: string | undefined,
  time: number | undefined,
): IndicatorMatch | undefined {
  // Unrolled strongest-first (SHA-256, SHA-1, MD5): this runs once per artifact, and a loop over the key
  // names made every property read a slow keyed one.
  let hashWinner = file.sha256 === undefined ? undefined : pick(index.sha256.get(file.sha256), deviceGroup, time);
  if (hashWinner === undefined && file.sha1 !== undefined) hashWinner = pick(index.sha1.get(file.sha1), deviceGroup, time);
  if (hashWinner === undefined && file.md5 !== undefined) hashWinner = pick(index.md5.get(file.md5), deviceGroup, time);
  const certWinner =
    file.certificate === undefined
      ? undefined
      : pick(index.certificate.get(file.certificate), deviceGroup, time, microsoftSigned);
  if (certWinner === undefined) return hashWinner?.match;
  if (hashWinner === undefined) return certWinner.match;
  return certWinner.fileRank > hashWinner.fileRank ? certWinner.match : hashWinner.match;
}

/** Best live, in-scope entry of one value: group scope, then action rank, then list order. */
function pick(
  entries: readonly IndexEntry[] | undefined,
  deviceGroup: string | undefined,
  time: number | undefined,
  skipBlocking = false,
): IndexEntry | undefined {
  if (entries === undefined) return undefined;
  let best: IndexEntry | undefined;
  for (const entry of entries) {
    if (!applies(entry, deviceGroup, time) || (skipBlocking && entry.fileRank >= blockingRank)) continue;
    if (best === undefined || better(entry, best)) best = entry;
  }
  return best;
}

function better(a: IndexEntry, b: IndexEntry): boolean {
  const scopeA = a.groups === undefined ? 0 : 1;
  const scopeB = b.groups === undefined ? 0 : 1;
  if (scopeA !== scopeB) return scopeA > scopeB;
  if (a.fileRank !== b.fileRank) return a.fileRank > b.fileRank;
  return a.order < b.order;
}

/**
 * A Block or Warn indicator that matches the file but lost to an Allow (a stronger hash or a group-scoped
 * Allow, §5.4), or undefined. It explains an `allowed` verdict: something would have flagged the file.
 *
 * @example
 * lookupOverruledBlock(index, { sha256: 'e3b0…', sha1: 'da39…' }, undefined)?.indicator.type; // 'FileSha1' (T40)
 */
export function lookupOverruledBlock(
  index: IndicatorIndex,
  file: FileFacts,
  deviceGroup: string | undefined,
  at?: string | number,
): IndicatorMatch | undefined {
  return overruledBlockOf(index, lowerFacts(file), deviceGroup, lookupTime(index, at));
}

/** `lookupOverruledBlock` on lower-case facts at an epoch-ms time (undefined: ignore expiry). */
export function overruledBlockOf(
  index: IndicatorIndex,
  file: LowerFacts,
  deviceGroup: string | undefined,
  time: number | undefined,
): IndicatorMatch | undefined {
  // Unrolled (SHA-256, SHA-1, MD5, certificate), as `fileWinner` is: a loop over the kind names made each read a keyed one.
  return (
    (file.sha256 === undefined ? undefined : blockIn(index.sha256.get(file.sha256), deviceGroup, time)) ??
    (file.sha1 === undefined ? undefined : blockIn(index.sha1.get(file.sha1), deviceGroup, time)) ??
    (file.md5 === undefined ? undefined : blockIn(index.md5.get(file.md5), deviceGroup, time)) ??
    (file.certificate === undefined ? undefined : blockIn(index.certificate.get(file.certificate), deviceGroup, time))
  );
}

/** The first live, in-scope Block or Warn entry of one value, in list order. */
function blockIn(
  entries: readonly IndexEntry[] | undefined,
  deviceGroup: string | undefined,
  time: number | undefined,
): IndicatorMatch | undefined {
  if (entries === undefined) return undefined;
  for (const entry of entries) {
    if (entry.fileRank >= blockingRank && applies(entry, deviceGroup, time)) return entry.match;
  }
  return undefined;
}
