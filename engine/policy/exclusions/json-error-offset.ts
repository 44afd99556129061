/** Finds where JSON text stops being valid, because Node 20's `JSON.parse` errors do not always say. */

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * The offset of the first character that makes `text` invalid JSON, or -1 when it is valid. Used
 * only after `JSON.parse` has failed, to give the line of the problem.
 *
 * @example
 * jsonErrorOffset('{"a": [1,]}'); // 9
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++;
  };
  const sticky = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) return false;
    at = pattern.lastIndex;
    return true;
  };
  const string = (): boolean => {
    if (text[at] !== '"') return false;
    for (at++; at < text.length; at++) {
      const char = text[at] ?? '';
      if (char === '"') {
        at++;
        return true;
      }
      if (char === '\\') at++;
      else if (char < ' ') return false;
    }
    return false;
  };
  const list = (close: string, item: () => boolean): boolean => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return true;
    }
    for (;;) {
      if (!item()) return false;
      space();
      if (text[at] === close) {
        at++;
        return true;
      }
      if (text[at] !== ',') return false;
      at++;
      space();
    }
  };
  const value = (): boolean => {
    space();
    const char = text[at];
    if (char === '{') {
      return list('}', () => {
        if (!string()) return false;
        space();
        if (text[at] !== ':') return false;
        at++;
        return value();
      });
    }
    if (char === '[') return list(']', value);
    if (char === '"') return string();
    return sticky(NUMBER) || sticky(LITERAL);
  };
  if (!value()) return at;
  space();
  return at < text.length ? at : -1;
}
