/** Turns a checked YAML document into plain data in one linear pass, refusing alias bombs (billion laughs) by counting. */
import { excerpt } from '../../core/quote.ts';
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document } from 'yaml';
import { fail, ok, type Issue, type Result } from '../../core/issue.ts';
import { aliasTable, MAX_ALIASES, type AliasTable } from './alias-table.ts';

/**
 * Values that aliases may add to the document, counted as if each alias were a copy of its anchor.
 * A device template of 30 values reused by 10,000 devices passes; nine levels of nine aliases do not.
 */
export const MAX_ALIAS_VALUES = 1_000_000;

const MERGE_TAG = 'tag:yaml.org,2002:merge';

class Refused extends Error {
  constructor(readonly issue: Omit<Issue, 'file' | 'path'>) {
    super(issue.message);
  }
}

/**
 * The document's value as plain objects, lists and scalars, as yaml's `toJS()` gives it (an alias shares
 * its anchor's value, `<<` merge keys fill in the keys a map lacks), or an issue when the document has
 * more than {@link MAX_ALIASES} aliases, an alias names no earlier anchor, or aliases would stand for
 * more than {@link MAX_ALIAS_VALUES} values. Work is linear in the written document: each node is
 * converted once and an alias reuses its anchor's result and size.
 *
 * @example
 * documentData(parseDocument('a: &x 1\nb: *x'), 'a.yaml'); // { ok: true, value: { a: 1, b: 1 } }
 */
export function documentData(doc: Document, file: string): Result<unknown> {
  const table = aliasTable(doc);
  try {
    if (table.count > MAX_ALIASES) throw new Refused(tooManyAliases(table.count));
    // As yaml decides: `<<` is a merge key only when the document was parsed with merge keys on (YAML, not JSON).
    const merges = doc.schema.tags.some((tag) => tag.tag === MERGE_TAG && tag.default === 'key');
    const converter = new Converter(table, merges);
    const value = converter.convert(doc.contents);
    return ok(value);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return fail([{ line: 1, column: 1, ...error.issue, path: [], file }]);
  }
}

/** Converts nodes depth-first, remembering each anchored node's value and size for its aliases. */
class Converter {
  private readonly anchored = new Map<unknown, { value: unknown; size: number }>();
  private expanded = 0;

  constructor(
    private readonly table: AliasTable,
    private readonly merges: boolean,
  ) {}

  convert(node: unknown): unknown {
    return this.node(node).value;
  }

  private node(node: unknown): { value: unknown; size: number } {
    if (isAlias(node)) {
      const seen = this.anchored.get(this.table.source(node));
      if (seen === undefined) throw new Refused(badAlias(node.source));
      this.expanded += seen.size;
      if (this.expanded > MAX_ALIAS_VALUES) throw new Refused(bomb());
      return seen;
    }
    let result: { value: unknown; size: number };
    if (isMap(node)) result = this.map(node.items);
    else if (isSeq(node)) {
      const list: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const converted = isPair(item) ? this.map([item]) : this.node(item);
        list.push(converted.value);
        size += converted.size;
      }
      result = { value: list, size };
    } else result = { value: isScalar(node) ? node.value : (node ?? null), size: 1 };
    if ((node as { anchor?: string } | null)?.anchor !== undefined) this.anchored.set(node, result);
    return result;
  }

  private map(pairs: readonly unknown[]): { value: unknown; size: number } {
    const map: Record<string, unknown> = {};
    let size = 1;
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      if (this.merges && isMergeKey(pair.key)) {
        // yaml's merge key `<<`: each source map (an alias, a map, or a list of them) fills in missing keys only.
        const value = this.node(pair.value);
        size += value.size;
        for (const source of mergeSources(value.value)) {
          for (const [key, item] of Object.entries(source)) if (!Object.hasOwn(map, key)) define(map, key, item);
        }
        continue;
      }
      const key = this.node(pair.key);
      const value = this.node(pair.value);
      size += key.size + value.size;
      define(map, key.value === null ? '' : String(key.value), value.value);
    }
    return { value: map, size };
  }
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return (
    (typeof value === 'symbol' && value.description === '<<') ||
    (value === '<<' && (key.type === undefined || key.type === Scalar.PLAIN))
  );
}

function mergeSources(value: unknown): Record<string, unknown>[] {
  // A list (written, or an alias of one) merges each of its maps in turn, earlier ones winning.
  const sources = Array.isArray(value) ? (value as unknown[]) : [value];
  for (const source of sources) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      throw new Refused({
        code: 'bad_merge',
        message: 'merge key << needs a map, an alias of a map, or a list of them',
        hint: 'write `<<: *template` where &template names a map',
      });
    }
  }
  return sources as Record<string, unknown>[];
}

/** Sets `key` as an own property, so `__proto__` is data and never the prototype. */
function define(map: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

function tooManyAliases(count: number): Omit<Issue, 'file' | 'path'> {
  return {
    code: 'too_many_aliases',
    message: `more than ${MAX_ALIASES} aliases: refused as a resource exhaustion attack`,
    expected: `at most ${MAX_ALIASES} aliases`,
    received: `${count} aliases`,
    hint: 'use fleet to repeat a device template and generate for many artifacts',
  };
}

function bomb(): Omit<Issue, 'file' | 'path'> {
  return {
    code: 'alias_bomb',
    message: `aliases expand past ${MAX_ALIAS_VALUES} values: refused as a resource exhaustion ("billion laughs") attack`,
    expected: `aliases that stand for at most ${MAX_ALIAS_VALUES} values in all`,
    hint: 'use fleet to repeat a device template, not nested aliases',
  };
}

function badAlias(name: string): Omit<Issue, 'file' | 'path'> {
  return {
    code: 'bad_alias',
    message: `alias *${excerpt(name, 60)} cannot be resolved: no anchor &${excerpt(name, 60)} before it`,
    expected: 'an anchor (&name) defined before each alias (*name)',
  };
}
