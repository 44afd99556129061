/** Lazy k-way merge of per-device streams on a calendar queue over the window's slots: ~70 bytes per device. */
import type { Artifact } from '../../core/artifact.ts';
import { RngBank } from '../../core/random.ts';
import {
  pendingAt,
  startStream,
  STREAM_ROW_CALENDAR,
  STREAM_ROW_FLEET_INDEX,
  STREAM_ROW_WORDS,
  takeFromStream,
} from './device-stream.ts';
import { artifactsOfDevice } from './generate-spec.ts';
import { SlotCalendar } from './slot-calendar.ts';
import type { SynthPlan } from './synth-plan.ts';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const start = startStream;
const take = takeFromStream;
const pending = pendingAt;
/** Slots per pending artifact: about 4 devices share a slot of the near future (see `slotsFor`). */
const ARTIFACTS_PER_SLOT = 4;
/**
 * Slots per device at most: 1 KB a device, so a timeline of many small events with huge counts (every event's merge is
 * open at once) does not take 16 MB each. Under it, devices share a slot as artifacts / slots: 4 up to 1,024 artifacts
 * a device, then one more per 256 artifacts a device.
 */
const SLOTS_PER_DEVICE = 256;
/** 2^22 slots (16 MB) at most, whatever the count. */
const MAX_SLOTS = 1 << 22;

/**
 * Yields the artifacts of the given devices in `at` order, ties broken by device index (a device's own
 * artifacts are already in sequence order). A {@link SlotCalendar} holds each device's pending time,
 * keyed by its position, in the same order as a binary heap would (the oracle in
 * `test/pipeline/synth/heap-merge.ts` pins that), at O(1) amortised per artifact instead of a sift through
 * log2(devices) levels. A device's whole stream state (its rng, cursor, user and indexes) and its pending time
 * are one 64-byte row of one {@link RngBank} (row = position): no object per device, and an artifact touches one
 * row of it (issue 13: at 10^6 devices each object or array an artifact reads is a cache miss).
 */
export class DeviceMerge implements Iterator<Artifact> {
  /** Every device's stream, one row per position, in ascending device index: comparing positions compares devices. */
  private readonly bank: RngBank;
  /** Each waiting device's next time, keyed by its position. */
  private readonly heap: SlotCalendar;

  constructor(
    private readonly plan: SynthPlan,
    indexes: Iterable<number>,
  ) {
    const deviceCount = plan.spec.devices.length;
    const wanted = new Uint8Array(deviceCount);
    let count = 0;
    for (const index of indexes) {
      if (!Number.isInteger(index) || index < 0 || index >= deviceCount || wanted[index] === 1) continue;
      wanted[index] = 1;
      count += 1;
    }
    this.bank = new RngBank(count, STREAM_ROW_WORDS);
    const firsts = new Float64Array(count);
    let size = 0;
    let artifacts = 0;
    for (let index = 0; index < deviceCount; index++) {
      if (wanted[index] === 0) continue;
      // A device without artifacts leaves its row to the next device.
      const first = start(plan, index, this.bank, size);
      if (first === Infinity) continue;
      firsts[size] = first;
      artifacts += artifactsOfDevice(plan.spec.count, deviceCount, index);
      size += 1;
    }
    const { spec, lastOffset } = plan;
    // Each waiting device's time lives in its own stream row: settling a slot reads the rows its artifacts come from.
    const store = { floats: this.bank.floats(), stride: STREAM_ROW_WORDS / 2, offset: STREAM_ROW_CALENDAR };
    this.heap = new SlotCalendar(spec.at, lastOffset + 1, slotsFor(artifacts, size), size, store);
    for (let position = 0; position < size; position++) this.heap.push(firsts[position]!, position);
  }

  /**
   * Has the calendar read each device's row of `rows` (`stride` floats a row, float `offset` read) when it settles the
   * device's slot, a few artifacts before the caller reads it: `runEvents` passes the run's device rows (device-rows.ts),
   * which each artifact's context check and count read at its fleet index, a cache miss per artifact at 10^6 devices.
   */
  readAhead(rows: Float64Array, stride: number, offset: number): void {
    this.heap.readAhead(rows, stride, offset, STREAM_ROW_FLEET_INDEX);
  }

  next(): IteratorResult<Artifact> {
    const artifact = this.pull();
    return artifact === undefined ? DONE : { done: false, value: artifact };
  }

