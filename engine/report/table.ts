/** Plain-text tables with aligned columns, for the text report and `npm start`'s summary; they fit a terminal's width. */
import { forTerminal } from '../core/escape.ts';
import { maxOf } from '../core/append.ts';
import { visibleWidth, wrapText } from '../core/wrap-text.ts';

/** Options of {@link renderTable}. */
export interface TableOptions {
  /**
   * The terminal's width in columns: wider rows wrap their cells at spaces, inside their column, so the table fits.
   * A column never gets narrower than its longest word (words are not broken). Default: no limit.
   */
  readonly width?: number;
}

const GAP = 2;

/**
 * Renders rows under a header with two spaces between columns. Widths count characters, not bytes.
 * Cells are user text (device names, artifact ids) and are escaped for a terminal here, where they are
 * joined, before widths are measured. With `width`, the widest columns shrink until the table fits and
 * their cells wrap onto continuation lines.
 *
 * @example
 * renderTable(['a', 'b'], [['1', '22']]); // 'a  b\n-  --\n1  22'
 */
export function renderTable(
  header: readonly string[],
  rawRows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const rows = rawRows.map((row) => row.map(forTerminal));
  const widths = header.map((title, column) =>
    maxOf(
      rows.map((row) => visibleWidth(row[column] ?? '')),
      visibleWidth(title),
    ),
  );
  if (options.width !== undefined && options.width > 0) fit(widths, header, rows, options.width);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - visibleWidth(cell))),
      )
      .join(' '.repeat(GAP))
      .trimEnd();
  // A row is as many lines as its tallest wrapped cell.
  const block = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((cell, column) => wrapText(cell, widths[column]));
    const height = maxOf(
      wrapped.map((lines) => lines.length),
      1,
    );
    const out: string[] = [];
    for (let at = 0; at < height; at++) out.push(line(wrapped.map((lines) => lines[at] ?? '')));
    return out;
  };
  const lines = [...block(header), line(widths.map((width) => '-'.repeat(width)))];
  for (const row of rows) for (const text of block(row)) lines.push(text);
  return lines.join('\n');
}

// Narrows the widest column, one column at a time, until the row fits or every column is at its longest word.
function fit(widths: number[], header: readonly string[], rows: readonly (readonly string[])[], width: number): void {
  const longestWord = (text: string) =>
    maxOf(
      text.split(' ').map((word) => visibleWidth(word)),
      1,
    );
  const floors = header.map((title, column) =>
    maxOf(
      rows.map((row) => longestWord(row[column] ?? '')),
      longestWord(title),
    ),
  );
  const total = () => widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, widths.length - 1);
  while (total() > width) {
    let widest = -1;
    for (let column = 0; column < widths.length; column++) {
      const room = (widths[column] ?? 0) - (floors[column] ?? 0);
      if (room > 0 && (widest === -1 || (widths[column] ?? 0) > (widths[widest] ?? 0))) widest = column;
    }
    if (widest === -1) return;
    widths[widest] = Math.max(floors[widest] ?? 1, (widths[widest] ?? 0) - Math.max(1, total() - width > 8 ? 4 : 1));
  }
}
