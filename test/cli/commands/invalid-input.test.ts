// Invalid input through `validate` and `run` (§4): every problem at once, file:line:column, path and code, a count, no stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPath } from '../../../engine/core/issue.ts';
import type { JsonReport } from '../../../engine/report/json-report-shape.ts';
import { FIXTURES, hasStackTrace, runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-invalid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The frame of `file`'s problems (relative to `cwd`), one `line:column path code` per error, after checking what
 * holds for every invalid file: exit 2 from validate, run and run --format json; the same stderr from validate
 * and run; each error headed `✖ file:line:column path: ` at the place and path its JSON entry gives; the last
 * line counting errors and warnings apart; no stack trace. The wording is the loader's, pinned once in
 * test/scenario/invalid-files.test.ts, so a wording change does not touch this file.
 */
async function frame(file: string, cwd = FIXTURES): Promise<string[]> {
  const validated = await runCli(['validate', file], cwd);
  const ran = await runCli(['run', file], cwd);
  const json = await runCli(['run', file, '--format', 'json'], cwd);
  expect([validated.code, ran.code, json.code]).toEqual([2, 2, 2]);
  expect(ran.stderr).toBe(validated.stderr);
  expect(validated.stdout).toMatch(/^0 valid, 1 invalid, \d+ warnings?\n$/);
  expect(hasStackTrace(validated.stderr)).toBe(false);
  const lines = validated.stderr.split('\n');
  const heads = lines.filter((line) => line.startsWith('✖'));
  // A failed file lists its warnings too; the last line counts errors and warnings apart.
  const warned = lines.filter((line) => line.startsWith('⚠')).length;
  expect(validated.stderr).toMatch(new RegExp(`\\n${heads.length} errors?${warned > 0 ? `, ${warned} warnings?` : ''}\\n$`));
  const errors = ((JSON.parse(json.stdout) as JsonReport).errors ?? []).filter((issue) => issue.severity !== 'warning');
  expect(errors.map((issue) => issue.file)).toEqual(heads.map(() => file));
  expect(heads.map((head) => head.slice(0, head.indexOf(': ') + 2))).toEqual(
    errors.map((issue) => `✖ ${file}:${issue.line}:${issue.column} ${formatPath(issue.path)}: `),
  );
  return errors.map((issue) => `${issue.line}:${issue.column} ${formatPath(issue.path)} ${issue.code}`);
}

describe('invalid scenario files, as validate and run report them', () => {
  it('should name the second place of a duplicate artifact id', async () => {
    expect(await frame('invalid/duplicate-id.yaml')).toEqual(['8:21 timeline[1].artifact.id duplicate_id']);
  });

  it('should place an unknown device at its reference', async () => {
    expect(await frame('invalid/unknown-device.yaml')).toEqual(['6:33 timeline[0].artifact.device unknown_device']);
  });

  it('should place a bad version string at its value', async () => {
    expect(await frame('invalid/bad-version.yaml')).toEqual(['5:23 devices[0].mdav.platform bad_version']);
  });

  it("should report the policy engine's problems with exclusion entries, one per entry (§4.2 wildcard drive, 7 wildcards)", async () => {
    expect(await frame('invalid/bad-exclusion.yaml')).toEqual([
      '6:7 exclusions.paths[0] exclusion_wildcard_drive',
      '7:7 exclusions.paths[1] exclusion_too_many_wildcards',
    ]);
  });

  it('should place an expectation that names a missing artifact', async () => {
    expect(await frame('invalid/missing-artifact.yaml')).toEqual(['8:15 expect[0].artifact unknown_artifact']);
  });

  it('should report a negative and a malformed duration together', async () => {
    expect(await frame('invalid/bad-duration.yaml')).toEqual([
      '5:9 timeline[0].at bad_duration',
      '7:9 timeline[1].at bad_duration',
    ]);
  });

  it('should place syntax errors in text that is not YAML at all', async () => {
    expect(await frame('invalid/not-yaml.yaml')).toEqual([
      '1:11 (root) yaml_syntax',
      '2:12 (root) yaml_syntax',
      '3:1 (root) yaml_syntax',
    ]);
  });

  it('should refuse a YAML bomb by counting, never expanding it', async () => {
    expect(await frame('invalid/yaml-bomb.yaml')).toEqual(['1:1 (root) alias_bomb']);
  });

  it('should refuse a binary file', async () => {
    writeFileSync(join(scratch, 'binary.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0x00, 0x00, 0x08, 0x00]));
    expect(await frame('binary.yaml', scratch)).toEqual(['2:1 (root) binary_file']);
  });

  it('should refuse an empty file', async () => {
    expect(await frame('invalid/empty.yaml')).toEqual(['1:1 (root) empty_file']);
  });

  it('should refuse a Windows path in double quotes', async () => {
    expect(await frame('invalid/double-quoted-path.yaml')).toEqual(['5:11 exclusions.paths[0] windows_path_escape']);
  });

  it('should report a double-quoted folder path once, without the follow-on errors of its escaped closing quote', async () => {
    expect(await frame('invalid/double-quoted-folder.yaml')).toEqual(['5:11 exclusions.paths[0] windows_path_escape']);
  });

  it('should refuse 0x1 in JSON', async () => {
    expect(await frame('invalid/hex.json')).toEqual(['4:66 devices[0].passiveRemediation json_hex']);
  });

  it('should refuse a // comment in JSON at the comment, not at the next key', async () => {
    expect(await frame('invalid/comment.json')).toEqual(['3:3 (root) json_comment']);
  });

  it('should report unknown keys at every level', async () => {
    expect(await frame('invalid/unknown-key.yaml')).toEqual(['2:1 tenat unknown_key', '7:5 devices[0].primaryAV unknown_key']);
  });

  it('should refuse YAML tags that construct code, and never run them', async () => {
    expect(await frame('invalid/code-tag.yaml')).toEqual(['1:7 name unsafe_tag', '4:9 devices[0].os unsafe_tag']);
  });
});

describe('invalid input across files', () => {
  it('should list the problems of every file at once, and count the invalid files', async () => {
    const result = await runCli(['validate', 'invalid/duplicate-id.yaml', 'pass.yaml', 'invalid/bad-duration.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr.match(/^✖ /gm)).toHaveLength(3);
    expect(result.stderr).toContain('3 errors');
    expect(result.stdout).toBe('✔ pass.yaml: Block mode remediates a missed behaviour\n1 valid, 2 invalid, 0 warnings\n');
  });

  it('should name a file outside the working folder by the same absolute path in errors and in success lines', async () => {
    const result = await runCli(['validate', join(FIXTURES, 'pass.yaml'), join(FIXTURES, 'invalid', 'empty.yaml')], scratch);
    expect(result.stdout).toContain(`✔ ${join(FIXTURES, 'pass.yaml')}: `);
    expect(result.stderr).toContain(`✖ ${join(FIXTURES, 'invalid', 'empty.yaml')}:1:1 `);
  });
});
