/** Lazy k-way merge of per-device streams on a calendar queue over the window's slots: ~20 bytes per device. */
import type { Artifact } from '../../core/artifact.ts';
import { RngBank } from '../../core/random.ts';
import { DeviceStream } from './device-stream.ts';
import { SlotCalendar } from './slot-calendar.ts';
import type { SynthPlan } from './synth-plan.ts';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
/** Slots per pending artifact: about 4 devices share a slot of the near future (see `slotsFor`). */
const ARTIFACTS_PER_SLOT = 4;
/** Slots per device at most: past this the near heap holds every device anyway, so more slots only cost memory. */
const SLOTS_PER_DEVICE = 16;
/** 2^22 slots (16 MB) at most, whatever the count. */
const MAX_SLOTS = 1 << 22;

/**
 * Yields the artifacts of the given devices in `at` order, ties broken by device index (a device's own
 * artifacts are already in sequence order). A {@link SlotCalendar} holds each device's pending time,
 * keyed by its position, in the same order as a binary heap would (the oracle in
 * `test/pipeline/synth/heap-merge.ts` pins that), at O(1) amortised per artifact instead of a sift through
 * log2(devices) levels. A device's rng state is a 16-byte row of one {@link RngBank} (row = position);
 * its stream (the cursor, ~100 bytes) is dropped when it ends; a device with one artifact creates it again when that artifact comes up,
 * so 10^6 devices with one artifact each never hold 10^6 rngs at once.
 */
export class DeviceMerge implements Iterator<Artifact> {
  /** Device index per position, ascending: comparing positions compares device indexes. */
  private readonly devices: Int32Array;
  private readonly streams: (DeviceStream | undefined)[];
  /** Every device's rng state, one row per position: flat memory instead of an object per device. */
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
    this.devices = new Int32Array(count);
    this.streams = new Array<DeviceStream | undefined>(count);
    this.bank = new RngBank(count);
    const firsts = new Float64Array(count);
    let size = 0;
    let artifacts = 0;
    for (let index = 0; index < deviceCount; index++) {
      if (wanted[index] === 0) continue;
      const stream = new DeviceStream(plan, index, this.bank, size);
      if (stream.done) continue;
      // A device of one artifact keeps only its first time: its stream is replayed from its derivation when
      // that time comes up. One of several is kept: it stays alive from its first artifact to its last anyway,
      // so deriving it twice would cost a derivation per device and save no memory past the first slot.
      if (stream.n > 1) this.streams[size] = stream;
      this.devices[size] = index;
      firsts[size] = stream.at;
      artifacts += stream.n;
      size += 1;
    }
    const { spec, lastOffset } = plan;
    this.heap = new SlotCalendar(spec.at, lastOffset + 1, slotsFor(artifacts, size), size);
    for (let position = 0; position < size; position++) this.heap.push(firsts[position]!, position);
  }

  next(): IteratorResult<Artifact> {
    if (this.heap.size === 0) return DONE;
    const position = this.heap.topKey;
    const stream = this.streams[position] ?? new DeviceStream(this.plan, this.devices[position]!, this.bank, position);
    const artifact = stream.take();
    if (stream.done) {
      this.streams[position] = undefined;
      this.heap.pop();
    } else {
      this.streams[position] = stream;
      this.heap.replaceTop(stream.at, position);
    }
    return { done: false, value: artifact };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * How many slots to cut the window into. A device with n artifacts has its pending one within window / n
 * of the merge's clock, so the pending times of all devices spread over about `artifacts` slots' worth of
 * the window: `artifacts / 4` slots put about 4 devices in each. Capped at 16 per device (a few devices
 * with many artifacts each all fall in one slot: a heap of them is small anyway) and at 2^22.
 *
 * @example
 * slotsFor(10_000_000, 1_000_000); // 2,500,000: 10 artifacts on each of 10^6 devices
 */
export function slotsFor(artifacts: number, devices: number): number {
  return Math.max(1, Math.min(Math.ceil(artifacts / ARTIFACTS_PER_SLOT), devices * SLOTS_PER_DEVICE, MAX_SLOTS));
}
