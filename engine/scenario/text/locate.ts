/** Finds where a document path is written in the source: the YAML node, and its 1-based line and column. */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type LineCounter } from 'yaml';
import type { Issue, Path } from '../../core/issue.ts';
import { aliasTable, type AliasTable } from './alias-table.ts';

/** A line and column, both 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The nodes met while walking a path; `complete` is false when the walk stopped at a missing step. */
export interface NodeTrail {
  readonly nodes: readonly unknown[];
  readonly key: unknown;
  readonly complete: boolean;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * Walks `path` from the document root, through aliases, as far as the document goes. `resolve` finds
 * what an alias stands for (default: yaml's own, which walks the whole document each time).
 *
 * @example
 * walkPath(parseDocument('a: [x, y]'), ['a', 1]).complete; // true
 */
export function walkPath(
  doc: Document,
  path: Path,
  resolve: (alias: Alias) => unknown = (alias) => alias.resolve(doc),
): NodeTrail {
  let node: unknown = doc.contents;
  const nodes: unknown[] = [node];
  let key: unknown;
  for (const segment of path) {
    // An alias stands for its anchor; a bounded hop count keeps a self-referencing alias finite.
    for (let hops = 0; isAlias(node) && hops < 8; hops++) node = resolve(node);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === undefined) return { nodes, key: undefined, complete: false };
      key = pair.key;
      next = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      key = undefined;
      next = node.items[segment];
    }
    if (next === undefined || next === null) return { nodes, key, complete: false };
    node = next;
    nodes.push(node);
  }
  return { nodes, key, complete: true };
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}

/**
 * A function placing a path in the source: at the key when `key` is set (for unknown keys), else at
 * the value; a path the document does not have (a missing key, a node added by `--set`) falls back to
 * the nearest parent that exists in the text.
 *
 * @example
 * const at = createLocator(doc, lineCounter);
 * at(['devices', 0, 'os']); // { line: 4, column: 9 }
 */
export function createLocator(doc: Document, lineCounter: LineCounter): (path: Path, key?: boolean) => Position {
  // One walk resolves every alias, built when first needed: placing thousands of issues stays linear.
  let table: AliasTable | undefined;
  const resolve = (alias: Alias): unknown => (table ??= aliasTable(doc)).source(alias);
  return (path, key = false) => {
    const trail = walkPath(doc, path, resolve);
    const candidates: unknown[] = trail.complete && key && trail.key !== undefined ? [trail.key] : [];
    if (!trail.complete && trail.key !== undefined) candidates.push(trail.key);
    candidates.push(...[...trail.nodes].reverse());
    for (const node of candidates) {
      const start = rangeStart(node);
      if (start !== undefined) {
        const { line, col } = lineCounter.linePos(start);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  };
}

/** Fills `file`, `line` and `column` of issues that do not carry their own (imported files keep theirs). */
export function placeIssues(issues: readonly Issue[], file: string, locate: (path: Path, key?: boolean) => Position): Issue[] {
  return issues.map((issue) => {
    if (issue.file !== undefined && issue.file !== file) return issue;
    if (issue.line !== undefined) return { ...issue, file };
    const position = locate(issue.path, issue.code === 'unknown_key');
    return { ...issue, file, line: position.line, column: position.column };
  });
}

function contains(node: unknown, offset: number): boolean {
  const range =
    typeof node === 'object' && node !== null && 'range' in node
      ? (node as { range?: readonly number[] | null }).range
      : undefined;
  return range !== undefined && range !== null && (range[0] ?? Infinity) <= offset && offset < (range[1] ?? -Infinity);
}

/**
 * The path of the deepest node written at `offset` in the source: where a syntax error sits.
 *
 * @example
 * pathAtOffset(parseDocument('a: [1, 0x1]'), 7); // ['a', 1]
 */
export function pathAtOffset(doc: Document, offset: number): Path {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 64; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((item) => contains(item.value, offset) || contains(item.key, offset));
      if (pair === undefined) break;
      path.push(keyText(pair.key));
      if (!contains(pair.value, offset)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else break;
  }
  return path;
}
