// `edrsim export`: the scenario's policy as a Set-MpPreference script, the portal CSV (round trip) or an Intune policy.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIndicatorCsv, parseIndicators } from '../../../engine/policy/indicators/index.ts';
import { loadScenarioFile } from '../../../engine/run-scenario.ts';
import { hasStackTrace, runCli } from '../run-cli.ts';

const REPO = new URL('../../..', import.meta.url).pathname;
const CSV_SCENARIO = 'scenarios/08-indicators/07-import-portal-csv.yaml';
const words = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

function scenarioIn(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'edrsim-export-'));
  writeFileSync(
    join(dir, 's.yaml'),
    `name: export test\ndevices:\n  - { name: ws-1, os: windows-11, exclusions: { paths: ['D:\\Own'] } }\n${body}`,
  );
  return dir;
}

describe('edrsim export', () => {
  it('should run every example of its --help, --out going to a temporary folder', async () => {
    const help = (await runCli(['export', '--help'])).stdout;
    const examples = [...help.matchAll(/^ {2}\$ edrsim (export .+)$/gm)].map((m) => words(m[1] ?? ''));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const out = join(mkdtempSync(join(tmpdir(), 'edrsim-export-')), 'out.json');
    for (const argv of examples) {
      const at = argv.indexOf('--out');
      if (at >= 0) argv[at + 1] = out;
      const result = await runCli(argv, REPO);
      expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: '' });
    }
    expect(JSON.parse(readFileSync(out, 'utf8')).settings.length).toBe(3);
  });

  it('should give back the same indicators when the exported CSV is imported again (round trip)', async () => {
    const result = await runCli(['export', CSV_SCENARIO, '--format', 'portal-csv'], REPO);
    expect(result.code).toBe(0);
    const loaded = loadScenarioFile(`${REPO}${CSV_SCENARIO}`);
    if (!loaded.ok) throw new Error('library scenario does not load');
    const before = parseIndicators(loaded.value.indicators).indicators;
    const again = importIndicatorCsv(result.stdout);
    expect(again.issues).toEqual([]);
    expect(parseIndicators(again.indicators).indicators).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it("should add a device's own exclusions with --device, and name an unknown device with a did-you-mean", async () => {
    const dir = scenarioIn("exclusions: { paths: ['C:\\Tools'] }\n");
    const script = await runCli(['export', 's.yaml', '--format', 'set-mppreference', '--device', 'ws-1', '--add'], dir);
    expect(script.stdout.split('\r\n')[3]).toBe("Add-MpPreference -ExclusionPath @('C:\\Tools', 'D:\\Own')");
    const unknown = await runCli(['export', 's.yaml', '--format', 'intune-json', '--device', 'ws-2'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no device "ws-2" in the scenario');
    expect(unknown.stderr).toContain('hint: did you mean "ws-1"?');
  });

  it('should keep a hostile exclusion a single literal in the script', async () => {
    const dir = scenarioIn(`exclusions: { paths: ["C:\\\\x'); Remove-Item C:\\\\ -Recurse; ('"] }\n`);
    const result = await runCli(['export', 's.yaml', '--format', 'set-mppreference'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')[3]).toBe("Set-MpPreference -ExclusionPath @('C:\\x''); Remove-Item C:\\ -Recurse; (''')");
  });

  it('should exit 2 for an invalid scenario and a missing --format, with no stack trace', async () => {
    const dir = scenarioIn('exclusions: { paths: 3 }\n');
    const bad = await runCli(['export', 's.yaml', '--format', 'intune-json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^✖ s\.yaml:4:\d+ exclusions/m);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    const missing = await runCli(['export', 's.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '-f, --format <format>' not specified");
  });

  it('should leave out, with a warning each, indicators the import CSV cannot carry, and write the rest', async () => {
    const dir = scenarioIn(
      'indicators:\n  - { type: DomainName, value: contoso.com, action: Block, generateAlert: false }\n' +
        '  - { type: FileMd5, value: 0123456789abcdef0123456789abcdef, action: Block, generateAlert: false }\n',
    );
    const result = await runCli(['export', 's.yaml', '--format', 'portal-csv'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
    expect(result.stderr).toMatch(
      /^⚠ s\.yaml indicators\[1\]: .*\(FileMd5\) cannot be written to an import CSV and was left out/m,
    );
  });

  it('should refuse to write a CSV line holding a control character from an indicator title', async () => {
    const dir = scenarioIn(
      'indicators: [{ type: DomainName, value: contoso.com, action: Block, title: "a\\u001b[2Jb", generateAlert: false }]\n',
    );
    const result = await runCli(['export', 's.yaml', '--format', 'portal-csv'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('line 2 of the portal-csv output would hold a control character; nothing was written');
  });
});
