/** A min-heap of (due time, device index) for pending propagation, with lazy removal of cancelled entries. */

/**
 * Pending device-level propagations ordered by due time, then device index (deterministic ties).
 * Cancelled entries stay until they surface; `isLive` tells the queue which ones still count.
 *
 * @example
 * const queue = new DueQueue((at, index) => true);
 * queue.push(30, 2); queue.push(10, 5);
 * queue.peek(); // { at: 10, index: 5 }
 */
export class DueQueue {
  private readonly times: number[] = [];
  private readonly indexes: number[] = [];

  constructor(private readonly isLive: (at: number, index: number) => boolean) {}

  push(at: number, index: number): void {
    this.times.push(at);
    this.indexes.push(index);
    let child = this.times.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  /** The earliest live entry, dropping dead ones on the way; undefined when empty. */
  peek(): { at: number; index: number } | undefined {
    while (this.times.length > 0) {
      const at = this.times[0] as number;
      const index = this.indexes[0] as number;
      if (this.isLive(at, index)) return { at, index };
      this.pop();
    }
    return undefined;
  }

  /** Removes the top entry. */
  pop(): void {
    const last = this.times.length - 1;
    this.swap(0, last);
    this.times.pop();
    this.indexes.pop();
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.times.length && this.less(left, smallest)) smallest = left;
      if (right < this.times.length && this.less(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a] as number;
    const tb = this.times[b] as number;
    return ta < tb || (ta === tb && (this.indexes[a] as number) < (this.indexes[b] as number));
  }

  private swap(a: number, b: number): void {
    const t = this.times[a] as number;
    this.times[a] = this.times[b] as number;
    this.times[b] = t;
    const i = this.indexes[a] as number;
    this.indexes[a] = this.indexes[b] as number;
    this.indexes[b] = i;
  }
}
