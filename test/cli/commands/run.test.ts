// `edrsim run`: exit codes (§4), --set what-ifs, --out, --summary.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, hasStackTrace, runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('edrsim run exit codes', () => {
  it('should exit 0 when every expectation holds', async () => {
    const result = await runCli(['run', 'pass.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 scenario: 1 passed, 0 failed');
    expect(result.stderr).toBe('');
  });

  it('should exit 1 when an expectation fails, and say which one and why', async () => {
    const result = await runCli(['run', 'fail.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✘ artifact a1: outcome missed — got outcome blocked');
    expect(result.stdout).toContain('[edr-block-mode]');
    expect(result.stdout).toContain('1 scenario: 0 passed, 1 failed');
  });

  it('should exit 2 for invalid input', async () => {
    const result = await runCli(['run', 'invalid/duplicate-id.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('1 error');
  });

  it('should print no "0 scenarios: 0 passed, 0 failed" report when nothing ran, only the problems', async () => {
    const result = await runCli(['run', 'invalid/duplicate-id.yaml']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^✖ invalid\/duplicate-id\.yaml:8:21 /);
  });

  it('should exit 2, not 1, for a folder with a failing scenario and an invalid one, and still run the valid one', async () => {
    const result = await runCli(['run', 'mixed']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('✘ A wrong expectation fails the run');
    expect(result.stderr).toContain('mixed/invalid.yaml:4:13 devices[1].name: device name "ws-01" is used twice');
  });

  it('should exit 2 with a hint when a folder holds no scenario files', async () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    const result = await runCli(['run', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no scenario files (*.yaml, *.yml, *.json) found in ${empty}`);
    expect(result.stderr).toContain('hint: name a scenario file or a folder that contains some');
  });

  it('should exit 2 for a path that does not exist', async () => {
    const result = await runCli(['run', 'nowhere.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no such file or directory: nowhere.yaml');
  });

  it('should pass a scenario with no expect section (exit 0)', async () => {
    const result = await runCli(['run', 'no-expect.yaml', '--format', 'json']);
    expect(result.code).toBe(0);
    const scenario = (JSON.parse(result.stdout) as { scenarios: { passed: boolean; expectations: unknown[] }[] }).scenarios[0];
    expect(scenario).toMatchObject({ passed: true, expectations: [] });
  });
});

describe('edrsim run --set', () => {
  it('should turn a passing scenario into a failing what-if with --set tenant.edrBlockMode=false', async () => {
    const before = await runCli(['run', 'pass.yaml', '--format', 'json']);
    const after = await runCli(['run', 'pass.yaml', '--format', 'json', '--set', 'tenant.edrBlockMode=false']);
    expect([before.code, after.code]).toEqual([0, 1]);
    const verdict = (text: string) =>
      (JSON.parse(text) as { scenarios: { verdicts: { outcome: string; by: string }[] }[] }).scenarios[0]?.verdicts[0];
    expect(verdict(before.stdout)).toMatchObject({ outcome: 'blocked', by: 'edr-block-mode' });
    // §3.1: without block mode a passive device only reports what EDR sees.
    expect(verdict(after.stdout)).toMatchObject({ outcome: 'detected', by: 'none' });
  });

  it('should address a device by name, e.g. --set devices.ws-01.primaryAv=defender', async () => {
    const result = await runCli(['run', 'pass.yaml', '--format', 'json', '--set', 'devices.ws-01.primaryAv=defender']);
    expect(result.code).toBe(1);
    const device = (JSON.parse(result.stdout) as { scenarios: { devices: { mode: string }[] }[] }).scenarios[0]?.devices[0];
    expect(device?.mode).toBe('active');
  });

  it('should exit 2 with a did-you-mean hint for a key that does not exist', async () => {
    const result = await runCli(['run', 'pass.yaml', '--set', 'tenant.edrBlockMod=false']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown key "edrBlockMod" (set by --set tenant.edrBlockMod=false)');
    expect(result.stderr).toContain('hint: did you mean "edrBlockMode"?');
  });

  it('should exit 2 and show the KEY=VALUE form when there is no "="', async () => {
    const result = await runCli(['run', 'pass.yaml', '--set', 'tenant.edrBlockMode']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected: KEY=VALUE');
  });
});

describe('edrsim run --out', () => {
  it('should write the report to the file, print nothing on stdout, and leave no temporary file', async () => {
    const folder = mkdtempSync(join(scratch, 'out-'));
    const result = await runCli(['run', join(FIXTURES, 'pass.yaml'), '--format', 'json', '--out', 'report.json'], folder);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(folder)).toEqual(['report.json']);
    expect(JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8'))).toMatchObject({
      summary: { scenarios: 1, passed: 1, failed: 0 },
    });
  });

  it('should write the same bytes to --out as to stdout', async () => {
    const folder = mkdtempSync(join(scratch, 'same-'));
    const printed = await runCli(['run', join(FIXTURES, 'records.yaml'), '--format', 'csv'], folder);
    await runCli(['run', join(FIXTURES, 'records.yaml'), '--format', 'csv', '--out', 'ac.csv'], folder);
    expect(readFileSync(join(folder, 'ac.csv'), 'utf8')).toBe(printed.stdout);
  });

  it('should create the folders of --out that do not exist', async () => {
    const result = await runCli(['run', 'pass.yaml', '--format', 'json', '--out', join(scratch, 'missing', 'deeper', 'r.json')]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(scratch, 'missing', 'deeper', 'r.json'), 'utf8'))).toMatchObject({
      summary: { scenarios: 1 },
    });
  });

  it('should exit 2 with a clear message, not an internal error, when a part of the folder path is a file', async () => {
    const result = await runCli(['run', 'pass.yaml', '--out', join(FIXTURES, 'pass.yaml', 'r.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--out: cannot write the report to ${join(FIXTURES, 'pass.yaml', 'r.json')}: a part of its folder path is a file`,
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('should exit 2 and leave no temporary file beside it when --out names a folder', async () => {
    const folder = mkdtempSync(join(scratch, 'dir-'));
    mkdirSync(join(folder, 'target'));
    const result = await runCli(['run', join(FIXTURES, 'pass.yaml'), '--out', 'target'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out: cannot write the report to target: it is a folder');
    expect(readdirSync(folder)).toEqual(['target']);
  });
});

describe('edrsim run --summary', () => {
  it('should print one row per scenario and a count, in the singular for one', async () => {
    const result = await runCli(['run', 'pass.yaml', 'fail.yaml', '--summary']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^pass +pass\.yaml +2\/2 +1 +Block mode remediates a missed behaviour$/m);
    expect(result.stdout).toMatch(/^FAIL +fail\.yaml +0\/1 +1 +A wrong expectation fails the run$/m);
    expect(result.stdout).toContain('2 scenarios run: 1 passed, 1 failed');
    expect((await runCli(['run', 'pass.yaml', '--summary'])).stdout).toContain('1 scenario run: 1 passed, 0 failed');
  });

  it('should refuse --summary with a machine format instead of printing a table in place of JSON', async () => {
    const result = await runCli(['run', 'pass.yaml', '--summary', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--summary is a text report');
  });
});
