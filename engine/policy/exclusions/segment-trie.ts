/** A trie of path patterns keyed by segment, with glob edges, so a lookup costs the target's depth, not the list's size. */
import type { PathPattern } from './exclusion-entry.ts';
import { GlobEdges } from './glob-edges.ts';

/** Anything stored in the trie: a pattern and its precedence (lower wins). */
export interface TrieItem {
  readonly pattern: PathPattern;
  readonly order: number;
}

// Fields are created on first use: most nodes are leaves, and small nodes keep big lists in cache.
interface TrieNode<T> {
  literal: Map<string, TrieNode<T>> | undefined;
  globs: GlobEdges<TrieNode<T>> | undefined;
  /** Patterns ending here that cover everything below (plain last segment). */
  recursive: T[];
  /** Patterns ending here that match only a target of exactly this depth (file-name wildcard). */
  exact: T[];
}

const NONE: never[] = [];

function node<T>(): TrieNode<T> {
  return { literal: undefined, globs: undefined, recursive: NONE, exact: NONE };
}

/**
 * Patterns hang off the node of their segments: literal segments are map edges, wildcard segments are
 * glob edges shared by equal globs. A lookup walks the target's segments once, following every edge
 * that matches (a handful for realistic lists), and checks only the patterns ending on that walk.
 *
 * @example
 * const trie = new SegmentTrie<Item>(); trie.add(item); trie.find(['c:', 'tools', 'a.exe'], () => true);
 */
export class SegmentTrie<T extends TrieItem> {
  private readonly root: TrieNode<T> = node();
  private active: TrieNode<T>[] = [];
  private next: TrieNode<T>[] = [];
  private nextCount = 0;
  private readonly pushNext = (found: TrieNode<T>): void => {
    this.next[this.nextCount++] = found;
  };
  size = 0;

  /** Adds an item; add in precedence order so each node's lists stay sorted. */
  add(item: T): void {
    let current = this.root;
    for (const glob of item.pattern.segments) {
      if (glob.literal) {
        current.literal ??= new Map();
        let child = current.literal.get(glob.text);
        if (child === undefined) current.literal.set(glob.text, (child = node()));
        current = child;
      } else {
        current.globs ??= new GlobEdges();
        current = current.globs.add(glob, node<T>);
      }
    }
    if (item.pattern.recursive) current.recursive = [...current.recursive, item];
    else current.exact = [...current.exact, item];
    this.size++;
  }

  /**
   * The lowest-order item whose pattern matches `segments` followed by `tail` (a folder and a file, never
   * joined) and that `accept(item, patternDepth)` takes, or undefined. `below` skips items of that order or
   * higher (something better is known).
   */
  find(
    segments: readonly string[],
    accept: (item: T, depth: number) => boolean,
    below = Infinity,
    tail: readonly string[] = NONE,
  ): T | undefined {
    if (this.size === 0) return undefined;
    const head = segments.length;
    const length = head + tail.length;
    let best: T | undefined;
    let bestOrder = below;
    // Two scratch arrays with explicit counts: nothing is allocated or truncated per lookup.
    this.active[0] = this.root;
    let activeCount = 1;
    for (let depth = 0; ; depth++) {
      const atEnd = depth === length;
      for (let a = 0; a < activeCount; a++) {
        const current = this.active[a] as TrieNode<T>;
        for (const item of current.recursive) {
          if (item.order >= bestOrder) break;
          if (accept(item, depth)) {
            best = item;
            bestOrder = item.order;
            break;
          }
        }
        if (!atEnd) continue;
        for (const item of current.exact) {
          if (item.order >= bestOrder) break;
          if (accept(item, depth)) {
            best = item;
            bestOrder = item.order;
            break;
          }
        }
      }
      if (atEnd) break;
      const segment = (depth < head ? segments[depth] : tail[depth - head]) ?? '';
      this.nextCount = 0;
      for (let a = 0; a < activeCount; a++) {
        const current = this.active[a] as TrieNode<T>;
        const child = current.literal?.get(segment);
        if (child !== undefined) this.next[this.nextCount++] = child;
        current.globs?.forMatching(segment, this.pushNext);
      }
      if (this.nextCount === 0) break;
      const swap = this.active;
      this.active = this.next;
      this.next = swap;
      activeCount = this.nextCount;
    }
    return best;
  }
}
