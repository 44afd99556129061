/** "Did you mean …" suggestions for misspelt enum values, names and keys. */

/**
 * The candidate closest to `text` (case-insensitive edit distance), if it is close enough to be a
 * plausible typo: distance ≤ max(1, a third of the candidate's length). Case-only differences win.
 *
 * @example
 * didYouMean('FileSHA256', ['FileSha1', 'FileSha256']); // 'FileSha256'
 * didYouMean('banana', ['Block', 'Warn']); // undefined
 */
export function didYouMean(text: string, candidates: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(candidate.length / 3))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** `did you mean "X"?` or a list of the allowed values, for an issue hint. */
export function suggest(text: string, candidates: readonly string[]): string {
  const close = didYouMean(text, candidates);
  return close === undefined ? `one of ${candidates.join(', ')}` : `did you mean "${close}"?`;
}
