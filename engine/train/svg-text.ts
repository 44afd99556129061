/** Plain text broken into short lines for an SVG `<text>`, which does not wrap by itself. */
import { wrapText } from '../core/wrap-text.ts';

/**
 * `text` as at most `maxLines` lines of at most `width` characters: broken at spaces, a word longer than a line
 * (a path, a hash) cut into pieces, and the last line ending in `…` when text is left over. Raw text: the caller
 * escapes each line where it places it.
 *
 * @example
 * svgTextLines('exclusion matched: C:\\Users\\*\\AppData\\Local\\Temp', 20, 3);
 * // ['exclusion matched:', 'C:\\Users\\*\\AppData\\', 'Local\\Temp']
 */
export function svgTextLines(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const line of wrapText(text.replace(/\s+/g, ' ').trim(), width)) {
    const chars = [...line];
    for (let at = 0; at < chars.length; at += width) lines.push(chars.slice(at, at + width).join(''));
    if (lines.length > maxLines) break;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = [...(kept[maxLines - 1] ?? '')];
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, width - 1)).join('')}…`;
  return kept;
}
