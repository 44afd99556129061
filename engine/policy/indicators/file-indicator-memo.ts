/** A bounded memo of file-indicator lookups per compiled index and device group: the hot path's hash tuples repeat. */
import { PLACE_OPENERS } from '../../core/artifact-key.ts';
import { hashString } from '../../core/random.ts';
import { lookupTime, type IndexEntry, type IndicatorIndex, type IndicatorMatch } from './compile-indicators.ts';
import { fileWinner, lowerFacts, overruledBlockOf, type FileFacts, type LowerFacts } from './lookup-file-indicator.ts';
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const placeOpeners = PLACE_OPENERS;
const timeOf = lookupTime;
const winnerOf = fileWinner;
const lowerOf = lowerFacts;
const overruledOf = overruledBlockOf;

/**
 * Slots of one index's memo, shared by all its groups: at most this many answers are kept, whatever the
 * input (a stream of unique hashes only overwrites slots). 2^16 slots, ≈ 7 MB when all are full.
 */
export const MEMO_SLOTS = 1 << 16;

/** Not computed yet: an answer fills its winner and overruled block on first ask. */
const UNKNOWN = null;

/** One lookup's answer: the facts it is for, the times over which it holds, the winner, the overruled block. */
class Answer implements LowerFacts {
  winner: IndicatorMatch | undefined | typeof UNKNOWN = UNKNOWN;
  overruled: IndicatorMatch | undefined | typeof UNKNOWN = UNKNOWN;
  constructor(
    /** The store of slots (one per index) that made it: a catalog line's cell is shared by every index's memo. */
    readonly store: number,
    readonly sha256: string | undefined,
    readonly sha1: string | undefined,
    readonly md5: string | undefined,
    readonly certificate: string | undefined,
    readonly signed: boolean,
    readonly group: string | undefined,
    /** The latest expiry at or before the lookup time among the facts' entries (−∞: none). */
    public from: number,
    /** The earliest expiry after the lookup time among the facts' entries (∞: none). */
    public until: number,
  ) {}

  /**
   * This answer holds for a lookup of the same facts (the caller checked those, or the key's cell stands for them):
   * same store (so same index), Microsoft-signed, group, and a time inside its interval. Without expiries every answer
   * holds from −∞ to ∞; with them, a lookup that ignores expiry (`time` NaN: `lookupTime`'s undefined) is its own
   * case and never answered from memory.
   */
  holdsFor(store: number, signed: boolean, group: string | undefined, time: number, hasExpiry: boolean): boolean {
    return (
      this.store === store &&
      this.signed === signed &&
      this.group === group &&
      (time !== time ? !hasExpiry : this.from <= time && time < this.until)
    );
  }

  /** {@link holdsFor}, and the four values equal this answer's by value. */
  holds(
    store: number,
    sha256: string | undefined,
    sha1: string | undefined,
    md5: string | undefined,
    certificate: string | undefined,
    signed: boolean,
    group: string | undefined,
    time: number,
    hasExpiry: boolean,
  ): boolean {
    return (
      this.sha256 === sha256 &&
      this.sha1 === sha1 &&
      this.md5 === md5 &&
      this.certificate === certificate &&
      this.holdsFor(store, signed, group, time, hasExpiry)
    );
  }
}

/** Numbers each store of slots, so an answer in a line's cell names the index it is for without holding it. */
let stores = 0;

/**
 * `lookupFileIndicator` and `lookupOverruledBlock` for one index and one device group, remembering each
 * answer under every fact they read: the four lower-case hashes and the certificate (by value),
 * Microsoft-signed, the group, and the interval of lookup times over which no entry of those facts expires
 * or comes back (issue 13's memo rule). A lookup that ignores expiry on an index with expiries is not kept.
 * A generated key's catalog-line cell (`ArtifactKey.cell`, which stands for the four values) also holds the latest
 * answer for that line, checked for the rest plus the store (the index) it came from: at most one more answer per line.
 *
 * @example
 * const memo = fileIndicatorMemo(index, 'Finance');
 * memo.overruledBlock(artifact, startMs + artifact.at); // lookupOverruledBlock(index, artifact, 'Finance', startMs + artifact.at)
 */
export class FileIndicatorMemo {
  private readonly salt: number;

  private readonly slots: (Answer | undefined)[];

  private readonly store: number;

  /**
   * The answer for a catalog line's cell whose facts are in no list, by Microsoft-signed (false, true): it holds
   * at every time (no entry, so no expiry) and names no hashes, so one object serves every such line of this memo
   * and none is made per line. Kept in the cell only, never in the slot table, whose answers are checked by their
   * hashes. Most first sightings are in no list: 42,000 answers of 144 B a 10^6-artifact run, each outliving two
   * scavenges (issue 13, eleventh pass).
   */
  private readonly inNoList: readonly [Answer, Answer];

