/** Resolves every YAML alias of a document in one walk, so alias handling stays linear in the file's size. */
import { isAlias, isCollection, isPair, type Alias, type Document } from 'yaml';

/**
 * Aliases a scenario may have, like YAML libraries' `maxAliasCount`. A device template reused by a few
 * hundred devices needs a few hundred; `fleet` and `generate` describe more without aliases.
 */
export const MAX_ALIASES = 10_000;

/** Every alias of a document in document order, with the node each stands for. */
export interface AliasTable {
  /** Aliases in the document; only the first {@link MAX_ALIASES} + 1 are kept in `aliases`. */
  readonly count: number;
  readonly aliases: readonly Alias[];
  /** Nodes the walk visited: each node once, whatever the number of aliases. */
  readonly visited: number;
  /** The anchored node `alias` stands for: the last one of its name before it; undefined when none. */
  source(alias: Alias): unknown;
}

/**
 * Walks `doc` once in document order, keeping the latest node of each anchor name, and records what
 * each alias stands for. yaml's own `Alias.resolve` walks the whole document per alias, which made
 * 20,000 aliases take 26 s; this is one walk for all of them.
 *
 * @example
 * const table = aliasTable(parseDocument('a: &x 1\nb: *x'));
 * table.count; // 1
 */
export function aliasTable(doc: Document): AliasTable {
  const latest = new Map<string, unknown>();
  const sources = new Map<Alias, unknown>();
  const aliases: Alias[] = [];
  let count = 0;
  let visited = 0;
  // An explicit stack: nesting is bounded by the lint, but a walk that cannot overflow needs no proof.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    visited++;
    if (isAlias(node)) {
      count++;
      if (aliases.length <= MAX_ALIASES) {
        aliases.push(node);
        sources.set(node, latest.get(node.source));
      }
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) latest.set(anchor, node);
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return { count, aliases, visited, source: (alias) => sources.get(alias) };
}
