/** Lazy k-way merge of time-sorted iterables by pulling: one pending item per source, the core `TimeHeap` to pick the next. */
import { TimeHeap } from '../core/time-heap.ts';

/**
 * Merges sources that are each sorted by `timeOf` into one sorted iterable, pulling lazily: at most one
 * item per source is held, so a 10^8-item stream runs in constant memory. Items of equal time keep source
 * order (the lower source index first), which makes the merge deterministic.
 *
 * rxjs 7.8.2's VirtualTimeScheduler sorts its whole queue on every insert, so scheduling a long stream up
 * front is quadratic; pulling from sorted sources is linear in the stream (times log k).
 *
 * @example
 * [...mergeSorted([[1, 4], [2, 3]], (n) => n)]; // [1, 2, 3, 4]
 */
export function* mergeSorted<T>(sources: readonly Iterable<T>[], timeOf: (item: T) => number): Generator<T> {
  const heap = new TimeHeap(sources.length);
  const iterators: Iterator<T>[] = [];
  const pending: T[] = [];
  sources.forEach((source, index) => {
    const iterator = source[Symbol.iterator]();
    iterators.push(iterator);
    const first = iterator.next();
    if (first.done) return;
    pending[index] = first.value;
    heap.push(timeOf(first.value), index);
  });
  while (heap.size > 0) {
    const source = heap.topKey;
    yield pending[source] as T;
    const next = (iterators[source] as Iterator<T>).next();
    if (next.done) {
      heap.pop();
    } else {
      pending[source] = next.value;
      heap.replaceTop(timeOf(next.value), source);
    }
  }
}
