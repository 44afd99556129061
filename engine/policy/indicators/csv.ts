/** RFC 4180 CSV: records of fields, quoted fields may hold commas, quotes ("") and line breaks. */
import type { Issue } from '../../core/issue.ts';

export interface CsvRecord {
  readonly fields: readonly string[];
  /** 1-based physical line where the record starts. */
  readonly line: number;
}

export interface ParsedCsv {
  readonly records: readonly CsvRecord[];
  readonly issues: readonly Issue[];
}

/**
 * Splits CSV text into records. Accepts CRLF or LF line ends and a leading byte-order mark; skips
 * empty lines. A stray quote inside an unquoted field, text after a closing quote, or an unterminated
 * quote is an issue naming the line and column; the record is still returned as read.
 *
 * @example
 * parseCsv('a,"b,c"\r\n"say ""hi""",d').records.map((r) => r.fields); // [['a', 'b,c'], ['say "hi"', 'd']]
 */
export function parseCsv(text: string): ParsedCsv {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const issues: Issue[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 1;
  let start = 1;
  let quoted = false;
  let afterQuote = false;
  let quoteLine = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !afterQuote)) records.push({ fields, line: start });
    fields = [];
    field = '';
    afterQuote = false;
  };
  const problem = (message: string): void => {
    issues.push({
      code: 'bad_csv',
      path: [],
      message,
      line,
      column,
      hint: 'quote a field that holds commas, quotes or line breaks, and double every quote inside it',
    });
  };
  for (let i = 0; i < source.length; i++, column++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
        column++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        field += ch;
        if (ch === '\n') {
          line++;
          column = 0;
        }
      }
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (ch === '\r' && source[i + 1] === '\n') {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      column = 0;
      start = line;
    } else if (ch === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
    } else {
      if (afterQuote) problem(`text after a closing quote at line ${line}, column ${column}`);
      else if (ch === '"') problem(`a quote inside an unquoted field at line ${line}, column ${column}`);
      afterQuote = false;
      field += ch;
    }
  }
  if (quoted) problem(`the quote opened on line ${quoteLine} is never closed`);
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return { records, issues };
}

/**
 * Writes records as CSV with CRLF line ends, quoting only fields that need it (comma, quote, CR, LF,
 * or leading/trailing spaces).
 *
 * @example
 * formatCsv([['a', 'b,c']]); // 'a,"b,c"\r\n'
 */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((fields) => fields.map(quote).join(',')).join('\r\n') + '\r\n';
}

function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
