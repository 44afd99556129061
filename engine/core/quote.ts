/** Quoting user text for messages: JSON-style quotes, with every invisible or line-breaking character shown as `\uXXXX`. */

/**
 * Characters a terminal shows as nothing, or as a line break: C0 and C1 controls and DEL (Cc), format
 * characters such as zero-width spaces, bidi overrides, the BOM and tag characters (Cf), the line and
 * paragraph separators U+2028/U+2029 (Zl, Zp), and lone surrogates (Cs).
 */
/** The human-readable fields of an `Issue` (core/issue.ts), the only ones quoting touches; structural, so core/issue.ts may import this file. */
interface IssueText {
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  readonly hint?: string;
}

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function unicodeEscape(char: string): string {
  let out = '';
  // An astral character (a tag character, U+E0001 …) becomes its two UTF-16 units, as JSON spells it.
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `text` with every invisible character (see {@link INVISIBLE}) written as `\uXXXX` and nothing else
 * changed: for text shown as the user wrote it, such as a source excerpt or a suggested replacement.
 *
 * @example
 * escapeInvisible('C:\u2029rogram'); // 'C:\\u2029rogram'
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, unicodeEscape);
}

/**
 * `value` as a message quotes it: JSON (strings in double quotes with `\"`, `\\`, `\n` escapes; other
 * values as JSON text), then every invisible character JSON leaves raw (U+2028, U+2029, DEL, C1
 * controls, format characters) written as `\uXXXX`, so nothing invisible reaches a terminal. A value
 * JSON cannot write (undefined, a bigint, a cycle) is shown with `String`.
 *
 * @example
 * quote('ws-01'); // '"ws-01"'
 * quote('C:\u2029rogram'); // '"C:\\u2029rogram"'
 * quote({ malicious: 0.05 }); // '{"malicious":0.05}'
 */
export function quote(value: unknown): string {
  try {
    return escapeInvisible(JSON.stringify(value) ?? String(value));
  } catch {
    // A bigint or a cycle: JSON refuses it, and quoting must never throw out of engine code.
    return typeof value === 'bigint' ? String(value) : Object.prototype.toString.call(value);
  }
}

/** Longest excerpt {@link quoteExcerpt} writes by default, quotes and ellipsis included (issue 10: at most 80 characters of a file). */
const MAX_EXCERPT = 80;

/**
 * `text` quoted as {@link quote} does, cut so that the whole quoted excerpt (quotes and a closing `…`
 * included) is at most `max` characters (default {@link MAX_EXCERPT}): for a cell or a stretch of a file
 * that a message shows, so that no message copies more than that of a file that may hold secrets. An
 * escape sequence is never cut in half.
 *
 * @example
 * quoteExcerpt('C:\\Tools'); // '"C:\\\\Tools"'
 * quoteExcerpt('x'.repeat(200), 10); // '"xxxxxxx…"'
 */
export function quoteExcerpt(text: string, max: number = MAX_EXCERPT): string {
  const whole = quote(text);
  if (whole.length <= max) return whole;
  // Cut the source, not the quoted text, so `\\` and `\uXXXX` stay whole; each char quotes to at most 12.
  let end = Math.min(text.length, max);
  let shown = quote(text.slice(0, end));
  while (end > 0 && shown.length > max - 1) {
    end -= Math.max(1, Math.floor((shown.length - (max - 1)) / 12));
    // Never split a surrogate pair: the lone half would be shown as an escape of half a character.
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    shown = quote(text.slice(0, Math.max(0, end)));
  }
  return `${shown.slice(0, -1)}…"`;
}

/**
 * `text` as a message shows a token raw (a tag, a number as written): invisible characters escaped, cut
 * with `…` to at most `max` characters (default {@link MAX_EXCERPT}).
 *
 * @example
 * excerpt('!!js/function'); // '!!js/function'
 * excerpt('0x' + 'f'.repeat(200), 6); // '0xfff…'
 */
export function excerpt(text: string, max: number = MAX_EXCERPT): string {
  const shown = escapeInvisible(text);
  return shown.length <= max ? shown : `${shown.slice(0, max - 1)}…`;
}

/** Texts longer than this are not searched for runs: a field that could repeat one is cut whole instead. */
const MAX_SEARCHED = 65_536;

