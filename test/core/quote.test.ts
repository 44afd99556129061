import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeInvisible, escapeIssue, excerpt, quote, quoteExcerpt, withExcerpts } from '../../engine/core/quote.ts';

/** What a terminal shows as nothing or as a line break; no quoted text may contain one. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('quote', () => {
  it('should quote plain text exactly as JSON does', () => {
    expect(quote('ws-01')).toBe('"ws-01"');
    expect(quote('C:\\Tools\\ "x"')).toBe('"C:\\\\Tools\\\\ \\"x\\""');
    expect(quote(5)).toBe('5');
    expect(quote({ malicious: 0.05 })).toBe('{"malicious":0.05}');
  });

  it('should write U+2029, which YAML reads from "\\P", as \\u2029 instead of a raw paragraph break', () => {
    // The Windows path "C:\Program Files\tools\app.exe" in double quotes, as YAML reads it.
    expect(quote('C:\u2029rogram Files\tools\u0007pp.exe')).toBe('"C:\\u2029rogram Files\\tools\\u0007pp.exe"');
  });

  it.each([
    ['U+2028 line separator', '\u2028', '\\u2028'],
    ['DEL', '\u007f', '\\u007f'],
    ['C1 next line', '\u0085', '\\u0085'],
    ['zero-width space', '\u200b', '\\u200b'],
    ['right-to-left override', '\u202e', '\\u202e'],
    ['byte order mark', '\ufeff', '\\ufeff'],
    ['soft hyphen', '\u00ad', '\\u00ad'],
    ['tag character U+E0041', '\u{E0041}', '\\udb40\\udc41'],
  ])('should write a %s as \\uXXXX', (_, char, shown) => {
    expect(quote(`a${char}b`)).toBe(`"a${shown}b"`);
    expect(escapeInvisible(`a${char}b`)).toBe(`a${shown}b`);
  });

  it('should never throw, and show what JSON cannot write', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(quote(undefined)).toBe('undefined');
    expect(quote(10n)).toBe('10');
    expect(quote(cycle)).toBe('[object Object]');
  });

  it('should leave no invisible character in any quoted string, and keep the text readable back by JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const quoted = quote(text);
        return !INVISIBLE.test(quoted) && JSON.parse(quoted) === text;
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeInvisible', () => {
  it('should change nothing in visible text, backslashes and quotes included', () => {
    expect(escapeInvisible(`'C:\\Users\\bob\\Tools\\' "é" ✖`)).toBe(`'C:\\Users\\bob\\Tools\\' "é" ✖`);
  });

  it('should show line breaks and tabs too, so one issue stays on its lines', () => {
    expect(escapeInvisible('a\nb\tc')).toBe('a\\u000ab\\u0009c');
  });
});

describe('escapeIssue', () => {
  it('should escape invisible characters in every text of an issue, and keep the rest', () => {
    const issue = { code: 'bad', path: ['a'], line: 3, message: 'entry `C:\u2029x`', received: '\u202eexe.txt', hint: 'fix it' };
    expect(escapeIssue(issue)).toEqual({ ...issue, message: 'entry `C:\\u2029x`', received: '\\u202eexe.txt' });
  });

  it('should return the same issue when nothing needs escaping', () => {
    const issue = { code: 'bad', path: [], message: 'plain', expected: 'x' };
    expect(escapeIssue(issue)).toBe(issue);
  });
});

describe('quoteExcerpt', () => {
  it('should quote short text exactly as quote does', () => {
    expect(quoteExcerpt('C:\\Tools\\')).toBe(quote('C:\\Tools\\'));
  });

  it('should cut long text to 80 characters, quotes and ellipsis included', () => {
    expect(quoteExcerpt('x'.repeat(200))).toBe(`"${'x'.repeat(77)}…"`);
  });

  it('should never cut an escape or a surrogate pair in half, and never exceed max, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 4, max: 120 }), (text, max) => {
        const shown = quoteExcerpt(text, max);
        if (quote(text).length <= max) expect(shown).toBe(quote(text));
        else {
          expect(shown.length).toBeLessThanOrEqual(max);
          // What stands before the ellipsis is the quote of a prefix of the text: no escape was cut.
          expect(text.startsWith(JSON.parse(`${shown.slice(0, -2)}"`) as string)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('excerpt', () => {
  it('should show a short token raw and cut a long one to max characters with an ellipsis', () => {
    expect(excerpt('!!js/function')).toBe('!!js/function');
    expect(excerpt(`0x${'f'.repeat(200)}`, 6)).toBe('0xfff…');
    expect(excerpt('a\u202eb')).toBe('a\\u202eb');
  });
});

describe('withExcerpts', () => {
  const long = `C:\\${'secret'.repeat(30)}`;

  it('should cut a quoted, a raw and a rewritten copy of a long text, and leave short texts alone', () => {
    const issue = withExcerpts(
      {
        code: 'x',
        path: [],
        message: `entry ${quote(long)} is bad`,
        received: long,
        hint: `write ${long.toUpperCase()} or ${long.slice(3)}`,
      },
      [long, 'short'],
    );
    expect(issue.message).toBe(`entry ${quoteExcerpt(long)} is bad`);
    expect(issue.received).toBe(quoteExcerpt(long));
    expect(issue.hint).toBe(`write ${long.toUpperCase()} or ${long.slice(3, 82)}…`);
  });

  it('should return the same issue when no text is long', () => {
    const issue = { code: 'x', path: [], message: 'bad "short"' };
    expect(withExcerpts(issue, ['short'])).toBe(issue);
  });
});
