/** Lazy k-way merge of per-device streams on a typed-array binary heap: ~20 bytes per waiting device. */
import type { Artifact } from '../../core/artifact.ts';
import { DeviceStream } from './device-stream.ts';
import type { SynthPlan } from './synth-plan.ts';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Yields the artifacts of the given devices in `at` order, ties broken by device index (a device's own
 * artifacts are already in sequence order). The heap holds each device's pending time and position,
 * in heap order so a comparison reads neighbouring memory. A device's stream (rng and cursor, ~150
 * bytes) is created when its first artifact comes up and dropped when it ends, so 10^6 devices with
 * one artifact each never hold 10^6 rngs at once.
 */
export class DeviceMerge implements Iterator<Artifact> {
  /** Device index per position, ascending: comparing positions compares device indexes. */
  private readonly devices: Int32Array;
  private readonly streams: (DeviceStream | undefined)[];
  private readonly heapAt: Float64Array;
  private readonly heapPosition: Int32Array;
  private size = 0;

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
    this.heapAt = new Float64Array(count);
    this.heapPosition = new Int32Array(count);
    for (let index = 0; index < deviceCount; index++) {
      if (wanted[index] === 0) continue;
      // Keep only the first time: the stream is replayed from its derivation when that time comes up.
      const stream = new DeviceStream(plan, index);
      if (stream.done) continue;
      this.devices[this.size] = index;
      this.heapAt[this.size] = stream.at;
      this.heapPosition[this.size] = this.size;
      this.size += 1;
    }
    // Floyd heapify: O(devices).
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i, this.heapAt[i]!, this.heapPosition[i]!);
  }

  next(): IteratorResult<Artifact> {
    if (this.size === 0) return DONE;
    const position = this.heapPosition[0]!;
    const stream = this.streams[position] ?? new DeviceStream(this.plan, this.devices[position]!);
    const artifact = stream.take();
    if (stream.done) {
      this.streams[position] = undefined;
      this.size -= 1;
      this.siftDown(0, this.heapAt[this.size]!, this.heapPosition[this.size]!);
    } else {
      this.streams[position] = stream;
      this.siftDown(0, stream.at, position);
    }
    return { done: false, value: artifact };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Places (at, position) at or below `from`, moving smaller children up: ordered by time, then position. */
  private siftDown(from: number, at: number, position: number): void {
    const heapAt = this.heapAt;
    const heapPosition = this.heapPosition;
    const size = this.size;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let childAt = heapAt[child]!;
      let childPosition = heapPosition[child]!;
      if (child + 1 < size) {
        const rightAt = heapAt[child + 1]!;
        const rightPosition = heapPosition[child + 1]!;
        if (rightAt < childAt || (rightAt === childAt && rightPosition < childPosition)) {
          child += 1;
          childAt = rightAt;
          childPosition = rightPosition;
        }
      }
      if (at < childAt || (at === childAt && position < childPosition)) break;
      heapAt[i] = childAt;
      heapPosition[i] = childPosition;
      i = child;
    }
    heapAt[i] = at;
    heapPosition[i] = position;
  }
}
