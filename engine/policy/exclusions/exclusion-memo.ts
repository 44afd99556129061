/** A bounded memo of one matcher's answers for generated targets: one open-addressing probe keyed by the key's place. */
import { SCAN_TYPES, TRIGGERS } from '../../core/vocabulary.ts';
import type { ExclusionMatch, ExclusionTarget } from './exclusion-entry.ts';

/**
 * Answers kept per matcher, hits and misses alike (≈ 32 B each at the limit: two 8 B slots, half full). A default bench run (1M artifacts)
 * looks up ≈ 400,000 targets, ≈ 100,000 of them distinct; past the limit 74 % still hit (75 % with no limit); over
 * 10M artifacts 78 % (85 % at four times the limit).
 */
export const MEMO_LIMIT = 65_536;

/** Target codes per place: trigger × scanType (unset, quick, full) × isFolder (unset, false, true). */
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, and codeOf runs per lookup.
const triggers = TRIGGERS;
const scanTypes = SCAN_TYPES;
const CODES = TRIGGERS.length * (SCAN_TYPES.length + 1) * 3;
/** Slots of a new table: small, so a matcher that sees few generated targets (a timeline's) costs little. */
const FIRST_CAPACITY = 1024;
/** Marks an empty slot: keys are non-negative. */
const EMPTY = -1;

/**
 * The target's trigger, scanType and isFolder as one number below `CODES`, raw (`scanType` unset and `full` are
 * kept apart, which only costs a second entry); -1 for a value outside the vocabulary, which is never memoised.
 */
function codeOf(target: ExclusionTarget): number {
  const trigger = triggers.indexOf(target.trigger);
  const scanType = target.scanType;
  const scan = scanType === undefined ? 0 : scanTypes.indexOf(scanType) + 1;
  const isFolder = target.isFolder;
  const folder = isFolder === undefined ? 0 : isFolder === false ? 1 : isFolder === true ? 2 : -1;
  if (trigger < 0 || (scan === 0 && scanType !== undefined) || folder < 0) return -1;
  return (trigger * (scanTypes.length + 1) + scan) * 3 + folder;
}

/**
 * Remembers `compute(target)` for targets whose key carries a place (`ArtifactKey.place`). The matcher's answer is
 * a pure function of the prepared target: segments and name and the opener when the matcher reads one (all fixed by
 * the place the caller passes: the key's, or its path part alone when no entry reads processes), trigger, scanType
 * and isFolder; the matcher's entries, options and reparse points are fixed at compile time. All of those are the
 * memo's key, one number (`place × CODES + code`, exact below 2^53), looked up in a power-of-two open-addressing
 * table (typed array of keys, parallel answers, linear probing) at most half full: one probe over 16 B a slot,
 * where nested `Map`s by identity cost two hash lookups over cold objects (issue 13, profile of P: 11 %). Past
 * `limit` answers it stops adding: what it holds stays valid and keeps hitting, nothing is rebuilt or collected,
 * and a stream of ever-new keys costs one `compute` each, as without a memo. Clearing instead would drop the
 * frequent targets, which come first, for whichever came last, and refill again.
 *
 * @example
 * const memo = new ExclusionMemo((target) => matcher.match(target));
 * memo.match(target, artifact.key.place); // computed, then remembered
 */
export class ExclusionMemo {
  /** Answers held; never above `limit`. */
  size = 0;
  private keys = new Float64Array(FIRST_CAPACITY).fill(EMPTY);
  private answers = new Array<ExclusionMatch | undefined>(FIRST_CAPACITY).fill(undefined);
  private mask = FIRST_CAPACITY - 1;

  constructor(
    private readonly compute: (target: ExclusionTarget) => ExclusionMatch | undefined,
    private readonly limit = MEMO_LIMIT,
  ) {}

  /** The answer for `target`, whose key's content (and opener, when read) `place` stands for. */
  match(target: ExclusionTarget, place: number): ExclusionMatch | undefined {
    const code = codeOf(target);
    if (code < 0) return this.compute(target);
    const key = place * CODES + code;
    const keys = this.keys;
    const mask = this.mask;
    let slot = slotOf(key, mask);
    for (let seen = keys[slot]!; seen !== EMPTY; seen = keys[slot]!) {
      if (seen === key) return this.answers[slot];
      slot = (slot + 1) & mask;
    }
    const answer = this.compute(target);
    if (this.size >= this.limit) return answer;
    if ((this.size + 1) * 2 > keys.length) {
      this.grow();
      slot = this.free(key);
    }
    this.keys[slot] = key;
    this.answers[slot] = answer;
    this.size++;
    return answer;
  }

  /** Doubles the table and reinserts what it holds, so it stays at most half full. */
  private grow(): void {
    const keys = this.keys;
    const answers = this.answers;
    const capacity = keys.length * 2;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.answers = new Array<ExclusionMatch | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === EMPTY) continue;
      const slot = this.free(key);
      this.keys[slot] = key;
      this.answers[slot] = answers[i];
    }
  }

  /** The first empty slot on `key`'s probe path. */
  private free(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = slotOf(key, mask);
    while (keys[slot] !== EMPTY) slot = (slot + 1) & mask;
    return slot;
  }
}

/** Mixes both 32-bit halves of an integer key below 2^53 into a slot (murmur3's finaliser on the halves). */
function slotOf(key: number, mask: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul((key / 4_294_967_296) | 0, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return h & mask;
}
