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

// Issue 14: `--csv verdicts`, one row per verdict with what a diff needs; `--csv action-center` is the default.
const VERDICT_HEADER = [
  'scenario',
  'file',
  'artifact',
  'device',
  'at',
  'time',
  'path',
  'sha256',
  'threat',
  'technique',
  'class',
  'outcome',
  'by',
  'detectionStatus',
  'actionCenter',
];

describe('edrsim run --format csv --csv verdicts', () => {
  it('should print a header and one row per verdict, in time order, with the JSON verdict fields', async () => {
    const result = await runCli(['run', 'records.yaml', 'pass.yaml', '--format', 'csv', '--csv', 'verdicts']);
    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header).toEqual(VERDICT_HEADER);
    expect(rows.map((row) => row[2])).toEqual(['comma', 'plain', 'later', 'a1']);
    for (const row of rows) expect(row).toHaveLength(VERDICT_HEADER.length);
    expect(rows[0]).toEqual([
      'Records for every report section',
      'records.yaml',
      'comma',
      'ws-01',
      '1m',
      '2026-01-05T09:01:00.000Z',
      'C:\\Users\\mark\\Reports, 2026\\payload.exe',
      '',
      'Behavior:Win32/Execution.A!ml',
      'T1204.002',
      'malicious',
      'blocked',
      'edr-block-mode',
      'Blocked',
      'true',
    ]);
    expect(rows[1]?.[7]).toBe('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    expect(rows[2]?.slice(11)).toEqual(['missed', 'none', 'none', 'false']);
  });

  it('should give the same rows as --format json gives verdicts', async () => {
    const json = JSON.parse((await runCli(['run', 'records.yaml', '--format', 'json'])).stdout) as {
      scenarios: { verdicts: Record<string, unknown>[] }[];
    };
    const [, ...rows] = parseCsv((await runCli(['run', 'records.yaml', '--format', 'csv', '--csv', 'verdicts'])).stdout);
    const fromJson = json.scenarios[0]!.verdicts.map((v) =>
      VERDICT_HEADER.slice(2).map((key) => (v[key] === undefined ? '' : String(v[key]))),
    );
    expect(rows.map((row) => row.slice(2))).toEqual(fromJson);
  });

  it('should guard a cell a spreadsheet would read as a formula', async () => {
    const { stdout } = await runCli([
      'run',
      'pass.yaml',
      '--format',
      'csv',
      '--csv',
      'verdicts',
      '--set',
      'name==HYPERLINK("x")',
    ]);
    expect(parseCsv(stdout)[1]?.[0]).toBe(`'=HYPERLINK("x")`);
  });

  it('should keep the Action Center export as the default and as --csv action-center', async () => {
    const plain = await runCli(['run', 'records.yaml', '--format', 'csv']);
    const named = await runCli(['run', 'records.yaml', '--format', 'csv', '--csv', 'action-center']);
    expect(named.stdout).toBe(plain.stdout);
    expect(parseCsv(named.stdout)[0]).toEqual(HEADER);
  });

  it('should refuse --csv without --format csv, and an unknown kind, with exit 2 and the option named', async () => {
    const without = await runCli(['run', 'pass.yaml', '--csv', 'verdicts']);
    expect(without.code).toBe(2);
    expect(without.stdout).toBe('');
    expect(without.stderr).toBe('edrsim run: --csv chooses the CSV table; add --format csv or drop --csv\n');
    const unknown = await runCli(['run', 'pass.yaml', '--format', 'csv', '--csv', 'alerts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "option '--csv <table>' argument 'alerts' is invalid. Allowed choices are action-center, verdicts.",
    );
  });
});
