/** The wildcard edges leaving one trie node, indexed by their literal prefix or suffix so siblings are not all tried. */
import { matchSegmentGlob, type SegmentGlob } from './segment-glob.ts';

/** One wildcard edge of the segment trie, leading to the node for patterns that continue below it. */
export interface GlobEdge<N> {
  readonly glob: SegmentGlob;
  readonly node: N;
}

/** A character trie over literal prefixes (or reversed suffixes); edges sit where their literal ends. */
interface CharNode<N> {
  children: Map<number, CharNode<N>> | undefined;
  edges: GlobEdge<N>[] | undefined;
}

const charNode = <N>(): CharNode<N> => ({ children: undefined, edges: undefined });

function file<N>(root: CharNode<N>, literal: string, reversed: boolean, edge: GlobEdge<N>): void {
  let current = root;
  for (let i = 0; i < literal.length; i++) {
    const code = literal.charCodeAt(reversed ? literal.length - 1 - i : i);
    current.children ??= new Map();
    let child = current.children.get(code);
    if (child === undefined) current.children.set(code, (child = charNode()));
    current = child;
  }
  (current.edges ??= []).push(edge);
}

/** The text before the first wildcard, and after the last. */
function literalEnds(text: string): { prefix: string; suffix: string } {
  const first = text.search(/[*?]/);
  let last = text.length - 1;
  while (last >= 0 && text[last] !== '*' && text[last] !== '?') last--;
  return { prefix: first === -1 ? text : text.slice(0, first), suffix: text.slice(last + 1) };
}

/**
 * A node's wildcard edges. `Contoso*` is filed under its prefix `contoso`, `*a*b7` under its suffix
 * `b7`, in character tries walked from the segment's start or end; only edges with neither (`*`,
 * `*a*`) are tried one by one. A lookup costs the segment's length, not the number of siblings.
 *
 * @example
 * const edges = new GlobEdges<string>(); edges.add(compileSegmentGlob('contoso*'), () => 'node');
 * edges.forMatching('contoso labs', (node) => console.log(node)); // 'node'
 */
export class GlobEdges<N> {
  private readonly byGlob = new Map<string, GlobEdge<N>>();
  private readonly prefixes: CharNode<N> = charNode();
  private readonly suffixes: CharNode<N> = charNode();
  private readonly loose: GlobEdge<N>[] = [];

  get size(): number {
    return this.byGlob.size;
  }

  /** The node behind the edge for `glob`, created by `make` when the edge is new. */
  add(glob: SegmentGlob, make: () => N): N {
    const known = this.byGlob.get(glob.text);
    if (known !== undefined) return known.node;
    const edge = { glob, node: make() };
    this.byGlob.set(glob.text, edge);
    const { prefix, suffix } = literalEnds(glob.text);
    if (prefix !== '') file(this.prefixes, prefix, false, edge);
    else if (suffix !== '') file(this.suffixes, suffix, true, edge);
    else this.loose.push(edge);
    return edge.node;
  }

  /** Calls `visit` with the node of every edge whose glob matches `segment`. */
  forMatching(segment: string, visit: (node: N) => void): void {
    for (const edge of this.loose) if (matchSegmentGlob(edge.glob, segment)) visit(edge.node);
    const length = segment.length;
    let current = this.prefixes.children?.get(segment.charCodeAt(0));
    for (let i = 1; current !== undefined; i++) {
      if (current.edges !== undefined)
        for (const edge of current.edges) if (matchSegmentGlob(edge.glob, segment)) visit(edge.node);
      current = i < length ? current.children?.get(segment.charCodeAt(i)) : undefined;
    }
    current = this.suffixes.children?.get(segment.charCodeAt(length - 1));
    for (let i = 2; current !== undefined; i++) {
      if (current.edges !== undefined)
        for (const edge of current.edges) if (matchSegmentGlob(edge.glob, segment)) visit(edge.node);
      current = i <= length ? current.children?.get(segment.charCodeAt(length - i)) : undefined;
    }
  }
}