  /** `slots`: how many answers to keep (a power of two), or a memo of the same index whose slots to share. */
  constructor(
    readonly index: IndicatorIndex,
    readonly group: string | undefined,
    slots: number | FileIndicatorMemo = MEMO_SLOTS,
  ) {
    if (typeof slots === 'number' && (slots < 1 || (slots & (slots - 1)) !== 0))
      throw new RangeError(`memo slots ${slots} is not a power of two`);
    this.slots = typeof slots === 'number' ? new Array<Answer | undefined>(slots).fill(undefined) : slots.slots;
    this.store = typeof slots === 'number' ? ++stores : slots.store;
    // Each group's answers start at their own offset, so two groups' answers for one file rarely share a slot.
    this.salt = group === undefined ? 0 : hashString(group);
    this.inNoList = [noListAnswer(this.store, false, group), noListAnswer(this.store, true, group)];
  }

  /** Answers held in this memo's slots (all groups sharing them). */
  get size(): number {
    let held = 0;
    for (const answer of this.slots) if (answer !== undefined) held += 1;
    return held;
  }

  /**
   * The winning file or certificate indicator: `lookupFileIndicator(index, file, group, at)`, where a number `at` is
   * `at + offset` (default 0; a string `at` is read whole). A caller with a run's start and an artifact's offset from it
   * passes them apart: their sum is above 2^31, and made before the call it is a 16-byte heap number per lookup (issue
   * 13, ninth pass); made in `answer` it stays a plain double.
   */
  winner(file: FileFacts, at?: string | number, offset = 0): IndicatorMatch | undefined {
    const answer = this.answer(file, at, offset);
    if (answer.winner === UNKNOWN)
      answer.winner = winnerOf(this.index, answer, answer.signed, this.group, timeOf(this.index, timeArg(at, offset)));
    return answer.winner;
  }

  /** The Block or Warn that lost to an Allow: `lookupOverruledBlock(index, file, group, at)`, `at` and `offset` as for `winner`. */
  overruledBlock(file: FileFacts, at?: string | number, offset = 0): IndicatorMatch | undefined {
    const answer = this.answer(file, at, offset);
    // Any time in the answer's interval gives the same entries: the lookup's own time is one.
    if (answer.overruled === UNKNOWN)
      answer.overruled = overruledOf(this.index, answer, this.group, timeOf(this.index, timeArg(at, offset)));
    return answer.overruled;
  }

  private answer(file: FileFacts, at: string | number | undefined, offset: number): Answer {
    const index = this.index;
    // `lookupTime(index, at + offset)` as a plain double, NaN for its undefined: a number-or-undefined is a tagged value,
    // so every time would be a heap number. Spelled out here (a helper not inlined would return one boxed).
    let time = NaN;
    if (typeof at === 'number') {
      if (index.hasExpiry) time = at + offset;
    } else {
      const parsed = timeOf(index, at);
      if (parsed !== undefined) time = parsed;
    }
    const facts = lowerOf(file);
    const signed = file.microsoftSigned === true;
    const group = this.group;
    const store = this.store;
    const hasExpiry = index.hasExpiry;
    // A generated key's line cell first: keys of one cell have equal hashes and certificate (`ArtifactKey.cell`), so
    // its answer needs only the rest checked, and the line is read anyway (class, kind), where the slot table and
    // its answer are two cold reads and the four values four getters (issue 13, eighth pass).
    const cell = facts.cell;
    if (cell !== undefined) {
      const held = cell.indicatorAnswer as Answer | undefined;
      if (held !== undefined && held.holdsFor(store, signed, group, time, hasExpiry)) return held;
    }
    const sha256 = facts.sha256;
    const sha1 = facts.sha1;
    const md5 = facts.md5;
    const certificate = facts.certificate;
    // A generated key's place picks the slot (a number in hand: reading a hash's characters is a cache miss), else
    // the strongest fact present; either way an answer is used only when every fact and the time match.
    const slots = this.slots;
    const place = facts.place;
    const slot =
      ((place === undefined ? slotOf(sha256 ?? sha1 ?? md5 ?? certificate ?? '') : placeSlot(place)) + this.salt) &
      (slots.length - 1);
    const known = slots[slot];
    if (known !== undefined && known.holds(store, sha256, sha1, md5, certificate, signed, group, time, hasExpiry)) {
      if (cell !== undefined) cell.indicatorAnswer = known;
      return known;
    }
    // Expiry ignored on an index with expiries: answered, never kept (it holds at no lookup time).
    if (time !== time && hasExpiry) return new Answer(store, sha256, sha1, md5, certificate, signed, group, -Infinity, Infinity);
    const by256 = sha256 === undefined ? undefined : index.sha256.get(sha256);
    const by1 = sha1 === undefined ? undefined : index.sha1.get(sha1);
    const by5 = md5 === undefined ? undefined : index.md5.get(md5);
    const byCertificate = certificate === undefined ? undefined : index.certificate.get(certificate);
    const inNoList = by256 === undefined && by1 === undefined && by5 === undefined && byCertificate === undefined;
    if (inNoList && cell !== undefined) {
      const none = this.inNoList[signed ? 1 : 0];
      cell.indicatorAnswer = none;
      return none;
    }
    const answer = new Answer(store, sha256, sha1, md5, certificate, signed, group, -Infinity, Infinity);
    if (inNoList) {
      // In no list: nothing can win or be overruled, so neither is looked up again (most first sightings: 0.42–0.49
      // map reads an artifact became half that, each a few cache misses in a 15,000-entry map; issue 13, tenth pass).
      answer.winner = undefined;
      answer.overruled = undefined;
    } else {
      narrow(answer, by256, time);
      narrow(answer, by1, time);
      narrow(answer, by5, time);
      narrow(answer, byCertificate, time);
    }
    slots[slot] = answer;
    if (cell !== undefined) cell.indicatorAnswer = answer;
    return answer;
  }
}

