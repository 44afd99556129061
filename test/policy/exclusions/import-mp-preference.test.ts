// Get-MpPreference import: Format-List text and ConvertTo-Json, with round trips through formatMpPreference.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExclusionLists } from '../../../engine/core/config.ts';
import { formatMpPreference, importMpPreference } from '../../../engine/policy/exclusions/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const SQL_SERVER: ExclusionLists = {
  paths: [
    'C:\\Program Files\\Contoso\\App\\',
    'C:\\ProgramData\\Contoso\\Logs',
    'D:\\SQLData\\',
    '%ProgramFiles%\\Contoso*\\v?\\bin\\contoso.exe',
    'C:\\Users\\*\\AppData\\Local\\Temp',
    'c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}',
    '\\\\fileserver\\builds\\drop',
  ],
  extensions: ['log', '.tmp', 'ldf'],
  processes: [
    'C:\\Program Files\\Backup\\agent.exe',
    'sqlservr.exe',
    'C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\SQLAGENT.EXE',
  ],
};

describe('importMpPreference', () => {
  it('should read the Format-List text with CRLF and values wrapped mid-word at 120 columns', () => {
    expect(importMpPreference(fixture('mppref-admin.txt'))).toEqual({ ok: true, value: SQL_SERVER });
  });

  it('should read ConvertTo-Json output with CIM properties around the lists', () => {
    expect(importMpPreference(fixture('mppref.json'))).toEqual({ ok: true, value: SQL_SERVER });
  });

  it('should read a single string, null, and a PowerShell {value, Count} wrapper from JSON', () => {
    expect(importMpPreference(fixture('mppref-single.json'))).toEqual({
      ok: true,
      value: { paths: ['D:\\Build\\'], extensions: [], processes: ['C:\\Tools\\agent.exe'] },
    });
  });

  it('should report every list hidden from a non-administrator, with line numbers (text)', () => {
    const result = importMpPreference(fixture('mppref-nonadmin.txt'));
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.line, issue.path])).toEqual([
      ['mp_preference_hidden', 18, ['extensions']],
      ['mp_preference_hidden', 20, ['paths']],
      ['mp_preference_hidden', 21, ['processes']],
    ]);
  });

  it('should report every list hidden from a non-administrator, with line numbers (JSON)', () => {
    const result = importMpPreference(fixture('mppref-nonadmin.json'));
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['mp_preference_hidden', 6],
      ['mp_preference_hidden', 3],
      ['mp_preference_hidden', 9],
    ]);
  });

  it('should refuse a list cut off by $FormatEnumerationLimit and say how to fix it', () => {
    const result = importMpPreference(fixture('mppref-truncated.txt'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.code, issue.line])).toEqual([['mp_preference_truncated', 20]]);
    expect(result.issues[0]?.hint).toContain('$FormatEnumerationLimit = -1');
  });

  it('should read {} and an empty value as empty lists', () => {
    expect(importMpPreference('ExclusionPath    : {}\nExclusionProcess :\nExclusionExtension : {log}')).toEqual({
      ok: true,
      value: { paths: [], extensions: ['log'], processes: [] },
    });
  });

  it('should give the line of a JSON syntax error', () => {
    const result = importMpPreference('{\n  "ExclusionPath": ["C:\\\\a",\n  ]\n}');
    expect(result.ok ? undefined : result.issues[0]?.code).toBe('mp_preference_bad_json');
    expect(result.ok ? undefined : result.issues[0]?.line).toBe(3);
  });

  it('should refuse text with no exclusion property as not an export, quoting none of it', () => {
    const result = importMpPreference('DisableRealtimeMonitoring : False');
    expect(result.ok ? undefined : result.issues).toEqual([
      expect.objectContaining({ code: 'mp_preference_unrecognised', message: expect.not.stringContaining('Disable') }),
    ]);
  });

  it('should refuse a .env whose first character is a quote as one issue that quotes none of it (issue 10)', () => {
    const env = '"SECRET_TOKEN=abcdefghijklmnopqrstuvwxyz0123456789\nDB_PASS=hunter2\n';
    const result = importMpPreference(env);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(1);
    expect(JSON.stringify(issues)).not.toMatch(/SECRET|hunter2/);
  });

  it('should refuse JSON that names no exclusion key without quoting it, even when it does not parse', () => {
    const result = importMpPreference('{"api_key": "sk-live-0123456789abcdef0123456789abcdef", oops}');
    expect(result.ok ? undefined : result.issues.map((issue) => issue.code)).toEqual(['mp_preference_unrecognised']);
    expect(JSON.stringify(result)).not.toContain('sk-live');
  });

  it("should show at most 40 characters of the text where an export's JSON stops parsing, not V8's whole-line excerpt", () => {
    const secret = 'x'.repeat(500);
    const result = importMpPreference(`{ "ExclusionPath": ["C:\\\\a"], "Token": ${secret} }`);
    const issue = result.ok ? undefined : result.issues[0];
    expect(issue?.message).toBe(`the JSON does not parse: unexpected "${'x'.repeat(37)}…" at line 1, column 40`);
  });

  it('should name a nested object instead of printing it', () => {
    const result = importMpPreference(`{ "ExclusionPath": [{ "secret": "${'s'.repeat(300)}" }] }`);
    expect(result.ok ? undefined : result.issues[0]?.message).toBe('ExclusionPath holds an object, not text');
  });

  it('should reject a JSON value that is not text', () => {
    const result = importMpPreference('{ "ExclusionPath": [42] }');
    expect(result.ok ? undefined : result.issues[0]?.code).toBe('mp_preference_bad_value');
  });
});

describe('formatMpPreference round trip', () => {
  it('should read back the SQL server fixture lists through text at 80 columns and through JSON', () => {
    expect(importMpPreference(formatMpPreference(SQL_SERVER, { width: 80 }))).toEqual({ ok: true, value: SQL_SERVER });
    expect(importMpPreference(formatMpPreference(SQL_SERVER, { format: 'json' }))).toEqual({ ok: true, value: SQL_SERVER });
  });

  it('should read back generated lists at any console width', () => {
    const segment = fc.string({
      unit: fc.constantFrom('a', 'B', ' ', '.', '*', '?', '%', '(', ')'),
      minLength: 1,
      maxLength: 12,
    });
    const entry = fc
      .tuple(
        fc.constantFrom('C:', 'D:', '\\\\srv\\share', '%ProgramFiles%'),
        fc.array(segment, { maxLength: 4 }),
        fc.constantFrom('', '\\', '\\:{ScanTrigger:OnAccess,PathType:file}'),
      )
      .map(([root, parts, tail]) => `${[root, ...parts].join('\\')}${tail}`.trim())
      .filter((text) => !text.endsWith('...'));
    const lists = fc.record({
      paths: fc.array(entry, { maxLength: 6 }),
      extensions: fc.array(fc.constantFrom('log', '.tmp', 'ko.gz'), { maxLength: 3 }),
      processes: fc.array(entry, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(lists, fc.integer({ min: 60, max: 200 }), fc.boolean(), (value, width, json) => {
        expect(importMpPreference(formatMpPreference(value, { width, format: json ? 'json' : 'text' }))).toEqual({
          ok: true,
          value,
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('importMpPreference odd JSON', () => {
  it('should reject an object that is not a {value, Count} wrapper', () => {
    const result = importMpPreference('{ "ExclusionPath": { "foo": 1 } }');
    expect(result.ok ? undefined : result.issues[0]?.code).toBe('mp_preference_bad_value');
  });
});
