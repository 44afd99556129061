/** The portal's indicator import CSV (ioc-manage): parse with per-row issues (writing it back: export-indicator-csv.ts). */
import { append } from '../../core/append.ts';
import type { Issue, Path } from '../../core/issue.ts';
import { quoteExcerpt, withExcerpts } from '../../core/quote.ts';
import { INDICATOR_ACTIONS, LEGACY_ACTIONS, type Indicator } from './indicator.ts';
import { enforceTenantLimit } from './enforce-tenant-limit.ts';
import { parseIndicator, type ParseIndicatorOptions, type ParsedIndicators } from './parse-indicator.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { checkType } from './indicator-fields.ts';
import { closest } from '../../core/did-you-mean.ts';
import { foldColumn, recogniseIndicatorCsv } from './recognise-indicator-csv.ts';

/** Columns of the portal's sample CSV, in its order. */
export const CSV_COLUMNS = [
  'IndicatorType',
  'IndicatorValue',
  'ExpirationTime',
  'Action',
  'Severity',
  'Title',
  'Description',
  'RecommendedActions',
  'RbacGroups',
  'Category',
  'MitreTechniques',
  'GenerateAlert',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['IndicatorType', 'IndicatorValue', 'Action', 'Title', 'Description'];
/** ioc-manage: the import takes only these types. */
export const CSV_INDICATOR_TYPES = ['FileSha1', 'FileSha256', 'IpAddress', 'DomainName', 'Url'] as const;
/** ioc-manage: "Only 500 indicators can be uploaded for each batch" (T57). */
const CSV_BATCH_LIMIT = 500;

// Issue paths from parseIndicator name record fields; rows name the CSV column instead.
const COLUMN_OF: Readonly<Record<string, Column>> = {
  type: 'IndicatorType',
  value: 'IndicatorValue',
  expirationTime: 'ExpirationTime',
  action: 'Action',
  severity: 'Severity',
  title: 'Title',
  description: 'Description',
  recommendedActions: 'RecommendedActions',
  groups: 'RbacGroups',
  category: 'Category',
  mitreTechniques: 'MitreTechniques',
  generateAlert: 'GenerateAlert',
};

export interface ImportCsvOptions extends Omit<ParseIndicatorOptions, 'path'> {
  /**
   * `refuse` (default): a bad row's issues are errors. `skip`: the valid rows are imported and every
   * bad row's issues come back as warnings, as the portal imports the valid rows and lists the
   * failed ones (§5, T56: such a row is "not imported"; ioc-manage).
   */
  readonly invalidRows?: 'refuse' | 'skip';
}

const EXPECTED_HEADER = `the portal's sample CSV header: ${CSV_COLUMNS.join(', ')}`;

/**
 * Imports one CSV file: a header naming the columns (any order, any case), then up to 500 rows. Every
 * bad row gives issues at its file `line` (the physical line where the row starts, as Excel numbers
 * it) with the column as path; good rows are still imported. More than 500 rows refuses the whole file,
 * as the portal does, and so does a first line that is not the import header: then none of the file is
 * quoted, since it may be any file. A bad cell is quoted to at most 80 characters.
 *
 * @example
 * importIndicatorCsv('IndicatorType,IndicatorValue,Action,Title,Description\r\nDomainName,contoso.com,Block,t,d\r\n');
 * // { indicators: [{ id: 'csv-1', type: 'DomainName', value: 'contoso.com', action: 'Block', … }], issues: [] }
 */
export function importIndicatorCsv(text: string, options: ImportCsvOptions = {}): ParsedIndicators {
  if (text.trim() === '') {
    return {
      indicators: [],
      issues: [{ code: 'empty_csv', path: [], line: 1, message: 'the CSV file has no header row', expected: EXPECTED_HEADER }],
    };
  }
  if (!recogniseIndicatorCsv(text)) {
    const message =
      'the file is not an indicator import CSV: its first line is not a header naming IndicatorType and IndicatorValue';
    const hint = 'start from the sample CSV of Settings > Endpoints > Indicators > Import';
    return {
      indicators: [],
      issues: [{ code: 'csv_unrecognised', path: [], line: 1, message, expected: EXPECTED_HEADER, hint }],
    };
  }
  const csv = parseCsv(text);
  const issues: Issue[] = [...csv.issues];
  const [header, ...rows] = csv.records;
  if (header === undefined) return { indicators: [], issues };
  const columns = readHeader(header, issues);
  if (columns === undefined) return { indicators: [], issues };
  if (rows.length > CSV_BATCH_LIMIT) {
    issues.push({
      code: 'csv_batch_limit',
      path: [],
      line: rows[CSV_BATCH_LIMIT]?.line,
      message: `the CSV file has ${rows.length} indicator rows; the portal imports at most ${CSV_BATCH_LIMIT} per file`,
      expected: `at most ${CSV_BATCH_LIMIT} rows`,
      received: `${rows.length} rows`,
      hint: 'split the file into batches of 500 and import each',
    });
    return { indicators: [], issues };
  }
  const parsed: Indicator[] = [];
  const paths: Path[] = [];
  const lines: number[] = [];
  rows.forEach((record, index) => {
    const rowIssues: Issue[] = [];
    const indicator = importRow(record, index + 1, columns, header.fields.length, rowIssues, options);
    // A cell may hold anything: whatever the checks quoted of it is cut to an excerpt.
    const bounded = rowIssues.map((issue) =>
      withExcerpts(issue, [...record.fields, ...record.fields.map((field) => field.trim())]),
    );
    if (options.invalidRows === 'skip') {
      append(
        issues,
        bounded.map((issue) => ({ ...issue, severity: 'warning' as const, message: `${issue.message}; the row is skipped` })),
      );
    } else append(issues, bounded);
    if (indicator !== undefined) {
      parsed.push(indicator);
      paths.push([]);
      lines.push(record.line);
    }
  });
  const limited = enforceTenantLimit(parsed, paths, issues, options);
  // The tenant-limit issue names the first refused row by its line.
  const room = limited.indicators.length;
  return room === parsed.length
    ? limited
    : {
        ...limited,
        issues: limited.issues.map((issue) =>
          issue.code === 'indicator_limit' && issue.line === undefined ? { ...issue, line: lines[room] } : issue,
        ),
      };
}

function readHeader(header: CsvRecord, issues: Issue[]): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  header.fields.forEach((name, index) => {
    const column = CSV_COLUMNS.find((known) => foldColumn(known) === foldColumn(name));
    if (column === undefined) {
      const close = closest(name, CSV_COLUMNS);
      issues.push({
        code: 'unknown_column',
        path: ['header', index],
        line: header.line,
        severity: 'warning',
        message: `column ${quoteExcerpt(name)} is not an import column and is ignored`,
        expected: CSV_COLUMNS.join(', '),
        received: quoteExcerpt(name),
        ...(close === undefined ? {} : { hint: `did you mean "${close}"?` }),
      });
    } else if (columns.has(column)) {
      issues.push({
        code: 'duplicate_column',
        path: ['header', index],
        line: header.line,
        message: `column ${quoteExcerpt(name)} appears twice`,
        expected: 'each column once',
        received: quoteExcerpt(name),
      });
    } else columns.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    issues.push({
      code: 'missing_columns',
      path: ['header'],
      line: header.line,
      message: `the header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      expected: CSV_COLUMNS.join(', '),
      received: quoteExcerpt(header.fields.join(',')),
      hint: "start the file with the header of the portal's sample CSV",
    });
  }
  return issues.some((issue) => issue.code === 'missing_columns' || issue.code === 'duplicate_column') ? undefined : columns;
}

function importRow(
  record: CsvRecord,
  row: number,
  columns: Map<Column, number>,
  width: number,
  issues: Issue[],
  options: Omit<ParseIndicatorOptions, 'path'>,
): Indicator | undefined {
  // The line says which row (issue 11 #7: one number per row, the one Excel shows); the path names the column.
  const at = (column: Column | undefined): Path => (column === undefined ? [] : [column]);
  const add = (issue: Omit<Issue, 'line'>): void => {
    issues.push({ ...issue, line: record.line });
  };
  if (record.fields.length !== width) {
    add({
      code: 'csv_field_count',
      path: at(undefined),
      message: `the row has ${record.fields.length} fields; the header has ${width}`,
      expected: `${width} comma-separated fields`,
      received: `${record.fields.length} fields`,
      hint: 'quote values that contain commas',
    });
    return undefined;
  }
  const cell = (column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.fields[index] ?? '').trim();
  };
  const before = issues.length;
  const type = cell('IndicatorType');
  if (checkType(type).ok && !(CSV_INDICATOR_TYPES as readonly string[]).includes(type)) {
    add({
      code: 'csv_type',
      path: at('IndicatorType'),
      message: `${type} indicators cannot be imported from CSV`,
      expected: CSV_INDICATOR_TYPES.join(' | '),
      received: type,
      hint: 'create MD5 and certificate indicators in the portal or through the API',
    });
  }
  const action = cell('Action');
  if (Object.hasOwn(LEGACY_ACTIONS, action)) {
    add({
      code: 'csv_legacy_action',
      path: at('Action'),
      message: `action ${action} is a legacy name the import no longer takes`,
      expected: INDICATOR_ACTIONS.join(' | '),
      received: action,
      hint: `write ${LEGACY_ACTIONS[action as keyof typeof LEGACY_ACTIONS]}`,
    });
  }
  for (const column of ['Title', 'Description'] as const) {
    if (cell(column) === '')
      add({ code: 'csv_required', path: at(column), message: `${column} is required`, expected: 'non-empty text', received: '' });
  }
  const alertText = cell('GenerateAlert').toLowerCase();
  if (alertText !== '' && alertText !== 'true' && alertText !== 'false') {
    add({
      code: 'bad_generate_alert',
      path: at('GenerateAlert'),
      message: `GenerateAlert ${quoteExcerpt(cell('GenerateAlert'))} is not True or False`,
      expected: 'True | False',
      received: cell('GenerateAlert'),
    });
  }
  const list = (column: Column): string[] =>
    cell(column)
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const entry: Record<string, unknown> = {
    type,
    value: cell('IndicatorValue'),
    action,
    title: cell('Title'),
    description: cell('Description'),
    groups: list('RbacGroups'),
  };
  const optional: readonly [string, Column][] = [
    ['expirationTime', 'ExpirationTime'],
    ['severity', 'Severity'],
    ['recommendedActions', 'RecommendedActions'],
    ['category', 'Category'],
  ];
  for (const [key, column] of optional) if (cell(column) !== '') entry[key] = cell(column);
  if (list('MitreTechniques').length > 0) entry.mitreTechniques = list('MitreTechniques');
  if (alertText === 'true' || alertText === 'false') entry.generateAlert = alertText === 'true';
  const fieldIssues: Issue[] = [];
  const indicator = parseIndicator(entry, row - 1, fieldIssues, { ...options, idPrefix: options.idPrefix ?? 'csv' });
  for (const issue of fieldIssues) {
    // The import refuses legacy actions (csv_legacy_action above); the scenario parser's warning would repeat it.
    if (issue.code === 'legacy_action') continue;
    const key = issue.path[1];
    add({ ...issue, path: at(typeof key === 'string' ? COLUMN_OF[key] : undefined) });
  }
  return issues.length > before ? undefined : indicator;
}