/** An answer with no winner and no overruled block at any time, for facts in no list (`FileIndicatorMemo.inNoList`). */
function noListAnswer(store: number, signed: boolean, group: string | undefined): Answer {
  const answer = new Answer(store, undefined, undefined, undefined, undefined, signed, group, -Infinity, Infinity);
  answer.winner = undefined;
  answer.overruled = undefined;
  return answer;
}

/** The lookup's `at` for `lookupTime`: a number `at` plus `offset`, anything else as it is. */
function timeArg(at: string | number | undefined, offset: number): string | number | undefined {
  return typeof at === 'number' ? at + offset : at;
}

/** Shrinks the answer's interval to the times at which each entry is live (`time < expiresAt`) exactly when at `time`. */
function narrow(answer: Answer, entries: readonly IndexEntry[] | undefined, time: number): void {
  if (entries === undefined) return;
  for (const entry of entries) {
    const expiresAt = entry.expiresAt;
    if (time >= expiresAt) {
      if (expiresAt > answer.from) answer.from = expiresAt;
    } else if (expiresAt < answer.until) answer.until = expiresAt;
  }
}

/**
 * A slot from a value's first four characters read as hex digits (`0`–`9`, `a`–`f` → 0–15): hashes are
 * uniform hex, so four digits spread over 2^16 slots without hashing the whole string. Other text only
 * lands in fewer slots: slower, never wrong (every fact is compared before an answer is used).
 */
function slotOf(value: string): number {
  if (value.length < 4) return value.length;
  const a = value.charCodeAt(0);
  const b = value.charCodeAt(1);
  const c = value.charCodeAt(2);
  const d = value.charCodeAt(3);
  return (nibble(a) << 12) + (nibble(b) << 8) + (nibble(c) << 4) + nibble(d);
}

/**
 * A slot from a generated key's place: its path part (`place - place % PLACE_OPENERS`, one file identity in one
 * folder; the opener never changes a hash) spread by a multiplicative hash. Equal place does not mean equal hashes
 * (they come from each generate event's tapes), so this only picks where to look.
 */
function placeSlot(place: number): number {
  return Math.imul(Math.floor(place / placeOpeners), 0x9e3779b1) >>> 16;
}

function nibble(code: number): number {
  return (code & 15) + 9 * (code >> 6);
}

const shared = new WeakMap<IndicatorIndex, FileIndicatorMemo>();

/**
 * The memo of `index` for `group`, its slots shared by every group and context of that index (an answer
 * depends on nothing else, and names its group), so one index keeps at most `MEMO_SLOTS` answers.
 *
 * @example
 * fileIndicatorMemo(policy.indicators, 'Finance').overruledBlock(artifact, startMs + artifact.at);
 */
export function fileIndicatorMemo(index: IndicatorIndex, group: string | undefined): FileIndicatorMemo {
  const first = shared.get(index);
  if (first === undefined) {
    // An empty index has no answer worth keeping (every lookup is one miss): one slot, not 2^16.
    const memo = new FileIndicatorMemo(index, group, index.size === 0 ? 1 : MEMO_SLOTS);
    shared.set(index, memo);
    return memo;
  }
  return first.group === group ? first : new FileIndicatorMemo(index, group, first);
}
