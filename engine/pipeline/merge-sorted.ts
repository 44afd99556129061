/** Lazy k-way merge of sorted iterables by pulling: one pending item per source, a binary heap to pick the next. */

/** Orders two items; negative when `a` comes first. Ties must be broken by the caller for a stable order. */
export type Compare<T> = (a: T, b: T) => number;

interface Head<T> {
  item: T;
  source: number;
  iterator: Iterator<T>;
}

/**
 * Merges sources that are each sorted by `compare` into one sorted iterable, pulling lazily: at most one
 * item per source is held, so a 10^8-item stream runs in constant memory. Equal items keep source order
 * (the lower source index first), which makes the merge deterministic.
 *
 * rxjs 7.8.2's VirtualTimeScheduler sorts its whole queue on every insert, so scheduling a long stream up
 * front is quadratic; pulling from sorted sources is linear in the stream (times log k).
 *
 * @example
 * [...mergeSorted([[1, 4], [2, 3]], (a, b) => a - b)]; // [1, 2, 3, 4]
 */
export function* mergeSorted<T>(sources: readonly Iterable<T>[], compare: Compare<T>): Generator<T> {
  const heap: Head<T>[] = [];
  const before = (a: Head<T>, b: Head<T>): boolean => {
    const order = compare(a.item, b.item);
    return order < 0 || (order === 0 && a.source < b.source);
  };
  const push = (head: Head<T>): void => {
    heap.push(head);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Head<T>, heap[parent] as Head<T>)) break;
      [heap[i], heap[parent]] = [heap[parent] as Head<T>, heap[i] as Head<T>];
      i = parent;
    }
  };
  const siftDown = (): void => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left] as Head<T>, heap[smallest] as Head<T>)) smallest = left;
      if (right < heap.length && before(heap[right] as Head<T>, heap[smallest] as Head<T>)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as Head<T>, heap[i] as Head<T>];
      i = smallest;
    }
  };

  sources.forEach((source, index) => {
    const iterator = source[Symbol.iterator]();
    const first = iterator.next();
    if (!first.done) push({ item: first.value, source: index, iterator });
  });
  while (heap.length > 0) {
    const top = heap[0] as Head<T>;
    yield top.item;
    const next = top.iterator.next();
    if (next.done) {
      const last = heap.pop() as Head<T>;
      if (heap.length === 0) return;
      heap[0] = last;
    } else {
      top.item = next.value;
    }
    siftDown();
  }
}
