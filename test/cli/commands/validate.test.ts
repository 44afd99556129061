// `edrsim validate`: files only, exit 0 valid / 2 invalid; lint findings are warnings that never fail (§4).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('edrsim validate', () => {
  it('should exit 0 and list each valid file on stdout', async () => {
    const result = await runCli(['validate', 'pass.yaml', 'fail.yaml']);
    expect(result).toEqual({
      code: 0,
      stdout:
        '✔ pass.yaml: Block mode remediates a missed behaviour\n✔ fail.yaml: A wrong expectation fails the run\n2 valid, 0 invalid, 0 warnings\n',
      stderr: '',
    });
  });

  it('should not run anything: a failing expectation is still a valid file', async () => {
    expect((await runCli(['validate', 'fail.yaml'])).code).toBe(0);
  });

  it('should print lint findings as warnings on stderr and still exit 0 (§4.4 common mistakes)', async () => {
    writeFileSync(
      join(scratch, 'temp-exclusion.yaml'),
      "name: Excludes a temp folder\ndevices: [{ name: ws-01, os: windows-10 }]\nexclusions:\n  paths: ['C:\\Users\\*\\AppData\\Local\\Temp\\']\n",
    );
    const result = await runCli(['validate', 'temp-exclusion.yaml'], scratch);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^⚠ temp-exclusion\.yaml:4:11 exclusions\.paths\[0\]: /);
    expect(result.stderr).not.toContain('✖');
    expect(result.stdout).toContain('1 valid, 0 invalid, 1 warning\n');
  });

  it('should exit 2 when one file of several is invalid', async () => {
    const result = await runCli(['validate', 'pass.yaml', 'invalid/empty.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('1 valid, 1 invalid, 0 warnings');
  });

  it('should exit 2 when no scenario files are found', async () => {
    const result = await runCli(['validate', mkdtempSync(join(scratch, 'none-'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no scenario files (*.yaml, *.yml, *.json) found');
  });
});
