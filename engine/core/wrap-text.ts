/** The one home of line wrapping for a terminal: at spaces only, never inside a word, widths counted as the screen shows them. */

// Our own colour codes take no room on screen; user text never holds a raw ESC (forTerminal escapes it first).
const COLOUR = /\u001b\[[0-9;]*m/g;

/**
 * How many columns `text` takes: characters, with the program's own ANSI colour codes not counted.
 *
 * @example
 * visibleWidth('\u001b[32m✔\u001b[0m ok'); // 4
 */
export function visibleWidth(text: string): number {
  return text.replace(COLOUR, '').length;
}

/** Options of {@link wrapText}. */
export interface WrapOptions {
  /** Put before every line after the first (a hanging indent). Default `''`. */
  readonly hang?: string;
}

/**
 * `text` (one line, already escaped for the terminal) as lines of at most `width` columns, broken at spaces.
 * A word is never broken: a word wider than the line (a long path, a URL) stands alone on its line, which is then
 * wider than `width` and the terminal shows it whole. Runs of spaces inside a line are kept, so aligned columns
 * stay aligned; the spaces where a line breaks are dropped. `width` undefined, 0 or less: the line as it is.
 *
 * @example
 * wrapText('the EDR sensor flagged it', 12, { hang: '  ' }); // ['the EDR', '  sensor', '  flagged it']
 */
export function wrapText(text: string, width: number | undefined, options: WrapOptions = {}): string[] {
  if (width === undefined || !(width > 0) || visibleWidth(text) <= width) return [text];
  const hang = options.hang ?? '';
  const lines: string[] = [];
  let line = '';
  let room = width;
  // Tokens alternate word / spaces; a break may happen at any run of spaces.
  for (const token of text.match(/ +|[^ ]+/g) ?? []) {
    if (token.startsWith(' ')) {
      line += token;
      continue;
    }
    const trimmed = line.trimEnd();
    if (trimmed !== '' && trimmed.trim() !== '' && visibleWidth(line) + visibleWidth(token) > room) {
      lines.push(trimmed);
      line = hang + token;
      room = width;
    } else line += token;
  }
  lines.push(line.trimEnd());
  return lines;
}
