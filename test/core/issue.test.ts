import { describe, expect, it } from 'vitest';
import { capIssues, countIssues, formatIssues, MAX_ISSUES_PER_FILE, MAX_LINE, type Issue } from '../../engine/core/issue.ts';
import { clipText, quote } from '../../engine/core/quote.ts';

const duplicate = (n: number): Issue => ({
  code: 'duplicate_id',
  path: ['timeline', n, 'artifact', 'id'],
  file: 'big.yaml',
  line: n + 1,
  column: 3,
  message: `id "a" is used twice`,
});

describe('capIssues', () => {
  it(`should keep the first ${MAX_ISSUES_PER_FILE} problems of a file, then one entry with how many more and the total`, () => {
    const capped = capIssues(
      Array.from({ length: 57_000 }, (_, n) => duplicate(n)),
      'big.yaml',
    );
    expect(capped).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(capped[MAX_ISSUES_PER_FILE - 1]).toEqual(duplicate(MAX_ISSUES_PER_FILE - 1));
    expect(capped[MAX_ISSUES_PER_FILE]).toEqual({
      code: 'more_problems',
      path: [],
      file: 'big.yaml',
      omitted: 56_950,
      message: 'and 56950 more problems in big.yaml (57000 in all)',
      hint: 'fix the first ones; later problems often repeat them',
    });
    expect(countIssues(capped)).toEqual({ errors: 57_000, warnings: 0 });
    expect(capIssues(capped, 'big.yaml')).toEqual(capped);
  });

  it('should leave a file with at most the cap as it is, and mark the "more" entry of warnings as a warning', () => {
    const few = [duplicate(1), duplicate(2)];
    expect(capIssues(few, 'big.yaml')).toEqual(few);
    const warnings = Array.from({ length: 60 }, (_, n) => ({ ...duplicate(n), severity: 'warning' as const }));
    expect(capIssues(warnings, 'big.yaml').at(-1)).toMatchObject({
      severity: 'warning',
      message: 'and 10 more problems in big.yaml (60 in all)',
    });
  });

  it('should count the errors and warnings a capped list stands for apart', () => {
    const mixed = Array.from({ length: 60 }, (_, n) =>
      n % 3 === 0 ? { ...duplicate(n), severity: 'warning' as const } : duplicate(n),
    );
    const capped = capIssues(mixed, 'big.yaml');
    expect(capped.at(-1)).toMatchObject({ omitted: 10, omittedWarnings: 3 });
    expect(capped.at(-1)?.severity).toBeUndefined();
    expect(countIssues(capped)).toEqual({ errors: 40, warnings: 20 });
  });

  it(`should clip every text field and path segment of a kept problem to ${MAX_LINE} characters`, () => {
    const long = 'C:\\'.padEnd(10_000_000, 'x');
    const [issue] = capIssues(
      [{ code: 'bad_path', path: ['devices', long], file: long, message: `path ${quote(long)} is bad`, received: quote(long) }],
      long,
    );
    for (const text of [issue?.message, issue?.received, issue?.file, issue?.path[1]]) {
      expect(String(text).length).toBeLessThanOrEqual(MAX_LINE);
      expect(String(text).endsWith('…')).toBe(true);
    }
  });
});

describe('formatIssues', () => {
  it(`should print no line longer than ${MAX_LINE} characters, a 10 MB path included`, () => {
    const long = 'x'.repeat(10_000_000);
    const text = formatIssues([
      { code: 'bad_path', path: ['devices', 0], file: `${long}.yaml`, line: 1, column: 1, message: `path ${long}`, hint: long },
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(MAX_LINE);
      expect(line.endsWith('…')).toBe(true);
    }
  });
});

describe('clipText', () => {
  it('should never cut inside an escape sequence or between the halves of a surrogate pair', () => {
    expect(clipText('ab\\u202ecd', 5)).toBe('ab…');
    expect(clipText('ab\\u202ecd', 9)).toBe('ab\\u202e…');
    expect(clipText('abc\\"d', 5)).toBe('abc…');
    expect(clipText('ab\u{1F600}cd', 4)).toBe('ab…');
    expect(clipText('short', 5)).toBe('short');
  });

  it('should treat an escaped backslash as one sequence, so what follows it is a plain character', () => {
    expect(clipText('a\\\\u202e', 4)).toBe('a\\\\…');
  });
});
