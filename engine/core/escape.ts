/** Escaping user strings for the format that carries them: one function per format, the only place each rule lives. */
import { escapeInvisible } from './quote.ts';

/**
 * Text for a terminal (text reports, summaries, explain, check-exclusion, train, error messages): every
 * control character, bidi override and other invisible character written as `\uXXXX`, so that no ESC
 * sequence or U+202E from a scenario reaches the screen. The same rule the error messages use.
 *
 * @example
 * forTerminal('ws\u001b[2J'); // 'ws\\u001b[2J'
 */
export function forTerminal(text: string): string {
  return escapeInvisible(text);
}

// OWASP "CSV injection": a cell a spreadsheet reads as a formula starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): a cell that a spreadsheet would read as a formula (it starts with `=`, `+`,
 * `-`, `@`, tab or CR) gets a leading `'`; a cell with a comma, quote or line break is quoted, quotes
 * doubled.
 *
 * @example
 * forCsv('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 * forCsv('ws-01'); // 'ws-01'
 */
export function forCsv(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Text for XML or HTML content and attribute values: the five metacharacters as entities, and the
 * control characters XML 1.0 forbids even as references removed.
 *
 * @example
 * forXml('<script>'); // '&lt;script&gt;'
 */
export function forXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/**
 * The message of a GitHub workflow command (`::error file=…::MESSAGE`): `%`, CR and LF percent-encoded,
 * as the runner's own toolkit does (`escapeData`), so a string cannot end the command and start another.
 *
 * @example
 * forAnnotationMessage('a\n::error::b'); // 'a%0A::error::b'
 */
export function forAnnotationMessage(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/**
 * A property value of a GitHub workflow command (`file=`, `title=`): as a message, plus `:` and `,`,
 * which end a property (the toolkit's `escapeProperty`).
 *
 * @example
 * forAnnotationProperty('a,b:c'); // 'a%2Cb%3Ac'
 */
export function forAnnotationProperty(text: string): string {
  return forAnnotationMessage(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * Inline Markdown text with raw HTML off: HTML metacharacters as entities, Markdown punctuation
 * backslash-escaped so that no link, emphasis or code span starts, and `@` written as the entity `&#64;`
 * so that GitHub mentions no one. Line breaks become spaces; invisible characters are shown as `\uXXXX`.
 *
 * @example
 * forMarkdown('@team <b>*x*</b>'); // '&#64;team &lt;b&gt;\\*x\\*&lt;/b&gt;'
 */
export function forMarkdown(text: string): string {
  return escapeInvisible(text.replace(/[\r\n]+/g, ' '))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (char) => `\\${char}`)
    .replaceAll('@', '&#64;');
}
