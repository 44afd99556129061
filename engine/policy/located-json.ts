/** JSON with positions: the value JSON.parse gives, plus where each object and array starts, for `file:line:col` issues of JSON exports. */
import { fail, ok, type Result } from '../core/issue.ts';

/** Deepest nesting read: Graph and Defender exports nest about 8 levels; a hostile file nested 10^5 deep must not overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/** A parsed document: the value, and the start of each object or array in it as line and column (1-based). */
export interface LocatedJson {
  readonly value: unknown;
  /** Where `node` (an object or array of `value`) starts; the document start for anything else. */
  readonly at: (node: unknown) => { readonly line: number; readonly column: number };
}

/** Where the text stops being JSON, and why; the caller words the issue (it quotes nothing of the file). */
export interface JsonFault {
  readonly line: number;
  readonly column: number;
  readonly reason: 'syntax' | 'depth';
}

/** Line and column (1-based) of `offset` in `text`, counting `\n` line ends. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineIndex(text)(offset);
}

/** A lookup from offset to line and column: the line starts found once, then a binary search per call. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** What may follow a backslash in a JSON string; `u` is checked for its four hex digits separately. */
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

class Fault extends Error {
  constructor(
    readonly offset: number,
    readonly reason: 'syntax' | 'depth',
  ) {
    super(reason);
  }
}

/**
 * Parses `text` (a leading BOM is skipped) as strict JSON, recording the offset of every object and
 * array. Nesting deeper than {@link MAX_JSON_DEPTH} is refused, as is anything after the value.
 *
 * @example
 * const doc = parseLocatedJson('{\n  "value": [ { "a": 1 } ]\n}');
 * doc.ok && doc.value.at((doc.value.value as { value: object[] }).value[0]); // { line: 2, column: 14 }
 */
export function parseLocatedJson(text: string): Result<LocatedJson, JsonFault> {
  // A Map, not a WeakMap: it lives as long as the document anyway, and a million WeakMap keys cost 4x the parse.
  const offsets = new Map<object, number>();
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const sticky = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) return undefined;
    at = pattern.lastIndex;
    return match[0];
  };
  // A loop, not a regular expression: a 10 MB string would overflow the regex engine's stack.
  const string = (): string | undefined => {
    if (text.charCodeAt(at) !== 0x22) return undefined;
    let escaped = false;
    for (let i = at + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        const raw = text.slice(at, i + 1);
        at = i + 1;
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (code < 0x20) throw new Fault(i, 'syntax');
      if (code === 0x5c) {
        escaped = true;
        const next = text.charAt(i + 1);
        if (next === 'u' ? !HEX4.test(text.slice(i + 2, i + 6)) : !ESCAPES.has(next)) throw new Fault(i, 'syntax');
        i += next === 'u' ? 5 : 1;
      }
    }
    throw new Fault(text.length, 'syntax');
  };
  const expect = (char: string): void => {
    space();
    if (text.charAt(at) !== char) throw new Fault(at, 'syntax');
    at++;
  };
  const value = (depth: number): unknown => {
    space();
    const start = at;
    const char = text.charAt(at);
    if (char === '{' || char === '[') {
      if (depth >= MAX_JSON_DEPTH) throw new Fault(at, 'depth');
      at++;
      const node: unknown[] | Record<string, unknown> = char === '[' ? [] : {};
      offsets.set(node, start);
      const close = char === '[' ? ']' : '}';
      space();
      if (text.charAt(at) === close) {
        at++;
        return node;
      }
      for (;;) {
        if (Array.isArray(node)) node.push(value(depth + 1));
        else {
          space();
          const key = string();
          if (key === undefined) throw new Fault(at, 'syntax');
          expect(':');
          const item = value(depth + 1);
          // A key "__proto__" is data, as JSON.parse makes it, never the prototype.
          if (key === '__proto__')
            Object.defineProperty(node, key, { value: item, enumerable: true, writable: true, configurable: true });
          else (node as Record<string, unknown>)[key] = item;
        }
        space();
        const next = text.charAt(at++);
        if (next === close) return node;
        if (next !== ',') throw new Fault(at - 1, 'syntax');
      }
    }
    const found = string();
    if (found !== undefined) return found;
    const number = sticky(NUMBER);
    if (number !== undefined) return Number(number);
    for (const [word, result] of LITERALS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    throw new Fault(start, 'syntax');
  };
  try {
    const parsed = value(0);
    space();
    if (at < text.length) throw new Fault(at, 'syntax');
    const lines = lineIndex(text);
    return ok({
      value: parsed,
      at: (node) => lines(typeof node === 'object' && node !== null ? (offsets.get(node) ?? 0) : 0),
    });
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    return fail({ ...lineIndex(text)(error.offset), reason: error.reason });
  }
}
