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
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

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
  const offsets = new WeakMap<object, number>();
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
          const key = sticky(STRING);
          if (key === undefined) throw new Fault(at, 'syntax');
          expect(':');
          // defineProperty: a key "__proto__" is data, as JSON.parse makes it.
          Object.defineProperty(node, JSON.parse(key) as string, {
            value: value(depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        space();
        const next = text.charAt(at++);
        if (next === close) return node;
        if (next !== ',') throw new Fault(at - 1, 'syntax');
      }
    }
    const string = sticky(STRING);
    if (string !== undefined) return JSON.parse(string) as string;
    const number = sticky(NUMBER);
    if (number !== undefined) return Number(number);
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
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
    const lines = (offset: number) => lineColumn(text, offset);
    return ok({
      value: parsed,
      at: (node) => lines(typeof node === 'object' && node !== null ? (offsets.get(node) ?? 0) : 0),
    });
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    return fail({ ...lineColumn(text, error.offset), reason: error.reason });
  }
}
