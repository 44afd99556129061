import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  exportIndicatorCsv,
  importIndicatorCsv,
  TENANT_INDICATOR_LIMIT,
  type Indicator,
} from '../../../engine/policy/indicators/index.ts';
import { INVOICE, LEAF_CERT, indicators } from './fixtures/make-indicator.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const HEADER = CSV_COLUMNS.join(',');

describe('importIndicatorCsv', () => {
  it('should import every row of a realistic portal CSV, normalising values', () => {
    const { indicators: imported, issues } = importIndicatorCsv(fixture('contoso-indicators.csv'));
    expect(issues).toEqual([]);
    expect(imported.map((i) => [i.id, i.type, i.value, i.action])).toEqual([
      ['csv-1', 'FileSha256', INVOICE.sha256, 'BlockAndRemediate'],
      ['csv-2', 'FileSha1', 'b58129f55ab92b41e9a3bd8220853388f82d0f39', 'Allowed'],
      ['csv-3', 'IpAddress', '203.0.113.7', 'Block'],
      ['csv-4', 'IpAddress', '2001:4860:4860:0:0:0:0:8888', 'Audit'],
      ['csv-5', 'DomainName', 'phish.contoso-login.com', 'Warn'],
      ['csv-6', 'Url', 'https://support.microsoft.com/office', 'Allowed'],
      ['csv-7', 'Url', 'http://downloads.fabrikam.example/tools', 'Block'],
    ]);
    expect(imported[0]).toMatchObject({
      title: 'Invoice dropper, campaign 2026-03',
      description: 'Delivered as "invoice.exe" in phishing mail',
      recommendedActions: "Isolate the device, then reset the user's password",
      groups: ['Finance', 'Ungrouped devices (default)'],
      category: 'Execution',
      mitreTechniques: ['T1204.002', 'T1566.001'],
      generateAlert: true,
      expirationTime: '2026-09-16T12:11:06.2446367Z',
      severity: 'High',
    });
    expect(imported[2]?.description).toBe('Beaconing seen from\ntwo hosts; see ticket SEC-1182');
    expect(imported.map((i) => i.generateAlert)).toEqual([true, false, true, undefined, true, false, undefined]);
  });

  it('should round-trip the realistic sample through export and import', () => {
    const first = importIndicatorCsv(fixture('contoso-indicators.csv')).indicators;
    const exported = exportIndicatorCsv(first);
    expect(exported.issues).toEqual([]);
    expect(exported.text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(importIndicatorCsv(exported.text)).toEqual({ indicators: first, issues: [] });
  });

  it('should report each bad row at its file line, as Excel numbers it, and still import the good rows (T56)', () => {
    const { indicators: imported, issues } = importIndicatorCsv(fixture('bad-rows.csv'));
    expect(imported.map((i) => i.value)).toEqual(['https://ok.example/path', 'second-good.example']);
    expect(issues.map((issue) => [issue.path, issue.code, issue.line])).toEqual([
      [['IndicatorValue'], 'internal_ip', 2],
      [['IndicatorValue'], 'bad_ip', 3],
      [['Action'], 'bad_indicator_action', 4],
      [['IndicatorType'], 'csv_type', 5],
      [['Action'], 'csv_legacy_action', 6],
      [['Title'], 'csv_required', 8],
      [['GenerateAlert'], 'bad_generate_alert', 9],
      [[], 'csv_field_count', 10],
      [['Category'], 'bad_category', 11],
    ]);
    // One number for one row: the line; no "row 3" beside it (issue 11 #7).
    expect(issues[2]?.message).toBe('action BlockAndRemediate is not available for DomainName indicators');
    expect(issues.map((issue) => issue.message).join('\n')).not.toMatch(/\brow \d/);
    expect(issues[4]?.hint).toBe('write BlockAndRemediate');
  });

  it('should give the physical line of a row that follows a quoted cell spanning two lines', () => {
    const text = `${HEADER}\r\nDomainName,ok.example,,Block,Low,t,"first line\r\nsecond line",,,,,\r\nDomainName,bad.example,,Blokc,Low,t,d,,,,,\r\n`;
    const { indicators: imported, issues } = importIndicatorCsv(text);
    expect(imported.map((i) => i.value)).toEqual(['ok.example']);
    expect(issues.map((issue) => [issue.line, issue.path])).toEqual([[4, ['Action']]]);
  });

  it('should import the valid rows and list each invalid one as a warning at its line with invalidRows: skip', () => {
    const { indicators: imported, issues } = importIndicatorCsv(fixture('bad-rows.csv'), { invalidRows: 'skip' });
    expect(imported.map((i) => i.value)).toEqual(['https://ok.example/path', 'second-good.example']);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect([...new Set(issues.map((issue) => issue.line))]).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11]);
    expect(issues[0]?.message).toMatch(/; the row is skipped$/);
  });

  it('should still refuse the whole file with invalidRows: skip when it is not an indicator CSV or too long', () => {
    expect(importIndicatorCsv('a,b\n1,2\n', { invalidRows: 'skip' }).issues.map((i) => [i.code, i.severity])).toEqual([
      ['csv_unrecognised', undefined],
    ]);
  });

  it('should refuse a file that is not an indicator CSV (/etc/passwd) as one issue that quotes none of it (issue 10)', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    const { indicators: imported, issues } = importIndicatorCsv(passwd);
    expect(imported).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'csv_unrecognised', line: 1 })]);
    expect(JSON.stringify(issues)).not.toMatch(/root|daemon|bash/);
  });

  it('should refuse a .env whose first character is a quote without echoing it (issue 10)', () => {
    const env = '"SECRET_TOKEN=abcdefghijklmnopqrstuvwxyz0123456789\nDB_PASS=hunter2\n';
    const { issues } = importIndicatorCsv(env);
    expect(issues.map((issue) => issue.code)).toEqual(['csv_unrecognised']);
    expect(JSON.stringify(issues)).not.toMatch(/SECRET|hunter2/);
  });

  it('should quote at most 80 characters of a bad cell', () => {
    const secret = `s${'e'.repeat(300)}`;
    const { issues } = importIndicatorCsv(
      `${HEADER},${secret}\nDomainName,contoso.com,,Block,Low,t,d,,,,,,x\nDomainName,${secret},,Block,Low,t,d,,,,,,x\n`,
    );
    expect(issues.length).toBeGreaterThan(1);
    for (const issue of issues) {
      for (const field of [issue.message, issue.expected, issue.received, issue.hint])
        expect(field ?? '').not.toContain('e'.repeat(81));
    }
  });

  it('should refuse a file of 501 rows as a whole: at most 500 per batch (T57)', () => {
    const rows = Array.from({ length: 501 }, (_, i) => `DomainName,d${i}.contoso.com,,Block,Low,t,d,,,,,`);
    const result = importIndicatorCsv([HEADER, ...rows].join('\n'));
    expect(result.indicators).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'csv_batch_limit', path: [], line: 502, received: '501 rows' }),
    ]);
  });

  it('should import exactly 500 rows', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `DomainName,d${i}.contoso.com,,Block,Low,t,d,,,,,`);
    expect(importIndicatorCsv([HEADER, ...rows].join('\n')).indicators).toHaveLength(500);
  });

  it('should refuse rows past the tenant limit of 15,000 (T58)', () => {
    const result = importIndicatorCsv(`${HEADER}\nDomainName,contoso.com,,Block,Low,t,d,,,,,\n`, {
      existingCount: TENANT_INDICATOR_LIMIT,
    });
    expect(result.indicators).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: 'indicator_limit', path: [], line: 2 });
  });

  it('should read columns in any order and case, warn about unknown ones and refuse a header missing required ones', () => {
    const reordered = importIndicatorCsv(
      'action,indicatorvalue,indicatorType,title,description,Colour\nBlock,contoso.com,DomainName,t,d,red\n',
    );
    expect(reordered.indicators.map((i) => i.value)).toEqual(['contoso.com']);
    expect(reordered.issues).toEqual([
      expect.objectContaining({ code: 'unknown_column', severity: 'warning', path: ['header', 5], line: 1 }),
    ]);
    const missing = importIndicatorCsv('IndicatorType,IndicatorValue,Action\nDomainName,contoso.com,Block\n');
    expect(missing.indicators).toEqual([]);
    expect(missing.issues[0]?.message).toBe('the header lacks required columns Title, Description');
  });

  it('should refuse an empty file and a repeated column', () => {
    expect(importIndicatorCsv('').issues[0]?.code).toBe('empty_csv');
    expect(importIndicatorCsv('IndicatorType,IndicatorValue,Title,Title\n').issues.map((i) => i.code)).toContain(
      'duplicate_column',
    );
  });

  it('should leave MD5 and certificate indicators out of an export, with a warning', () => {
    const list = indicators(
      { type: 'FileMd5', value: INVOICE.md5, action: 'Block' },
      { type: 'CertificateThumbprint', value: LEAF_CERT, action: 'Allowed' },
    );
    const exported = exportIndicatorCsv(list);
    expect(exported.text).toBe(`${HEADER}\r\n`);
    expect(exported.issues.map((i) => [i.code, i.severity])).toEqual([
      ['csv_type', 'warning'],
      ['csv_type', 'warning'],
    ]);
  });

  it('should round-trip any importable indicator list', () => {
    fc.assert(
      fc.property(importable, (list) => {
        const back = importIndicatorCsv(exportIndicatorCsv(list).text);
        expect(back.issues).toEqual([]);
        expect(back.indicators).toEqual(list);
      }),
      { numRuns: 150 },
    );
  });
});

