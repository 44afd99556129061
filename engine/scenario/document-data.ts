/** Turns a checked YAML document into plain data, refusing alias bombs (billion laughs) quickly. */
import type { Document } from 'yaml';
import { fail, ok, type Result } from '../core/issue.ts';

/**
 * Alias expansions allowed, weighted by how many aliases each anchor itself contains (yaml's
 * `maxAliasCount`). A template reused by a few hundred devices passes; nine levels of nine aliases do not.
 */
export const MAX_ALIAS_COUNT = 1000;

/**
 * The document's value as plain objects, lists and scalars, or an issue when resolving aliases would
 * expand past {@link MAX_ALIAS_COUNT} or an alias names no anchor.
 *
 * @example
 * documentData(parseDocument('a: &x 1\nb: *x'), 'a.yaml'); // { ok: true, value: { a: 1, b: 1 } }
 */
export function documentData(doc: Document, file: string): Result<unknown> {
  try {
    return ok(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const bomb = text.startsWith('Excessive alias count');
    return fail([
      {
        code: bomb ? 'alias_bomb' : 'bad_alias',
        path: [],
        file,
        line: 1,
        column: 1,
        message: bomb
          ? `aliases expand past ${MAX_ALIAS_COUNT} copies: refused as a resource exhaustion ("billion laughs") attack`
          : `alias cannot be resolved: ${text.replace(/(?<=: )\S{61,}$/, (name) => `${name.slice(0, 60)}…`)}`,
        expected: bomb ? `at most ${MAX_ALIAS_COUNT} alias expansions` : 'an anchor (&name) defined before each alias (*name)',
        hint: bomb ? 'use fleet to repeat a device template, not nested aliases' : undefined,
      },
    ]);
  }
}
