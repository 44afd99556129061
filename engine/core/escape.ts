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

/** Text the program itself made for a terminal (a colour code around a mark), which {@link terminalLine} passes through. */
export interface OwnText {
  readonly own: string;
}

/**
 * Marks `text` as the program's own (never user input), so that {@link terminalLine} keeps it as it is.
 *
 * @example
 * terminalLine`${ownText('\u001b[32m✔\u001b[0m')} ${name}`;
 */
export function ownText(text: string): OwnText {
  return { own: text };
}

/**
 * A template tag for one line of terminal text: every interpolated value is user text and goes through
 * {@link forTerminal} (a line break in it too, so a name cannot start a new line), except what
 * {@link ownText} marks. Renderers join user strings with it, so the rule is applied where they are joined.
 *
 * @example
 * terminalLine`✔ ${'ws\u001b[2J'}`; // '✔ ws\\u001b[2J'
 */
export function terminalLine(strings: TemplateStringsArray, ...values: readonly (string | number | OwnText)[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += typeof value === 'object' ? value.own : forTerminal(String(value));
    out += strings[index + 1] ?? '';
  });
  return out;
}

/**
 * Multi-line user text for a terminal (a scenario description): each line as {@link forTerminal} writes
 * it, the line feeds kept. A CR is escaped, since it would move the cursor back over the line.
 *
 * @example
 * forTerminalLines('a\u001b\nb'); // 'a\\u001b\nb'
 */
export function forTerminalLines(text: string): string {
  // Printable ASCII and LF hold nothing invisible: only the runs of other characters are handed to
  // forTerminal, in one pass, so a JSON report of millions of lines stays fast.
  return text.replace(/[^\n\u0020-\u007e]+/g, forTerminal);
}

/**
 * JSON text (from `JSON.stringify`) with every invisible character that JSON leaves raw inside strings
 * (U+2028, U+202E, DEL, C1 controls, …) written as a `\uXXXX` escape. JSON does not require it, but
 * `cat report.json` must not reverse text either; the document parses to the same value. Outside
 * strings, `JSON.stringify` writes only spaces and line feeds, which are kept.
 *
 * @example
 * forJsonText('{"name":"a\u202eb"}'); // '{"name":"a\\u202eb"}'
 */
export function forJsonText(json: string): string {
  // `\uXXXX` is also how JSON spells a character inside a string, so the terminal rule serves as it is.
  return forTerminalLines(json);
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

/** The characters PowerShell reads as a single quote: `'` and the typographic ‘ ’ ‚ ‛ (its tokenizer's IsSingleQuote). */
const POWERSHELL_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/**
 * A PowerShell single-quoted string literal of `text`: nothing inside is expanded (`$x`, `` ` ``, `$(…)`
 * stay text), and every character PowerShell takes for a single quote, the typographic ones included, is
 * doubled, so no value can end the string early and run as code.
 *
 * @example
 * forPowerShell("C:\\it's $(evil)"); // "'C:\\it''s $(evil)'"
 * forPowerShell('a\u2019; calc'); // "'a\u2019\u2019; calc'"
 */
export function forPowerShell(text: string): string {
  return `'${text.replace(POWERSHELL_QUOTES, (quote) => quote + quote)}'`;
}
