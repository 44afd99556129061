/** Tells whether text is the portal's indicator import CSV, by its header row, before any of it is quoted (issue 10). */

/** Header names as the import compares them: any case, spaces and underscores ignored. */
export const foldColumn = (name: string): string => name.toLowerCase().replace(/[\s_]/g, '');

/** The two columns every row of the portal's sample CSV needs first (ioc-manage). */
const KEY_COLUMNS = ['indicatortype', 'indicatorvalue'];

/**
 * True when the first non-empty line of `text` is a header naming both `IndicatorType` and
 * `IndicatorValue` (any order, any case, optionally quoted), as the portal's sample CSV does. Anything
 * else (a `.env`, `/etc/passwd`, a scenario) is not an indicator CSV: it is refused as a whole and
 * none of it is quoted.
 *
 * @example
 * recogniseIndicatorCsv('IndicatorType,IndicatorValue,Action,Title,Description\r\n'); // true
 * recogniseIndicatorCsv('root:x:0:0:root:/root:/bin/bash\n'); // false
 */
export function recogniseIndicatorCsv(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) return false;
  const end = body.slice(start).search(/[\r\n]/);
  const header = end < 0 ? body.slice(start) : body.slice(start, start + end);
  const names = header.split(',').map((cell) => foldColumn(cell.trim().replace(/^"(.*)"$/s, '$1')));
  return KEY_COLUMNS.every((column) => names.includes(column));
}
