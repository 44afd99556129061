/** The oracle: the binary-heap merge that DeviceMerge replaced after ae0618b (issue 13, third pass), as it was but for imports and name. */
import type { Artifact } from '../../../engine/core/artifact.ts';
import { TimeHeap } from '../../../engine/core/time-heap.ts';
import { DeviceStream } from '../../../engine/pipeline/synth/device-stream.ts';
import type { SynthPlan } from '../../../engine/pipeline/synth/synth-plan.ts';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Yields the artifacts of the given devices in `at` order, ties broken by device index (a device's own
 * artifacts are already in sequence order). The heap holds each device's pending time and position,
 * in heap order so a comparison reads neighbouring memory. A device's stream (rng and cursor, ~150
 * bytes) is created when its first artifact comes up and dropped when it ends, so 10^6 devices with
 * one artifact each never hold 10^6 rngs at once.
 */
export class HeapMerge implements Iterator<Artifact> {
  /** Device index per position, ascending: comparing positions compares device indexes. */
  private readonly devices: Int32Array;
  private readonly streams: (DeviceStream | undefined)[];
  /** Each waiting device's next time, keyed by its position. */
  private readonly heap: TimeHeap;

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
    const times = new Float64Array(count);
    const positions = new Int32Array(count);
    let size = 0;
    for (let index = 0; index < deviceCount; index++) {
      if (wanted[index] === 0) continue;
      // Keep only the first time: the stream is replayed from its derivation when that time comes up.
      const stream = new DeviceStream(plan, index);
      if (stream.done) continue;
      this.devices[size] = index;
      times[size] = stream.at;
      positions[size] = size;
      size += 1;
    }
    this.heap = TimeHeap.adopt(times, positions, size);
  }

  next(): IteratorResult<Artifact> {
    if (this.heap.size === 0) return DONE;
    const position = this.heap.topKey;
    const stream = this.streams[position] ?? new DeviceStream(this.plan, this.devices[position]!);
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
