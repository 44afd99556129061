/** A calendar queue of (time, key) pairs over a known time span: O(1) amortised per operation when times are spread. */
import { TimeHeap } from '../../core/time-heap.ts';

const EMPTY = -1;

/** Where a calendar keeps each key's waiting time: float `offset` of row `key` (`stride` floats a row). */
export interface KeyStore {
  readonly floats: Float64Array;
  readonly stride: number;
  readonly offset: number;
}

/**
 * The same order as {@link TimeHeap} (earliest time first, ties to the smaller key), for keys in
 * `[0, keyCapacity)` each waiting at most once. The span `[start, start + span)` is cut into `buckets`
 * equal slots; a pair waits, unsorted, in the list of its slot until the queue reaches that slot, and only
 * the current slot's pairs sit in a small `TimeHeap`, filled when it runs dry and the top is read. The generator's device times are stratified (artifact
 * k of a device falls in slot k of the window), so a slot holds a handful of devices and a merge of 10^6
 * devices no longer sifts a 10^6-entry heap (20 levels, each a cache miss) per artifact.
 *
 * Order is exact, not approximate: the slot of a time is a rounded product, monotone in the time, so
 * every pair in a later slot is later than every pair in the current one. Times outside the span go to
 * the first or last slot. Storage: 4 bytes per slot, 16 per key; nothing is allocated per operation.
 *
 * @example
 * const queue = new SlotCalendar(0, 100, 10, 4);
 * queue.push(70, 1); queue.push(5, 3); queue.push(5, 2);
 * [queue.topTime, queue.topKey]; // [5, 2]
 */
export class SlotCalendar {
  /** First waiting key per slot, or EMPTY. */
  private readonly heads: Int32Array;
  /**
   * Per key, its waiting time at `key * stride + offset`: a caller's `store` puts it in the key's own row of its
   * memory (the generator's merge: the device's stream row, which taking the key's artifact reads next).
   */
  private readonly waits: Float64Array;
  /**
   * Per key, the next waiting key in the same slot: a dense array of its own, so settling a slot walks 4 bytes a key
   * and the reads of the keys' times do not wait on each other (issue 13, eighth pass: at 10^6 devices a walk through
   * the rows themselves waited on one cache miss per key in turn).
   */
  private readonly links: Int32Array;
  private readonly stride: number;
  private readonly offset: number;
  /** The pairs of every slot up to `slot`: all earlier than any waiting pair. */
  private readonly near = new TimeHeap();
  private readonly scale: number;
  private slot = -1;
  private waiting = 0;
  /** Rows a settle reads ahead for each key ({@link SlotCalendar.readAhead}); undefined: none. */
  private ahead: Float64Array | undefined;
  private aheadWords: Int32Array = new Int32Array(0);
  private aheadWord = 0;
  private aheadStride = 1;
  private aheadOffset = 0;
  /** The sum of what the read-ahead read: kept in a field so the reads are not optimised away. */
  private aheadSum = 0;

  /**
   * `start`, `span` (> 0): the times expected; `buckets` (≥ 1): how many slots to cut them into;
   * `keyCapacity`: one more than the largest key; `store` (default: an array of its own): where each key's
   * time lives, float `offset` of a row of `stride` floats per key (no one else may write it while the key waits).
   */
  constructor(
    private readonly start: number,
    span: number,
    buckets: number,
    keyCapacity: number,
    store: KeyStore = { floats: new Float64Array(Math.max(1, keyCapacity)), stride: 1, offset: 0 },
  ) {
    const count = Math.max(1, Math.floor(buckets));
    this.heads = new Int32Array(count).fill(EMPTY);
    if (store.stride < 1 || store.offset < 0 || store.offset >= store.stride || store.floats.length < keyCapacity * store.stride)
      throw new RangeError('SlotCalendar: a key store needs a float per key inside rows of keyCapacity × stride floats');
    this.waits = store.floats;
    this.links = new Int32Array(Math.max(1, keyCapacity));
    this.stride = store.stride;
    this.offset = store.offset;
    this.scale = span > 0 ? count / span : 0;
  }

