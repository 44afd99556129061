/** Stack-safe stand-ins for spreading an array into a call: `push(...list)` and `Math.max(...list)` overflow the stack past ~100k items. */

/**
 * Appends every item of `items` to `target`, one by one, and returns `target`. Use it instead of
 * `target.push(...items)`, which passes each item as an argument: 200,000 imported exclusions made that
 * "Maximum call stack size exceeded".
 *
 * @example
 * append([1], [2, 3]); // [1, 2, 3]
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * The largest of `values`, or `floor` (default -Infinity) when it is larger or `values` is empty, as
 * `Math.max(floor, ...values)` would give without spreading the values into arguments.
 *
 * @example
 * maxOf([3, 9, 4]); // 9
 * maxOf([], 0); // 0
 */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max || Number.isNaN(value)) max = value;
  return max;
}

/**
 * The smallest of `values`, or `ceiling` (default Infinity) when it is smaller or `values` is empty,
 * as `Math.min(ceiling, ...values)` would give.
 *
 * @example
 * minOf([3, 9, 4]); // 3
 */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const value of values) if (value < min || Number.isNaN(value)) min = value;
  return min;
}