  /**
   * The next artifact, or undefined when every stream is done: `next` without its result object, for a
   * loop that pulls 10^7 artifacts (`runEvents`; the object was ≈ 40 bytes per artifact, issue 13).
   */
  pull(): Artifact | undefined {
    const heap = this.heap;
    if (heap.size === 0) return undefined;
    const position = heap.topKey;
    const artifact = take(this.plan, this.bank, position, heap.topTime);
    const at = pending(this.plan, this.bank, position);
    if (at === Infinity) heap.pop();
    else heap.replaceTop(at, position);
    return artifact;
  }

  /**
   * The artifacts still to come, device by device instead of in time order: every artifact of one device (in its own
   * time order), then the next device's, devices in the order of their first artifact (ties: device index), which is the
   * order the merge would first yield each. For a reader whose results do not depend on the order across devices only
   * (`countingPuller` in run-events.ts says when): a device's stream row is read for all its artifacts at once, so a
   * 10^6-device fleet misses the cache once a device, not once an artifact (issue 13, twelfth pass). Pull from the one or
   * the other, not both.
   */
  byDevice(): Puller<Artifact> {
    return new WholeDevices(this.plan, this.bank, this.heap);
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** {@link DeviceMerge.byDevice}: drains the calendar's earliest device, then the next. */
class WholeDevices implements Puller<Artifact> {
  /** The device being drained (its row), or −1 between devices. */
  private position = -1;
  /** Its pending artifact's time. */
  private at = 0;

  constructor(
    private readonly plan: SynthPlan,
    private readonly bank: RngBank,
    private readonly heap: SlotCalendar,
  ) {}

  pull(): Artifact | undefined {
    let position = this.position;
    let at = this.at;
    if (position < 0) {
      const heap = this.heap;
      if (heap.size === 0) return undefined;
      position = heap.topKey;
      at = heap.topTime;
      heap.pop();
    }
    const artifact = take(this.plan, this.bank, position, at);
    const next = pending(this.plan, this.bank, position);
    this.position = next === Infinity ? -1 : position;
    this.at = next;
    return artifact;
  }
}

/** Something items are pulled from, one at a time, until it gives `undefined`. */
export interface Puller<T> {
  pull(): T | undefined;
}

/**
 * How a loop over up to 10^8 items reads its source: a lone {@link DeviceMerge} is pulled directly, without the
 * 40-byte IteratorResult per artifact a `for…of` makes (issue 13); any other iterator is wrapped once. The one home of
 * that rule for `runEvents` and the bench's shard counter. Items must not be `undefined`.
 *
 * @example
 * const items = pullerOf(generateArtifacts(spec, { seed: 7 })[Symbol.iterator]());
 * for (let item = items.pull(); item !== undefined; item = items.pull()) console.log(item.id);
 */
export function pullerOf<T>(source: Iterator<T>): Puller<T> {
  // A merge's items are its iterator's: `Iterator<T>` narrowed to a merge yields T.
  if (source instanceof DeviceMerge) return source as unknown as Puller<T>;
  return {
    pull: () => {
      const result = source.next();
      return result.done === true ? undefined : result.value;
    },
  };
}

/**
 * How many slots to cut the window into. A device with n artifacts has its pending one within window / n
 * of the merge's clock, so the pending times of all devices spread over about `artifacts` slots' worth of
 * the window, whatever the number of devices: `artifacts / 4` slots put about 4 devices in each, so the near
 * heap a slot fills is 2 levels deep. Capped at 256 per device (memory: a one-device event with a count of 10^9
 * takes 1 KB, not 16 MB) and 2^22 in all. An earlier cap of 16 slots per device ("a few devices' heap is small
 * anyway") put 62 devices in each slot of the bench's 1,000 devices × 1,000 artifacts, a 6-level heap whose sifts cost
 * ≈ 17 % of the generator there (issue 13, tenth pass).
 *
 * @example
 * slotsFor(10_000_000, 1_000_000); // 2,500,000: 10 artifacts on each of 10^6 devices
 */
export function slotsFor(artifacts: number, devices: number): number {
  return Math.max(1, Math.min(Math.ceil(artifacts / ARTIFACTS_PER_SLOT), devices * SLOTS_PER_DEVICE, MAX_SLOTS));
}
