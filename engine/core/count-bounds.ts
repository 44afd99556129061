/** Count bounds of an expectation (`count`, `atLeast`, `atMost`): what they ask, and whether a count meets them. */

/** The bounds as a scenario writes them; every one given must hold. */
export interface Bounds {
  readonly count?: number;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/**
 * The bounds in words, the same in an expectation's name and in its result message.
 *
 * @example
 * describeBounds({ atLeast: 1, atMost: 3 }); // 'at least 1 and at most 3'
 */
export function describeBounds(bounds: Bounds): string {
  const parts: string[] = [];
  if (bounds.count !== undefined) parts.push(`exactly ${bounds.count}`);
  if (bounds.atLeast !== undefined) parts.push(`at least ${bounds.atLeast}`);
  if (bounds.atMost !== undefined) parts.push(`at most ${bounds.atMost}`);
  return parts.join(' and ');
}

/**
 * Whether `actual` meets every bound given.
 *
 * @example
 * withinBounds({ atLeast: 1 }, 0); // false
 */
export function withinBounds(bounds: Bounds, actual: number): boolean {
  return (
    (bounds.count === undefined || actual === bounds.count) &&
    (bounds.atLeast === undefined || actual >= bounds.atLeast) &&
    (bounds.atMost === undefined || actual <= bounds.atMost)
  );
}
