/** svgTextLines: short lines for SVG text, long words cut, the rest marked with an ellipsis. */
import { describe, expect, it } from 'vitest';
import { svgTextLines } from '../../engine/train/svg-text.ts';

describe('svgTextLines', () => {
  it('should break at spaces and cut a word longer than a line', () => {
    expect(svgTextLines('exclusion matched: C:\\Users\\*\\AppData\\Local\\Temp', 20, 3)).toEqual([
      'exclusion matched:',
      'C:\\Users\\*\\AppData\\L',
      'ocal\\Temp',
    ]);
    expect(svgTextLines('short', 20, 3)).toEqual(['short']);
    expect(svgTextLines('  a \n\t b  ', 20, 3)).toEqual(['a b']);
  });

  it('should keep at most maxLines, the last ending in an ellipsis, and never split a surrogate pair', () => {
    const lines = svgTextLines('word '.repeat(50), 10, 2);
    expect(lines).toEqual(['word word', 'word word…']);
    expect(lines.every((line) => [...line].length <= 10)).toBe(true);
    expect(svgTextLines('😀'.repeat(30), 10, 1)).toEqual([`${'😀'.repeat(9)}…`]);
  });
});
