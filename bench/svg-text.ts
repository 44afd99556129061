/** Text for the bench's SVG: escaped `<text>` elements, their boxes by a conservative width model, and label placement. */
import { forXml } from '../engine/core/escape.ts';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/** DejaVu Sans / Verdana widths in em, rounded up by class: the chart is laid out for these fonts. */
const NARROW = /[ijlft.,:;'!|()[\] ]/;
const WIDE = /[mwMW—×≥≤→]/;

/**
 * Width of `text` at `size` px, rounded up so that a label laid out with it never touches its neighbour
 * in DejaVu Sans or Verdana (the SVG's first two fonts).
 *
 * @example
 * textWidth('1.00×', 10); // 32.2
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const char of text)
    em += NARROW.test(char) ? 0.4 : WIDE.test(char) || char > '\u007f' ? 1 : /[A-Z]/.test(char) ? 0.78 : 0.64;
  return em * size;
}

/** The box a `<text>` at (x, y) covers: ascent 0.8 em above the baseline, descent 0.25 em below. */
export function textBox(x: number, y: number, text: string, size: number, anchor: Anchor = 'start'): Box {
  const width = textWidth(text, size);
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  return { x: left, y: y - 0.8 * size, width, height: 1.05 * size };
}

/**
 * Splits `text` at spaces into lines no wider than `width` at `size` (a single longer word stays whole).
 *
 * @example
 * wrapText('speed-up 1.60×; identical merged counts', 10, 120); // ['speed-up 1.60×;', 'identical merged', 'counts']
 */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/** Two boxes share area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** `inner` lies wholly inside `outer`. */
export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export interface TextStyle {
  readonly anchor?: Anchor;
  readonly fill?: string;
  readonly weight?: number;
  readonly className?: string;
}

/** Coordinates are written to 0.1 px; layout works on the written values, so boxes recomputed from the SVG match. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;
const fixed = (value: number): string => String(round1(value));

/**
 * One `<text>` element; the content is escaped with `forXml`, the only XML escaping there is. Size and
 * anchor are attributes, so the box of every label can be recomputed from the SVG itself.
 *
 * @example
 * svgText(10, 20, 'a < b', 10); // '<text x="10" y="20" font-size="10">a &lt; b</text>'
 */
export function svgText(x: number, y: number, text: string, size: number, style: TextStyle = {}): string {
  const attributes = [
    `x="${fixed(x)}"`,
    `y="${fixed(y)}"`,
    `font-size="${size}"`,
    ...(style.anchor === undefined || style.anchor === 'start' ? [] : [`text-anchor="${style.anchor}"`]),
    ...(style.weight === undefined ? [] : [`font-weight="${style.weight}"`]),
    ...(style.fill === undefined ? [] : [`fill="${forXml(style.fill)}"`]),
    ...(style.className === undefined ? [] : [`class="${forXml(style.className)}"`]),
  ];
  return `<text ${attributes.join(' ')}>${forXml(text)}</text>`;
}

/** Where a value label may go around its point, in order of preference: above, below, then further out, then beside. */
const OFFSETS: readonly { dx: number; dy: number; anchor: Anchor }[] = [-7, 14, -19, 26, -31, 38, -43].flatMap((dy) => [
  { dx: 0, dy, anchor: 'middle' as const },
  { dx: -3, dy, anchor: 'end' as const },
  { dx: 3, dy, anchor: 'start' as const },
]);

/**
 * Places a label near (x, y): the first offset whose box stays `within` and clear of every box in
 * `taken`, which it then joins. Undefined when no offset fits (the caller leaves the label out).
 *
 * @example
 * placeLabel(100, 50, '1.00×', 9, [], plot); // { x: 100, y: 43, anchor: 'middle' }
 */
export function placeLabel(
  x: number,
  y: number,
  text: string,
  size: number,
  taken: Box[],
  within: Box,
): { x: number; y: number; anchor: Anchor } | undefined {
  for (const offset of OFFSETS) {
    const spot = { x: round1(x + offset.dx), y: round1(y + offset.dy), anchor: offset.anchor };
    const box = textBox(spot.x, spot.y, text, size, spot.anchor);
    if (!inside(box, within) || taken.some((other) => overlaps(box, other))) continue;
    taken.push(box);
    return spot;
  }
  return undefined;
}
