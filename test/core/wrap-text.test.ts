// Line wrapping for a terminal: at spaces only, never inside a word, colour codes not counted (issue 14).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../engine/core/escape.ts';
import { visibleWidth, wrapText } from '../../engine/core/wrap-text.ts';

describe('wrapText', () => {
  it('should break at spaces to fit the width, with a hanging indent after the first line', () => {
    expect(wrapText('the EDR sensor flagged it', 12, { hang: '  ' })).toEqual(['the EDR', '  sensor', '  flagged it']);
  });

  it('should leave a line that fits, and any line when the width is undefined or not positive', () => {
    const line = 'a'.repeat(50) + ' b';
    expect(wrapText('short line', 80)).toEqual(['short line']);
    expect(wrapText(line, undefined)).toEqual([line]);
    expect(wrapText(line, 0)).toEqual([line]);
    expect(wrapText(line, Number.NaN)).toEqual([line]);
  });

  it('should never break a word: a word wider than the line, such as a URL, stands alone and whole', () => {
    const url =
      'https://learn.microsoft.com/en-us/defender-endpoint/configure-extension-file-exclusions-microsoft-defender-antivirus';
    const lines = wrapText(`[1] Configure and validate exclusions — ${url}`, 40, { hang: '    ' });
    expect(lines).toContain(`    ${url}`);
    expect(lines.every((line) => visibleWidth(line) <= 40 || line.trim() === url)).toBe(true);
  });

  it('should keep the leading indent of the first line and runs of spaces inside it', () => {
    expect(wrapText('    ✘ a  b c d', 9, { hang: '      ' })).toEqual(['    ✘ a', '      b c', '      d']);
  });

  it('should not count the program’s colour codes, and keep escaped control and bidi characters whole', () => {
    const tick = '\u001b[32m✔\u001b[0m';
    expect(visibleWidth(`${tick} ok`)).toBe(4);
    const hostile = forTerminal('ws\u001b[2J name\u202egnp.exe next');
    const lines = wrapText(hostile, 12);
    expect(lines.join(' ')).toBe(hostile);
    expect(lines.some((line) => line.includes('\\u202e'))).toBe(true);
    expect(lines.join('')).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('should keep every word, in order, and fit every line that holds more than one word (law)', () => {
    const word = fc.stringMatching(/^[a-z§.#\\/:-]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 100 }), (words, width) => {
        const lines = wrapText(words.join(' '), width, { hang: ' ' });
        expect(lines.flatMap((line) => line.trim().split(/ +/))).toEqual(words);
        for (const line of lines) if (line.trim().includes(' ')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});
