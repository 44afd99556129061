// `edrsim run --format csv`: the Action Center History export, RFC 4180.
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on a stray quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error('unclosed quoted field');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const end = text.slice(at).search(/,|\r\n/);
      field = text.slice(at, end < 0 ? text.length : at + end);
      if (field.includes('"')) throw new Error(`stray quote in ${field}`);
      at += field.length;
    }
    row.push(field);
    if (text[at] === ',') at++;
    else if (text.startsWith('\r\n', at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else throw new Error(`expected , or CRLF at ${at}`);
  }
  if (row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

const HEADER = [
  'Action ID',
  'Action update time',
  'Device',
  'Action type',
  'Action source',
  'Entity',
  'Status',
  'Detection status',
  'Remediated by',
  'Artifact',
  'Scenario',
];

describe('edrsim run --format csv', () => {
  it('should print the header and one row per Action Center entry', async () => {
    const result = await runCli(['run', 'records.yaml', 'pass.yaml', '--format', 'csv']);
    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header).toEqual(HEADER);
    expect(rows.map((row) => row[9])).toEqual(['comma', 'plain', 'a1']);
    for (const row of rows) expect(row).toHaveLength(HEADER.length);
    expect(rows[0]).toEqual([
      'ac000001',
      '2026-01-05T09:01:00.000Z',
      'ws-01',
      'Stop process',
      'Automated device action',
      'C:\\Users\\mark\\Reports, 2026\\payload.exe',
      'Completed',
      'Blocked',
      'EDR in block mode',
      'comma',
      'Records for every report section',
    ]);
  });

  it('should quote a path with a comma, and only fields that need it', async () => {
    const { stdout } = await runCli(['run', 'records.yaml', '--format', 'csv']);
    expect(stdout).toContain(',"C:\\Users\\mark\\Reports, 2026\\payload.exe",');
    expect(stdout).toContain(',C:\\Users\\ann\\AppData\\Local\\Temp\\loader.exe,');
  });

  it('should double quotes inside a quoted field', async () => {
    const { stdout } = await runCli(['run', 'pass.yaml', '--format', 'csv', '--set', 'name=The "quoted", scenario']);
    expect(stdout).toContain(',"The ""quoted"", scenario"\r\n');
    expect(parseCsv(stdout)[1]?.[10]).toBe('The "quoted", scenario');
  });

  it('should print only the header when nothing reached Action Center', async () => {
    const { stdout } = await runCli(['run', 'pass.yaml', '--format', 'csv', '--set', 'tenant.edrBlockMode=false']);
    expect(parseCsv(stdout)).toEqual([HEADER]);
  });
});
