// Every command loads through loadAll: a file's problems are bounded once there, and counted errors apart from warnings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ISSUES_PER_FILE, MAX_LINE } from '../../../engine/core/issue.ts';
import { parseXml, type XmlElement } from '../parse-xml.ts';
import { runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-load-all-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DEVICE = 'name: Many duplicates\ndevices: [{ name: ws-01, os: windows-11 }]\ntimeline:\n';
const artifact = (path = 'C:\\\\x.exe') => `  - { at: 0m, artifact: { id: a1, device: ws-01, path: '${path}' } }\n`;
writeFileSync(join(scratch, 'duplicates.yaml'), DEVICE + artifact().repeat(201));

describe('loadAll', () => {
  it(`should print at most ${MAX_ISSUES_PER_FILE} problems of a file in text, then how many more and the total`, async () => {
    const result = await runCli(['validate', 'duplicates.yaml'], scratch);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('✖'))).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(lines.slice(-3)).toEqual([
      '✖ duplicates.yaml (root): and 150 more problems in duplicates.yaml (200 in all)',
      '  hint: fix the first ones; later problems often repeat them',
      '200 errors',
    ]);
    expect(result.code).toBe(2);
  });

  it('should list the same bounded problems in JSON errors[] and in JUnit', async () => {
    const json = JSON.parse((await runCli(['run', 'duplicates.yaml', '--format', 'json'], scratch)).stdout) as {
      errors: { message: string; omitted?: number }[];
    };
    expect(json.errors).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(json.errors.at(-1)).toMatchObject({ code: 'more_problems', omitted: 150 });
    const junit = (await runCli(['run', 'duplicates.yaml', '--format', 'junit'], scratch)).stdout;
    const testcases = (element: XmlElement): XmlElement[] =>
      element.name === 'testcase' ? [element] : element.children.flatMap(testcases);
    expect(testcases(parseXml(junit)).filter((testcase) => testcase.attributes.classname === 'invalid input')).toHaveLength(
      MAX_ISSUES_PER_FILE + 1,
    );
  });

  it(`should print no stderr line longer than ${MAX_LINE} characters, however long a path`, async () => {
    writeFileSync(join(scratch, 'long.yaml'), DEVICE + artifact(`C:\\\\${'x'.repeat(1_000_000)}`) + artifact());
    const result = await runCli(['validate', 'long.yaml'], scratch);
    expect(result.code).toBe(2);
    expect(Math.max(...result.stderr.split('\n').map((line) => line.length))).toBeLessThanOrEqual(MAX_LINE);
  });

  it('should bound the problems of a Get-MpPreference policy given to check-exclusion too', async () => {
    writeFileSync(
      join(scratch, 'mppref.json'),
      JSON.stringify({
        ExclusionPath: Array.from({ length: 120 }, (_, i) => i),
        ExclusionExtension: null,
        ExclusionProcess: null,
      }),
    );
    const result = await runCli(['check-exclusion', 'C:\\x.exe', '--policy', 'mppref.json'], scratch);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('✖'))).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(result.stderr).toContain('and 70 more problems in mppref.json (120 in all)');
  });

  it('should count errors and warnings apart: a failed file lists its warnings too', async () => {
    writeFileSync(
      join(scratch, 'mixed.yaml'),
      "name: Mixed\ndevices: [{ name: ws-01, os: windows-11 }]\nexclusions:\n  paths: ['C:\\Users\\*\\AppData\\Local\\Temp\\']\nexpect:\n  - { device: ws-02, mode: passive }\n  - { device: ws-03, mode: passive }\n",
    );
    const result = await runCli(['run', 'mixed.yaml'], scratch);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('2 errors, 1 warning');
  });
});

describe('problems on stderr', () => {
  it("should give a hint's cite a footnote with the page's title and link, before the last line that counts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edrsim-cite-hint-'));
    try {
      writeFileSync(
        join(dir, 'linted.yaml'),
        "name: linted\ndevices: [{ name: ws-01, os: windows-10 }]\nexclusions:\n  paths: ['C:\\Users\\*\\AppData\\Local\\Temp\\']\nbroken: 1\n",
      );
      const result = await runCli(['validate', 'linted.yaml'], dir);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toContain('  hint: do not exclude user temp folders (excl-mistakes [1])');
      expect(lines).toContain(
        '      Common mistakes to avoid when defining exclusions — https://learn.microsoft.com/en-us/defender-endpoint/common-exclusion-mistakes-microsoft-defender-antivirus',
      );
      expect(lines.at(-1)).toBe('1 error, 1 warning');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
