// `edrsim check-exclusion`: exit 0 excluded, 1 not excluded, 2 invalid policy or entry (§4), with the entry that matched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('edrsim check-exclusion', () => {
  it('should exit 0 and name the entry for an excluded path', async () => {
    const result = await runCli(['check-exclusion', 'C:\\Tools\\build.exe', '--policy', 'policy.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^checking file C:\\Tools\\build\.exe \(on-access\)$/m);
    expect(result.stdout).toContain('`C:\\Tools\\`');
  });

  it('should exit 1 for a path no entry excludes', async () => {
    const result = await runCli(['check-exclusion', 'C:\\Other\\build.exe', '--policy', 'policy.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^not excluded/m);
  });

  it("should add a device's own exclusions with --device", async () => {
    const path = 'D:\\SQLData\\db.mdf';
    expect((await runCli(['check-exclusion', path, '--policy', 'policy.yaml'])).code).toBe(1);
    expect((await runCli(['check-exclusion', path, '--policy', 'policy.yaml', '--device', 'sql-01'])).code).toBe(0);
  });

  it('should honour a process exclusion on access but not in a scheduled scan (§4.3)', async () => {
    const base = [
      'check-exclusion',
      'E:\\share\\report.pdf',
      '--policy',
      'policy.yaml',
      '--process',
      'C:\\Program Files\\Backup\\agent.exe',
    ];
    expect((await runCli(base)).code).toBe(0);
    expect((await runCli([...base, '--trigger', 'scheduled-scan'])).code).toBe(1);
  });

  it('should read Get-MpPreference output as the policy', async () => {
    const mppref = join(scratch, 'mppref.txt');
    writeFileSync(mppref, 'ExclusionExtension : {log}\r\nExclusionPath      : {D:\\Data\\}\r\nExclusionProcess   :\r\n');
    expect((await runCli(['check-exclusion', 'D:\\Data\\a.exe', '--policy', mppref])).code).toBe(0);
    expect((await runCli(['check-exclusion', 'C:\\x\\run.log', '--policy', mppref])).code).toBe(0);
    expect((await runCli(['check-exclusion', 'C:\\x\\run.exe', '--policy', mppref])).code).toBe(1);
  });

  it("should exit 2 with the policy engine's reasons for an invalid policy", async () => {
    const result = await runCli(['check-exclusion', 'C:\\Tools\\a.exe', '--policy', 'invalid/bad-exclusion.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // The frame only: the wording is pinned by test/scenario/invalid-files.test.ts.
    expect(result.stderr).toMatch(/^✖ invalid\/bad-exclusion\.yaml:6:7 exclusions\.paths\[0\]: \S/m);
    expect(result.stderr).toMatch(/^✖ invalid\/bad-exclusion\.yaml:7:7 exclusions\.paths\[1\]: \S/m);
    expect(result.stderr).toContain('2 errors');
  });

  it('should exit 2 for a path that is not a full path, blaming the argument, not the policy file', async () => {
    const result = await runCli(['check-exclusion', 'Tools\\a.exe', '--policy', 'policy.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('✖ <path>: path `Tools\\a.exe` is not a full path');
    expect(result.stderr).not.toContain('policy.yaml');
  });

  it('should exit 2 for a policy file that does not exist', async () => {
    const result = await runCli(['check-exclusion', 'C:\\a.exe', '--policy', 'nowhere.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('✖ nowhere.yaml (root): file not found');
  });

  it('should exit 2 and suggest the closest device for an unknown --device', async () => {
    const result = await runCli(['check-exclusion', 'C:\\a.exe', '--policy', 'policy.yaml', '--device', 'sql-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--device: no device "sql-1" in the scenario');
    expect(result.stderr).toContain('hint: did you mean "sql-01"?');
  });

  it('should exit 2 and list the triggers for an unknown --trigger', async () => {
    const result = await runCli(['check-exclusion', 'C:\\a.exe', '--policy', 'policy.yaml', '--trigger', 'onaccess']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'onaccess' is invalid. Allowed choices are on-access");
  });
});
