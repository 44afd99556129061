// Text tables: aligned columns that fit a terminal's width by wrapping cells at spaces, user text escaped (issue 14).
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../engine/core/escape.ts';
import { visibleWidth } from '../../engine/core/wrap-text.ts';
import { renderTable } from '../../engine/report/table.ts';

const HEADER = ['device', 'mode', 'AMRunningMode', 'block mode'];
const ROWS = [
  ['ws-fin-014', 'passive', 'EDR Block Mode', 'effective'],
  ['srv-2016-legacy-agent', 'active', 'Normal', 'not effective: the MMA agent has no passive mode and the tenant switch is off'],
  ['ws\u001b[2Jevil\u202egnp.exe', 'passive', 'Passive Mode', 'not effective: cloud-delivered protection is off'],
];
// A row whose words cannot all fit 80 columns side by side: 28 + 7 + 13 + 30 columns and three gaps make 84.
const HOSTILE = [...ROWS, ['ws-02', 'passive', 'Passive Mode', `not effective: ${'x'.repeat(30)} word`]];

// A line may only be wider than the table's width when some column cannot shrink below its longest word.
const fits = (table: string, width: number) => table.split('\n').every((line) => visibleWidth(line) <= width);

describe('renderTable', () => {
  it('should align columns two spaces apart and keep every row on one line without a width', () => {
    expect(renderTable(['a', 'b'], [['1', '22']])).toBe('a  b\n-  --\n1  22');
    expect(renderTable(HEADER, ROWS).split('\n')).toHaveLength(2 + ROWS.length);
  });

  it.each([
    [80, ROWS],
    [60, ROWS.slice(0, 2)],
  ])('should fit %i columns by wrapping the widest cells at spaces', (width, rows) => {
    const table = renderTable(HEADER, rows, { width });
    expect(
      renderTable(HEADER, rows)
        .split('\n')
        .some((line) => visibleWidth(line) > width),
    ).toBe(true);
    expect(fits(table, width)).toBe(true);
    // No word is broken: every word of every cell appears whole.
    for (const word of rows.flat().join(' ').split(' ')) expect(table).toContain(forTerminal(word));
  });

  it('should escape control and bidi characters in cells, and measure the escaped text', () => {
    const table = renderTable(HEADER, ROWS, { width: 80 });
    expect(table).toContain('ws\\u001b[2Jevil\\u202egnp.exe');
    expect(table).not.toMatch(/[\u001b\u202e]/);
  });

  it('should shrink to 40 columns down to the longest word of each column, never breaking one', () => {
    const table = renderTable(HEADER, HOSTILE, { width: 40 });
    expect(fits(table, 84)).toBe(true);
    const longest = 'ws\\u001b[2Jevil\\u202egnp.exe';
    expect(table).toContain(longest);
    expect(table).toContain('x'.repeat(30));
    // The first column cannot be narrower than its longest word; the others wrap under their headers.
    for (const line of table.split('\n')) expect(line.trimEnd()).toBe(line);
    const continuation = table.split('\n').filter((line) => line.startsWith(' '));
    expect(continuation.length).toBeGreaterThan(0);
  });

  it('should keep a header on one line per word and a separator as wide as each column', () => {
    const lines = renderTable(HEADER, ROWS, { width: 60 }).split('\n');
    const separator = lines.find((line) => /^-+( +-+)+$/.test(line));
    expect(separator).toBeDefined();
    expect(separator?.split(/ +/)).toHaveLength(HEADER.length);
  });
});
