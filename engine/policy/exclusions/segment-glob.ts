/** Glob matching within one path segment (`*`, `?`), linear in the segment with no backtracking (§4.2). */

/** One compiled segment pattern. Text is lower case; a literal segment is compared with `===`. */
export interface SegmentGlob {
  readonly text: string;
  readonly literal: boolean;
  /** The text split on `*`: the first chunk is anchored at the start, the last at the end. */
  readonly chunks: readonly string[];
  /** Per chunk: does it contain `?` (then it is compared character by character)? */
  readonly chunkHasQuestion: readonly boolean[];
  /** The shortest text that can match: the chunks' lengths added up. */
  readonly minLength: number;
}

const STAR = 42;
const QUESTION = 63;

/**
 * Compiled globs are immutable and depend only on their text, so equal segments share one: a 10,000-entry
 * list repeats `c:`, `program files` and `data` thousands of times, and each copy was three objects kept
 * for the matcher's life (issue 13: about half of compiling such a list was the collector moving them).
 */
const shared = new Map<string, SegmentGlob>();
const MAX_SHARED_GLOBS = 16_384;

/**
 * Counts `*` and `?` in a text (§4.2: at most 6 per entry).
 *
 * @example
 * countWildcards('C:\\*\\v?\\*.txt'); // 3
 */
export function countWildcards(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === STAR || code === QUESTION) count++;
  }
  return count;
}

/**
 * Compiles one lower-case segment pattern.
 *
 * @example
 * matchSegmentGlob(compileSegmentGlob('contoso*'), 'contoso labs'); // true
 */
export function compileSegmentGlob(text: string): SegmentGlob {
  const known = shared.get(text);
  if (known !== undefined) return known;
  const chunks = text.split('*');
  const glob: SegmentGlob = {
    text,
    literal: countWildcards(text) === 0,
    chunks,
    chunkHasQuestion: chunks.map((chunk) => chunk.includes('?')),
    minLength: chunks.reduce((sum, chunk) => sum + chunk.length, 0),
  };
  // Emptied when full: a hostile list of distinct segments costs one compile each, never unbounded memory.
  if (shared.size >= MAX_SHARED_GLOBS) shared.clear();
  shared.set(text, glob);
  return glob;
}

/** True when `chunk` (where `?` is any one character) occurs in `text` at `at`. */
function chunkAt(chunk: string, text: string, at: number): boolean {
  for (let i = 0; i < chunk.length; i++) {
    const code = chunk.charCodeAt(i);
    if (code !== QUESTION && code !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The leftmost position in [from, last] where `chunk` occurs, or -1. */
function findChunk(chunk: string, hasQuestion: boolean, text: string, from: number, last: number): number {
  if (!hasQuestion) {
    const found = text.indexOf(chunk, from);
    return found === -1 || found > last ? -1 : found;
  }
  for (let at = from; at <= last; at++) if (chunkAt(chunk, text, at)) return at;
  return -1;
}

/**
 * Matches a lower-case segment against a compiled glob. Middle chunks take their leftmost occurrence,
 * which is always safe for `*`-separated fixed-length chunks, so nothing is ever retried:
 * `*a*a*a*a*a*b` costs one left-to-right pass.
 *
 * @example
 * matchSegmentGlob(compileSegmentGlob('my?.zip'), 'my12.zip'); // false (§4.4 #15)
 */
export function matchSegmentGlob(glob: SegmentGlob, text: string): boolean {
  if (glob.literal) return glob.text === text;
  if (text.length < glob.minLength) return false;
  const chunks = glob.chunks;
  const first = chunks[0] ?? '';
  if (chunks.length === 1) return text.length === first.length && chunkAt(first, text, 0);
  if (!chunkAt(first, text, 0)) return false;
  const lastChunk = chunks[chunks.length - 1] ?? '';
  const end = text.length - lastChunk.length;
  let at = first.length;
  for (let i = 1; i < chunks.length - 1; i++) {
    const chunk = chunks[i] ?? '';
    const found = findChunk(chunk, glob.chunkHasQuestion[i] === true, text, at, end - chunk.length);
    if (found === -1) return false;
    at = found + chunk.length;
  }
  return at <= end && chunkAt(lastChunk, text, end);
}
