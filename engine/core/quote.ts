/** Quoting user text for messages: JSON-style quotes, with every invisible or line-breaking character shown as `\uXXXX`. */
import type { Issue } from './issue.ts';

/**
 * Characters a terminal shows as nothing, or as a line break: C0 and C1 controls and DEL (Cc), format
 * characters such as zero-width spaces, bidi overrides, the BOM and tag characters (Cf), the line and
 * paragraph separators U+2028/U+2029 (Zl, Zp), and lone surrogates (Cs).
 */
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
export function escapeIssue(issue: Issue): Issue {
  const { message, expected, received, hint } = issue;
  const escaped = {
    message: escapeInvisible(message),
    ...(expected === undefined ? {} : { expected: escapeInvisible(expected) }),
    ...(received === undefined ? {} : { received: escapeInvisible(received) }),
    ...(hint === undefined ? {} : { hint: escapeInvisible(hint) }),
  };
  const same = escaped.message === message && escaped.expected === expected && escaped.received === received && escaped.hint === hint;
  return same ? issue : { ...issue, ...escaped };
}
