/** "Did you mean …" hints: the closest known word by edit distance, for unknown keys, values and names. */

/**
 * Edit distance between two strings, compared case-insensitively: insertions, deletions, substitutions
 * and swaps of neighbours each count 1 (optimal string alignment), so `ws-10` is 1 from `ws-01`.
 *
 * @example
 * editDistance('edrBlokMode', 'edrBlockMode'); // 1
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left === right) return 0;
  const rows: number[][] = [Array.from({ length: right.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= left.length; i++) {
    const row = [i];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[left.length]?.[right.length] ?? 0;
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of
 * the word's length in edits (at least 1, at most 4), else the first candidate that starts with the
 * word. Ties go to the earlier candidate.
 *
 * @example
 * closest('windows-12', ['windows-10', 'windows-11']); // 'windows-10'
 */
export function closest(word: string, candidates: readonly string[] | ReadonlySet<string>): string | undefined {
  const limit = Math.min(4, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Long inputs (a pasted paragraph) cannot be typos of a key; skip the quadratic work.
    if (Math.abs(candidate.length - word.length) > limit || word.length > 200) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  // A truncated word (`Allow` for `Allowed`) is a plausible slip too, however many letters are missing.
  if (word.length < 3) return undefined;
  const lower = word.toLowerCase();
  for (const candidate of candidates) if (candidate.toLowerCase().startsWith(lower)) return candidate;
  return undefined;
}

/**
 * The `count` candidates (default 5) nearest to `word` by edit distance, nearest first, ties in
 * candidate order: for "the closest ids are …" when none is close enough to be a typo. The caller
 * bounds the candidates (a run can have 10^7 generated ids); a `word` over 200 characters, which no
 * typo is, gets the first `count` candidates without the quadratic comparison.
 *
 * @example
 * nearest('nope', ['plain', 'note', 'later'], 2); // ['note', 'plain']
 */
export function nearest(word: string, candidates: Iterable<string>, count = 5): string[] {
  const ranked: { candidate: string; distance: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    const distance = word.length > 200 || candidate.length > 200 ? Infinity : editDistance(word, candidate);
    ranked.push({ candidate, distance, order: order++ });
  }
  ranked.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return ranked.slice(0, count).map((entry) => entry.candidate);
}

/**
 * A hint sentence naming the closest candidate, or undefined when nothing is close.
 *
 * @example
 * didYouMean('primaryAV', ['primaryAv', 'os']); // 'did you mean "primaryAv"?'
 */
export function didYouMean(word: string, candidates: readonly string[] | ReadonlySet<string>): string | undefined {
  const match = closest(word, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

/**
 * `did you mean "X"?` when something is close, else the list of allowed values — for an issue hint.
 *
 * @example
 * suggest('Blok', ['Allowed', 'Block']); // 'did you mean "Block"?'
 */
export function suggest(word: string, candidates: readonly string[]): string {
  return didYouMean(word, candidates) ?? `one of ${candidates.join(', ')}`;
}
