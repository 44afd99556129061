/** Picks which kind a timeline or expect item is by the key that names it, with a clear issue when none or several do. */
import type { Issue, Path } from '../../core/issue.ts';
import { closest } from '../../core/did-you-mean.ts';
import { quote } from '../../core/quote.ts';

/**
 * The first of `kinds` that is a key of `item`, or an issue: the item is not a map, names no kind (with
 * a "did you mean" for a misspelt key), or names more than one of the `exclusive` kinds.
 *
 * @example
 * chooseBranch({ at: '0m', artifcat: {} }, ['artifact', 'change', 'generate'], ['timeline', 0], 'timeline event');
 * // { issue: { code: 'unknown_kind', hint: 'did you mean "artifact"? (from "artifcat")', … } }
 */
export function chooseBranch<K extends string>(
  item: unknown,
  kinds: readonly K[],
  path: Path,
  noun: string,
  exclusive: readonly K[] = kinds,
): { kind: K } | { issue: Issue } {
  const expected = `a map with one of ${kinds.join(', ')}`;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return {
      issue: {
        code: 'invalid_type',
        path,
        message: `${noun} must be a map`,
        expected,
        received: Array.isArray(item) ? 'a list' : item === undefined ? 'nothing' : quote(item),
      },
    };
  }
  const keys = Object.keys(item);
  const named = exclusive.filter((kind) => keys.includes(kind));
  if (named.length > 1) {
    return {
      issue: {
        code: 'ambiguous_kind',
        path,
        message: `${noun} has both ${named.join(' and ')}`,
        expected: `exactly one of ${exclusive.join(', ')}`,
        hint: 'write one item for each',
      },
    };
  }
  const kind = kinds.find((candidate) => keys.includes(candidate));
  if (kind !== undefined) return { kind };
  const typo = keys.map((key) => ({ key, match: closest(key, kinds) })).find((entry) => entry.match !== undefined);
  return {
    issue: {
      code: 'unknown_kind',
      path,
      message: `${noun} has none of ${kinds.join(', ')}`,
      expected,
      received: keys.length === 0 ? 'an empty map' : `keys ${keys.join(', ')}`,
      hint: typo === undefined ? undefined : `did you mean "${typo.match}"? (from ${quote(typo.key)})`,
    },
  };
}