  get size(): number {
    return this.near.size + this.waiting;
  }

  /** Time of the earliest pair; only meaningful when `size > 0`. */
  get topTime(): number {
    if (this.near.size === 0) this.settle();
    return this.near.topTime;
  }

  /** Key of the earliest pair; only meaningful when `size > 0`. */
  get topKey(): number {
    if (this.near.size === 0) this.settle();
    return this.near.topKey;
  }

  /** Adds (time, key); `key` must not be waiting already. */
  push(time: number, key: number): void {
    const slot = this.slotOf(time);
    if (slot <= this.slot) this.near.push(time, key);
    else this.wait(slot, time, key);
  }

  /** Removes the earliest pair; does nothing when empty. */
  pop(): void {
    if (this.near.size === 0) this.settle();
    this.near.pop();
  }

  /** Replaces the earliest pair with (time, key); only when `size > 0`. */
  replaceTop(time: number, key: number): void {
    if (this.near.size === 0) this.settle();
    const slot = this.slotOf(time);
    if (slot <= this.slot) this.near.replaceTop(time, key);
    else {
      this.near.pop();
      this.wait(slot, time, key);
    }
  }

  /**
   * Asks each settle to read, for every key it moves into the near heap, `rows[r * stride + offset]`, where r is the
   * int32 at `word` of the key's row in the key store (skipped when negative or past `rows`). It changes nothing: it
   * brings the row a caller will read for that key into the cache while the slot's keys are read together, so their
   * misses overlap instead of coming one per key later (issue 13, ninth pass: the device's count and context row).
   */
  readAhead(rows: Float64Array, stride: number, offset: number, word: number): void {
    this.ahead = rows;
    this.aheadWords = new Int32Array(this.waits.buffer, this.waits.byteOffset, this.waits.length * 2);
    this.aheadWord = word;
    this.aheadStride = stride;
    this.aheadOffset = offset;
  }

  private slotOf(time: number): number {
    const slot = Math.floor((time - this.start) * this.scale);
    // `!(slot >= 0)` also catches NaN; Infinity and times past the span go to the last slot.
    if (!(slot >= 0)) return 0;
    return slot < this.heads.length ? slot : this.heads.length - 1;
  }

  private wait(slot: number, time: number, key: number): void {
    this.waits[key * this.stride + this.offset] = time;
    this.links[key] = this.heads[slot]!;
    this.heads[slot] = key;
    this.waiting += 1;
  }

  /** Once the near heap has run dry (callers check), moves the next non-empty slot's pairs into it. */
  private settle(): void {
    if (this.waiting === 0) return;
    const heads = this.heads;
    let slot = this.slot + 1;
    while (heads[slot] === EMPTY) slot += 1;
    this.slot = slot;
    let key = heads[slot]!;
    heads[slot] = EMPTY;
    const { waits, links, stride, offset } = this;
    if (this.ahead !== undefined) this.readRowsAhead(key);
    while (key !== EMPTY) {
      this.near.push(waits[key * stride + offset]!, key);
      this.waiting -= 1;
      key = links[key]!;
    }
  }

  /** One pass over the slot's keys touching each key's row of `ahead`: independent reads, in flight together. */
  private readRowsAhead(first: number): void {
    const rows = this.ahead!;
    const words = this.aheadWords;
    const links = this.links;
    const wordAt = this.stride * 2;
    const word = this.aheadWord;
    const rowStride = this.aheadStride;
    const rowOffset = this.aheadOffset;
    let sum = 0;
    for (let key = first; key !== EMPTY; key = links[key]!) {
      const at = words[key * wordAt + word]! * rowStride + rowOffset;
      if (at >= 0 && at < rows.length) sum += rows[at]!;
    }
    this.aheadSum += sum;
  }
}
