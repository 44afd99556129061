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

  it('should report each bad row with its 1-based row number and still import the good rows (T56)', () => {
    const { indicators: imported, issues } = importIndicatorCsv(fixture('bad-rows.csv'));
    expect(imported.map((i) => i.value)).toEqual(['https://ok.example/path', 'second-good.example']);
    expect(issues.map((issue) => [issue.path, issue.code, issue.line])).toEqual([
      [['row', 1, 'IndicatorValue'], 'internal_ip', 2],
      [['row', 2, 'IndicatorValue'], 'bad_ip', 3],
      [['row', 3, 'Action'], 'bad_indicator_action', 4],
      [['row', 4, 'IndicatorType'], 'csv_type', 5],
      [['row', 5, 'Action'], 'csv_legacy_action', 6],
      [['row', 7, 'Title'], 'csv_required', 8],
      [['row', 8, 'GenerateAlert'], 'bad_generate_alert', 9],
      [['row', 9], 'csv_field_count', 10],
      [['row', 10, 'Category'], 'bad_category', 11],
    ]);
    expect(issues[2]?.message).toBe('row 3: action BlockAndRemediate is not available for DomainName indicators');
    expect(issues[4]?.hint).toBe('write BlockAndRemediate');
  });

  it('should refuse a file of 501 rows as a whole: at most 500 per batch (T57)', () => {
    const rows = Array.from({ length: 501 }, (_, i) => `DomainName,d${i}.contoso.com,,Block,Low,t,d,,,,,`);
    const result = importIndicatorCsv([HEADER, ...rows].join('\n'));
    expect(result.indicators).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'csv_batch_limit', path: ['row', 501], line: 502, received: '501 rows' })]);
  });

  it('should import exactly 500 rows', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `DomainName,d${i}.contoso.com,,Block,Low,t,d,,,,,`);
    expect(importIndicatorCsv([HEADER, ...rows].join('\n')).indicators).toHaveLength(500);
  });

  it('should refuse rows past the tenant limit of 15,000 (T58)', () => {
    const result = importIndicatorCsv(`${HEADER}\nDomainName,contoso.com,,Block,Low,t,d,,,,,\n`, { existingCount: TENANT_INDICATOR_LIMIT });
    expect(result.indicators).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: 'indicator_limit', path: ['row', 1] });
  });

  it('should read columns in any order and case, warn about unknown ones and refuse a header missing required ones', () => {
    const reordered = importIndicatorCsv('action,indicatorvalue,indicatorType,title,description,Colour\nBlock,contoso.com,DomainName,t,d,red\n');
    expect(reordered.indicators.map((i) => i.value)).toEqual(['contoso.com']);
    expect(reordered.issues).toEqual([expect.objectContaining({ code: 'unknown_column', severity: 'warning', path: ['header', 5] })]);
    const missing = importIndicatorCsv('IndicatorType,IndicatorValue,Action\nDomainName,contoso.com,Block\n');
    expect(missing.indicators).toEqual([]);
    expect(missing.issues[0]?.message).toBe('the header lacks required columns Title, Description');
  });

  it('should refuse an empty file and a repeated column', () => {
    expect(importIndicatorCsv('').issues[0]?.code).toBe('empty_csv');
    expect(importIndicatorCsv('Title,Title\n').issues.map((i) => i.code)).toContain('duplicate_column');
  });

  it('should leave MD5 and certificate indicators out of an export, with a warning', () => {
    const list = indicators({ type: 'FileMd5', value: INVOICE.md5, action: 'Block' }, { type: 'CertificateThumbprint', value: LEAF_CERT, action: 'Allowed' });
    const exported = exportIndicatorCsv(list);
    expect(exported.text).toBe(`${HEADER}\r\n`);
    expect(exported.issues.map((i) => [i.code, i.severity])).toEqual([['csv_type', 'warning'], ['csv_type', 'warning']]);
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

const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', 'é'), minLength: 1, maxLength: 8 }).map((s) => s.trim()).filter((s) => s !== '');
const optional = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
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
      const entry: Record<string, unknown> = { id: `csv-${i + 1}`, type, value, action: actions[row.pick % actions.length], groups: row.groups };
      if (row.expirationTime !== undefined) Object.assign(entry, { expirationTime: row.expirationTime, expiresAt: Date.parse(row.expirationTime) });
      for (const key of ['title', 'description', 'recommendedActions', 'severity', 'generateAlert', 'category', 'mitreTechniques'] as const) {
        if (row[key] !== undefined) entry[key] = row[key];
      }
      return entry as unknown as Indicator;
    }),
  );
