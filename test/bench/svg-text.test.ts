import { describe, expect, it } from 'vitest';
import { inside, overlaps, placeLabel, svgText, textBox, wrapText, type Box } from '../../bench/svg-text.ts';

const PLOT: Box = { x: 0, y: 0, width: 300, height: 150 };

describe('svg text', () => {
  it('should place three equal labels at one point without any two overlapping', () => {
    const taken: Box[] = [];
    const spots = [0, 1, 2].map(() => placeLabel(20, 75, '1.00× 1,792 ns', 9, taken, PLOT));
    expect(spots.every((spot) => spot !== undefined)).toBe(true);
    expect(taken).toHaveLength(3);
    for (const [i, a] of taken.entries()) for (const b of taken.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(taken.every((box) => inside(box, PLOT))).toBe(true);
  });

  it('should leave a label out rather than overlap when no spot is free', () => {
    const full: Box[] = [{ ...PLOT }];
    expect(placeLabel(150, 75, '1.00×', 9, full, PLOT)).toBeUndefined();
    expect(full).toHaveLength(1);
  });

  it('should anchor a box by its text-anchor', () => {
    const start = textBox(100, 50, 'abc', 10, 'start');
    expect(textBox(100, 50, 'abc', 10, 'end').x).toBeCloseTo(100 - start.width);
    expect(textBox(100, 50, 'abc', 10, 'middle').x).toBeCloseTo(100 - start.width / 2);
  });

  it('should wrap at spaces to the width and escape the content', () => {
    expect(wrapText('speed-up 1.60×; identical merged counts', 10, 120)).toEqual([
      'speed-up 1.60×;',
      'identical merged',
      'counts',
    ]);
    expect(svgText(1, 2, 'a < b & "c"', 10, { anchor: 'end' })).toBe(
      '<text x="1" y="2" font-size="10" text-anchor="end">a &lt; b &amp; &quot;c&quot;</text>',
    );
  });
});