/**
 * `field` with every stretch of more than `max` characters that also occurs in `text` cut short with
 * `…`: for text a check derived from a value (a suggested rewrite) rather than quoted.
 */
function cutRuns(field: string, text: string, max: number): string {
  if (field.length <= max) return field;
  if (text.length > MAX_SEARCHED) return `${field.slice(0, max - 1)}…`;
  let out = '';
  let i = 0;
  while (i < field.length) {
    if (i + max < field.length && text.includes(field.slice(i, i + max + 1))) {
      let end = i + max + 1;
      while (end < field.length && text.includes(field.slice(i, end + 1))) end++;
      out += `${field.slice(i, i + max - 1)}…`;
      i = end;
    } else out += field[i++];
  }
  return out;
}

/**
 * `issue` with every long `texts` item (a file's cells or entries) that its message, expected, received
 * or hint shows cut to at most `max` characters (default {@link MAX_EXCERPT}): a quoted or raw copy
 * becomes {@link quoteExcerpt}, and any other stretch of more than `max` characters of it (a suggested
 * rewrite) is cut with `…`. For issues built by code that shows whole values (a validator shared with
 * inline lists), so that an import shows at most `max` characters of any one value (issue 10).
 *
 * @example
 * withExcerpts({ code: 'x', path: [], message: `bad ${'a'.repeat(100)}` }, ['a'.repeat(100)]).message.length; // 84
 */
export function withExcerpts<T extends IssueText>(issue: T, texts: readonly string[], max: number = MAX_EXCERPT): T {
  const long = texts.filter((text) => text.length > max - 3);
  if (long.length === 0) return issue;
  const cut = (field: string): string => {
    let out = field;
    for (const text of long) {
      const excerpt = quoteExcerpt(text, max);
      out = cutRuns(out.split(quote(text)).join(excerpt).split(text).join(excerpt), text, max);
    }
    return out;
  };
  const { message, expected, received, hint } = issue;
  const escaped = {
    message: cut(message),
    ...(expected === undefined ? {} : { expected: cut(expected) }),
    ...(received === undefined ? {} : { received: cut(received) }),
    ...(hint === undefined ? {} : { hint: cut(hint) }),
  };
  const same =
    escaped.message === message && escaped.expected === expected && escaped.received === received && escaped.hint === hint;
  return same ? issue : { ...issue, ...escaped };
}

/**
 * `text` cut to at most `max` characters (default 300), ending in a visible `…` when cut. Never cuts
 * inside an escape sequence (`\uXXXX`, `\"`, `\\`: a half escape would show a wrong character) or
 * between the halves of a surrogate pair. Work is bounded by `max`, not by the text's length.
 *
 * @example
 * clipText('ab\\u202ecd', 5); // 'ab…'
 */
export function clipText(text: string, max = 300): string {
  if (text.length <= max) return text;
  const room = max - 1;
  let end = 0;
  while (end < room) {
    const char = text.charCodeAt(end);
    // A backslash starts a JSON-style escape: `\u` and four hex digits, or one escaped character.
    const size = char === 0x5c ? (text[end + 1] === 'u' ? 6 : 2) : char >= 0xd800 && char <= 0xdbff ? 2 : 1;
    if (end + size > room) break;
    end += size;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * `issue` with invisible characters escaped in its message, expected, received and hint: a last guard
 * for text that other layers (an injected validator, an importer) built without {@link quote}.
 *
 * @example
 * escapeIssue({ code: 'x', path: [], message: 'bad "\u202e"' }).message; // 'bad "\\u202e"'
 */
export function escapeIssue<T extends IssueText>(issue: T): T {
  const { message, expected, received, hint } = issue;
  const escaped = {
    message: escapeInvisible(message),
    ...(expected === undefined ? {} : { expected: escapeInvisible(expected) }),
    ...(received === undefined ? {} : { received: escapeInvisible(received) }),
    ...(hint === undefined ? {} : { hint: escapeInvisible(hint) }),
  };
  const same =
    escaped.message === message && escaped.expected === expected && escaped.received === received && escaped.hint === hint;
  return same ? issue : { ...issue, ...escaped };
}
