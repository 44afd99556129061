// Imports through the CLI: a file that is not what it claims to be is refused without quoting it, in every
// format (issue 10); exports inside a scenario folder are skipped or reported in one line (issue 11 #6).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MPPREF = fileURLToText('../../policy/exclusions/fixtures/mppref.json');
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
const ENV = `"SECRET_TOKEN=${'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3)}\nDB_PASS=hunter2\n`;
const LEAKED = /root:x|daemon|SECRET_TOKEN|hunter2|abcdefghij/;

function fileURLToText(relative: string): string {
  return readFileSync(new URL(relative, import.meta.url), 'utf8');
}

/** A scenario that passes, with `extra` YAML appended (an import). */
function scenario(name: string, extra = ''): string {
  return `name: ${name}\ndevices: [{ name: ws-01, os: windows-11 }]\nexpect:\n  - device: ws-01\n    mode: active\n${extra}`;
}

/** A fresh folder under the scratch folder holding `files`. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'case-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('an import that is not what it claims to be', () => {
  it.each([
    [
      '/etc/passwd-like text as an indicator import',
      'passwd',
      PASSWD,
      'indicators: { from: passwd }\n',
      /not an indicator import CSV/,
    ],
    [
      'a .env starting with a quote as an exclusions import',
      '.env',
      ENV,
      'exclusions: { from: .env }\n',
      /not a Get-MpPreference export/,
    ],
    [
      'a .env starting with a quote as an indicator import',
      '.env',
      ENV,
      'indicators: { from: .env }\n',
      /not an indicator import CSV/,
    ],
  ])(
    'should refuse %s in one line, quoting none of it in text, JSON errors[] and JUnit',
    async (_, name, text, extra, reason) => {
      const dir = folder({ [name]: text, 's.yaml': scenario('s', extra) });
      const validated = await runCli(['validate', 's.yaml'], dir);
      expect(validated.code).toBe(2);
      expect(validated.stderr.split('\n').filter((line) => line.startsWith('✖'))).toEqual([
        expect.stringMatching(new RegExp(`^✖ ${name.replace('.', '\\.')}:1 \\(root\\): `)),
      ]);
      expect(validated.stderr).toMatch(reason);
      const json = await runCli(['run', 's.yaml', '--format', 'json'], dir);
      const errors = (JSON.parse(json.stdout) as { errors: { message: string; file: string }[] }).errors;
      expect(errors).toEqual([expect.objectContaining({ file: name, message: expect.stringMatching(reason) })]);
      const junit = await runCli(['run', 's.yaml', '--format', 'junit'], dir);
      expect(junit.stdout).toMatch(reason);
      for (const out of [validated, json, junit]) {
        expect(out.stdout + out.stderr).not.toMatch(LEAKED);
        expect(hasStackTrace(out.stderr)).toBe(false);
      }
    },
  );
});

describe('exports inside a scenario folder (issue 11 #6)', () => {
  it('should skip an export that a scenario of the run imports, silently', async () => {
    const dir = folder({ 'mppref.json': MPPREF, 'uses.yaml': scenario('uses', 'exclusions: { from: mppref.json }\n') });
    const result = await runCli(['run', '.'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('should skip an export nobody imports with one warning line, and still exit 0 when the scenarios pass', async () => {
    const dir = folder({ 'exports/mppref.json': MPPREF, 'plain.yaml': scenario('plain') });
    const result = await runCli(['run', '.'], dir);
    expect(result.stderr).toBe(
      '⚠ exports/mppref.json: this is a Get-MpPreference export; import it with `exclusions: { from: mppref.json }`\n',
    );
    expect(result.code).toBe(0);
    const validated = await runCli(['validate', '.'], dir);
    expect(validated.stderr).toBe(result.stderr);
    expect(validated.code).toBe(0);
  });

  it('should refuse an export named directly as a scenario with exit 2 and one line', async () => {
    const dir = folder({
      'mppref.json': MPPREF,
      'iocs.csv': 'IndicatorType,IndicatorValue,Action,Title,Description\nDomainName,contoso.com,Block,t,d\n',
    });
    const json = await runCli(['run', 'mppref.json'], dir);
    expect(json.code).toBe(2);
    // The frame only: one error at 1:1, then the count; the wording is pinned by test/scenario/invalid-files.test.ts.
    expect(json.stderr).toMatch(/^✖ mppref\.json:1:1 \(root\): [^\n]+\n1 error\n$/);
    const csv = await runCli(['validate', 'iocs.csv'], dir);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/^✖ iocs\.csv:1:1 \(root\): [^\n]+\n1 error\n$/);
  });
});

describe('indicator CSV rows through a scenario (issue 11 #7)', () => {
  const CSV =
    'IndicatorType,IndicatorValue,Action,Title,Description\r\nDomainName,ok.example,Block,t,"two\r\nlines"\r\nDomainName,bad.example,Blokc,t,d\r\n';

  it('should name a bad row by its file line only', async () => {
    const dir = folder({ 'iocs.csv': CSV, 's.yaml': scenario('s', 'indicators: { from: iocs.csv }\n') });
    const result = await runCli(['validate', 's.yaml'], dir);
    expect(result.code).toBe(2);
    // The frame only: the wording is the indicator parser's, pinned by test/policy/indicators/parse-indicator.test.ts.
    expect(result.stderr.split('\n')[0]).toMatch(/^✖ iocs\.csv:4 Action: \S/);
  });

  it('should import the valid rows and warn about each skipped one with invalidRows: skip', async () => {
    const dir = folder({ 'iocs.csv': CSV, 's.yaml': scenario('s', 'indicators: { from: iocs.csv, invalidRows: skip }\n') });
    const result = await runCli(['validate', 's.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('⚠ iocs.csv:4 Action: action Blokc is not an indicator action; the row is skipped');
    expect(result.stdout).toMatch(/^✔ s\.yaml: s\n1 valid, 0 invalid, 1 warning\n$/m);
  });
});
