/** Finds double-quoted Windows folders whose trailing backslash escapes the closing quote, and closes them where the user meant. */
import { isScalar, Scalar, visit, type Document } from 'yaml';

/** A Windows path: a drive, an environment variable or a UNC share, then a backslash. */
export const PATH_START = /^(?:[A-Za-z]:\\|%[A-Za-z_][\w()]*%\\|\\\\[^\\"])/;

/** What may follow the quote the user meant as closing: the end of the flow item or of the line. */
const ITEM_END = /[ \t]*(?:[,\]}#]|\r?\n|$)/y;

/** A double-quoted path that runs on past its meant end, because `\"` escapes the quote instead of closing. */
export interface RunOnQuote {
  /** Offset of the opening quote. */
  readonly start: number;
  /** Offset of the backslash right before the quote meant as closing. */
  readonly end: number;
  /** The string as YAML read it, running on past `end`. */
  readonly value: string;
}

/**
 * The offset in `text` of the first `\"` inside the quoted scalar at `from`, when the end of an item
 * follows it; -1 when none. Only the first: a path with an escaped quote before it (`"C:\\a \"b\", c"`)
 * is a string that quotes something, and means what it says.
 */
function meantEnd(text: string, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    if (text[i] !== '\\') continue;
    if (text[i + 1] === '"') {
      ITEM_END.lastIndex = i + 2;
      return ITEM_END.test(text) ? i : -1;
    }
    // `\\` is one escaped backslash: the character after it starts afresh.
    i++;
  }
  return -1;
}

/**
 * The double-quoted scalars of `doc` (parsed from `text`) that start like a Windows path and hold a
 * `\"` followed by the end of the flow item or line: `["C:\Tools\"]` was meant as the folder
 * `C:\Tools\`, but in double quotes `\"` is an escaped quote, so the string runs on. Windows names
 * cannot contain `"`, so such a path never meant an escaped quote.
 *
 * @example
 * findRunOnQuotes(parseDocument('p: ["C:\\Tools\\"]\n'), 'p: ["C:\\Tools\\"]\n')[0]?.end; // 13
 */
export function findRunOnQuotes(doc: Document, text: string): RunOnQuote[] {
  const found: RunOnQuote[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || node.type !== Scalar.QUOTE_DOUBLE || !node.range) return;
      const [start, end] = node.range;
      if (!PATH_START.test(text.slice(start + 1, end))) return;
      const meant = meantEnd(text, start, end);
      if (meant >= 0) found.push({ start, end: meant, value: String(node.value) });
    },
  });
  return found;
}

/**
 * `text` with each run-on quote closed where the user meant: `\"` becomes `" ` (same length, so every
 * offset, line and column stays as the user wrote it).
 *
 * @example
 * closeRunOnQuotes('p: ["C:\\Tools\\"]', [{ start: 4, end: 13, value: '' }]); // 'p: ["C:\\Tools" ]'
 */
export function closeRunOnQuotes(text: string, runOns: readonly RunOnQuote[]): string {
  if (runOns.length === 0) return text;
  let out = '';
  let from = 0;
  for (const { end } of [...runOns].sort((a, b) => a.end - b.end)) {
    out += `${text.slice(from, end)}" `;
    from = end + 2;
  }
  return out + text.slice(from);
}
