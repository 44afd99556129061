/** A min-heap of (due time, device index) for pending propagation, with lazy removal of cancelled entries. */
import { TimeHeap } from '../core/time-heap.ts';

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
  private readonly heap = new TimeHeap();

  constructor(private readonly isLive: (at: number, index: number) => boolean) {}

  push(at: number, index: number): void {
    this.heap.push(at, index);
  }

  /** The earliest live entry, dropping dead ones on the way; undefined when empty. */
  peek(): { at: number; index: number } | undefined {
    while (this.heap.size > 0) {
      const at = this.heap.topTime;
      const index = this.heap.topKey;
      if (this.isLive(at, index)) return { at, index };
      this.heap.pop();
    }
    return undefined;
  }

  /** Removes the top entry. */
  pop(): void {
    this.heap.pop();
  }
}
