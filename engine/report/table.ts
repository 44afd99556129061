/** Plain-text tables with aligned columns, for the text report and `npm start`'s summary. */
import { forTerminal } from '../core/escape.ts';
import { maxOf } from '../core/append.ts';

/**
 * Renders rows under a header with two spaces between columns. Widths count characters, not bytes.
 * Cells are user text (device names, artifact ids) and are escaped for a terminal here, where they are
 * joined, before widths are measured.
 *
 * @example
 * renderTable(['a', 'b'], [['1', '22']]); // 'a  b\n-  --\n1  22'
 */
export function renderTable(header: readonly string[], rawRows: readonly (readonly string[])[]): string {
  const rows = rawRows.map((row) => row.map(forTerminal));
  const widths = header.map((title, column) =>
    maxOf(
      rows.map((row) => (row[column] ?? '').length),
      title.length,
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
