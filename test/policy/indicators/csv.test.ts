import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../engine/policy/indicators/index.ts';

const fields = (text: string) => parseCsv(text).records.map((record) => record.fields);

describe('parseCsv', () => {
  it('should read quoted commas, doubled quotes and line breaks inside quotes (RFC 4180)', () => {
    expect(fields('a,"b,c"\r\n"say ""hi""","two\r\nlines"\r\n')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', 'two\r\nlines'],
    ]);
  });

  it('should accept LF line ends, a byte-order mark, empty fields and skip blank lines', () => {
    expect(fields('\ufeffa,,c\n\n,\n')).toEqual([
      ['a', '', 'c'],
      ['', ''],
    ]);
  });

  it('should give each record the line it starts on', () => {
    expect(parseCsv('h\n"x\ny"\nz').records.map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('should keep a final record without a line end', () => {
    expect(fields('a,b')).toEqual([['a', 'b']]);
  });

  it('should report a stray quote, text after a closing quote and an unclosed quote with line and column', () => {
    expect(parseCsv('ab"c,d').issues[0]).toMatchObject({
      code: 'bad_csv',
      line: 1,
      column: 3,
      message: 'a quote inside an unquoted field at line 1, column 3',
    });
    expect(parseCsv('"ab"c,d').issues[0]).toMatchObject({
      line: 1,
      column: 5,
      message: 'text after a closing quote at line 1, column 5',
    });
    expect(parseCsv('x\n"never closed,d').issues[0]?.message).toBe('the quote opened on line 2 is never closed');
  });
});

describe('formatCsv', () => {
  it('should quote only the fields that need it and end lines with CRLF', () => {
    expect(formatCsv([['plain', 'a,b', 'say "x"', ' padded', 'multi\nline']])).toBe(
      'plain,"a,b","say ""x"""," padded","multi\nline"\r\n',
    );
  });

  it('should round-trip any table of text through parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é'), maxLength: 6 });
    // A record that is one empty field is a blank line, which the reader skips by design.
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).filter((r) => !(r.length === 1 && r[0] === ''));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (table) => {
        const parsed = parseCsv(formatCsv(table));
        expect(parsed.issues).toEqual([]);
        expect(parsed.records.map((record) => record.fields)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});
