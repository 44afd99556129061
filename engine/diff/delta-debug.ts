/** Delta debugging (Zeller's ddmin): the smallest subset of changes that still makes a test pass. */

/**
 * A 1-minimal subset of `changes` for which `test` holds (removing any one change makes it fail), found
 * in O(n²) tests at worst. `test(changes)` must hold; if it does not, `changes` is returned whole.
 *
 * @example
 * deltaDebug([1, 2, 3, 4], (set) => set.includes(3)); // [3]
 */
export function deltaDebug<T>(changes: readonly T[], test: (subset: readonly T[]) => boolean): readonly T[] {
  let current = changes;
  let n = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / n);
    const chunks: T[][] = [];
    for (let i = 0; i < current.length; i += size) chunks.push(current.slice(i, i + size));
    const subset = chunks.find((chunk) => test(chunk));
    if (subset !== undefined) {
      current = subset;
      n = 2;
      continue;
    }
    const complement =
      chunks.length > 2 ? chunks.map((_, i) => chunks.filter((__, j) => j !== i).flat()).find((rest) => test(rest)) : undefined;
    if (complement !== undefined) {
      current = complement;
      n = Math.max(n - 1, 2);
      continue;
    }
    if (n >= current.length) break;
    n = Math.min(current.length, n * 2);
  }
  return current;
}
