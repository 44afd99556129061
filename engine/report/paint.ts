/** The one home of terminal colour in the renderers: an SGR code around text, only when the CLI said colour is on. */

/** The SGR codes the renderers use: bold headings, dim cites, red failures, green passes, cyan prompts. */
export const SGR = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;

/**
 * `text` wrapped in the SGR `code` and a reset when `on`, else `text` unchanged. Whether colour is on is
 * the CLI's decision (`engine/cli/colour.ts`: --color/--no-color, FORCE_COLOR, NO_COLOR, TTY); renderers
 * only pass it along, and JSON, CSV, JUnit and files written with --out never get it. The result is
 * program-made text: join it with user text through `terminalLine` and `ownText`, which keep its escape.
 *
 * @example
 * paint(true, SGR.red, '✘'); // '\u001b[31m✘\u001b[0m'
 * paint(false, SGR.red, '✘'); // '✘'
 */
export function paint(on: boolean, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}
