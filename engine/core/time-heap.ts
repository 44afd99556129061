/** The one binary min-heap: (time, key) pairs on typed arrays, earliest time first, ties to the smaller key. */

/**
 * A min-heap of (time, key) pairs ordered by time, then key, so equal times come out in a fixed order
 * (deterministic runs). Keys are int32 (a device index, a source index); times are any numbers. Storage is
 * two typed arrays, about 12 bytes per entry, grown by doubling; nothing is allocated per push or pop.
 *
 * @example
 * const heap = new TimeHeap();
 * heap.push(30, 2); heap.push(10, 5); heap.push(10, 1);
 * [heap.topTime, heap.topKey]; // [10, 1]
 */
export class TimeHeap {
  private times: Float64Array;
  private keys: Int32Array;
  private count = 0;

  /** `capacity`: entries to make room for up front; default 16, grows as needed. */
  constructor(capacity = 16) {
    this.times = new Float64Array(Math.max(1, capacity));
    this.keys = new Int32Array(Math.max(1, capacity));
  }

  /**
   * A heap of the first `size` pairs of `times` and `keys`, which it takes over, ordered in O(size)
   * (Floyd's heapify) rather than O(size log size) pushes.
   *
   * @example
   * TimeHeap.adopt(Float64Array.of(5, 1), Int32Array.of(0, 1), 2).topKey; // 1
   */
  static adopt(times: Float64Array, keys: Int32Array, size: number): TimeHeap {
    const heap = new TimeHeap(0);
    heap.times = times;
    heap.keys = keys;
    heap.count = size;
    for (let i = (size >> 1) - 1; i >= 0; i--) heap.siftDown(i, times[i]!, keys[i]!);
    return heap;
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest entry; only meaningful when `size > 0`. */
  get topTime(): number {
    return this.times[0]!;
  }

  /** Key of the earliest entry; only meaningful when `size > 0`. */
  get topKey(): number {
    return this.keys[0]!;
  }

  push(time: number, key: number): void {
    if (this.count === this.times.length) this.grow();
    // Sift up with a hole: move larger parents down, write the new pair once.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = this.times[parent]!;
      const parentKey = this.keys[parent]!;
      if (parentTime < time || (parentTime === time && parentKey <= key)) break;
      this.times[i] = parentTime;
      this.keys[i] = parentKey;
      i = parent;
    }
    this.times[i] = time;
    this.keys[i] = key;
  }

  /** Removes the earliest entry; does nothing when empty. */
  pop(): void {
    if (this.count === 0) return;
    this.count -= 1;
    if (this.count > 0) this.siftDown(0, this.times[this.count]!, this.keys[this.count]!);
  }

  /** Replaces the earliest entry with (time, key): one sift instead of a pop and a push. */
  replaceTop(time: number, key: number): void {
    this.siftDown(0, time, key);
  }

  /** Places (time, key) at or below `from`, moving smaller children up. */
  private siftDown(from: number, time: number, key: number): void {
    const times = this.times;
    const keys = this.keys;
    const size = this.count;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let childTime = times[child]!;
      let childKey = keys[child]!;
      if (child + 1 < size) {
        const rightTime = times[child + 1]!;
        const rightKey = keys[child + 1]!;
        if (rightTime < childTime || (rightTime === childTime && rightKey < childKey)) {
          child += 1;
          childTime = rightTime;
          childKey = rightKey;
        }
      }
      if (time < childTime || (time === childTime && key < childKey)) break;
      times[i] = childTime;
      keys[i] = childKey;
      i = child;
    }
    times[i] = time;
    keys[i] = key;
  }

  private grow(): void {
    const capacity = Math.max(16, this.times.length * 2);
    const times = new Float64Array(capacity);
    const keys = new Int32Array(capacity);
    times.set(this.times);
    keys.set(this.keys);
    this.times = times;
    this.keys = keys;
  }
}