const text = fc
  .string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', 'é'), minLength: 1, maxLength: 8 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const importable = fc
  .array(
    fc.record({
      pair: fc.constantFrom(
        ['FileSha256', INVOICE.sha256, ['Allowed', 'Audit', 'Warn', 'Block', 'BlockAndRemediate']],
        ['FileSha1', INVOICE.sha1, ['Allowed', 'Block', 'BlockAndRemediate']],
        ['IpAddress', '203.0.113.7', ['Allowed', 'Audit', 'Warn', 'Block']],
        ['DomainName', 'contoso.com', ['Warn', 'Block']],
        ['Url', 'https://contoso.com/a?b=1', ['Allowed', 'Block']],
      ),
      pick: fc.nat(),
      title: text,
      description: text,
      recommendedActions: optional(text),
      groups: fc.subarray(['Finance', 'Servers', 'Help Desk']),
      expirationTime: optional(fc.constantFrom('2026-03-16T09:00:00.0Z', '2027-01-01T00:00:00Z')),
      severity: optional(fc.constantFrom('Informational', 'Low', 'Medium', 'High')),
      category: optional(fc.constantFrom('Execution', 'None', 'CommandAndControl')),
      mitreTechniques: optional(fc.constantFrom(['T1204'], ['T1204.002', 'T1566'])),
      generateAlert: optional(fc.boolean()),
    }),
    { maxLength: 6 },
  )
  .map((rows) =>
    rows.map((row, i): Indicator => {
      const [type, value, actions] = row.pair as unknown as [Indicator['type'], string, Indicator['action'][]];
      const entry: Record<string, unknown> = {
        id: `csv-${i + 1}`,
        type,
        value,
        action: actions[row.pick % actions.length],
        groups: row.groups,
      };
      if (row.expirationTime !== undefined)
        Object.assign(entry, { expirationTime: row.expirationTime, expiresAt: Date.parse(row.expirationTime) });
      for (const key of [
        'title',
        'description',
        'recommendedActions',
        'severity',
        'generateAlert',
        'category',
        'mitreTechniques',
      ] as const) {
        if (row[key] !== undefined) entry[key] = row[key];
      }
      return entry as unknown as Indicator;
    }),
  );
