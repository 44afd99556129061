// Invalid input through `validate` and `run` (§4): every problem at once, file:line:column and path, a hint, no stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, hasStackTrace, runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-invalid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Validates `file` (relative to `cwd`) and returns what validate printed on stderr, after checking what
 * holds for every invalid file: exit 2 from validate and from run, the same problems from both, each
 * headed `✖ file:line:column path: message`, and no stack trace.
 */
async function problems(file: string, cwd = FIXTURES): Promise<string> {
  const validated = await runCli(['validate', file], cwd);
  const ran = await runCli(['run', file], cwd);
  expect(validated.code).toBe(2);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toBe(validated.stderr);
  expect(validated.stdout).toMatch(/^0 valid, 1 invalid, \d+ warnings?\n$/);
  const heads = validated.stderr.split('\n').filter((line) => line.startsWith('✖'));
  expect(heads.length).toBeGreaterThan(0);
  for (const head of heads) expect(head).toMatch(new RegExp(`^✖ ${file.replaceAll('.', '\\.')}:\\d+:\\d+ \\S+: \\S`));
  // A failed file lists its warnings too; the last line counts errors and warnings apart.
  const warned = validated.stderr.split('\n').filter((line) => line.startsWith('⚠')).length;
  expect(validated.stderr).toMatch(new RegExp(`\\n${heads.length} errors?${warned > 0 ? `, ${warned} warnings?` : ''}\\n$`));
  expect(hasStackTrace(validated.stderr)).toBe(false);
  return validated.stderr;
}

describe('invalid scenario files, as validate and run report them', () => {
  it('should name both places of a duplicate artifact id', async () => {
    expect(await problems('invalid/duplicate-id.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/duplicate-id.yaml:8:21 timeline[1].artifact.id: id "a1" is used twice
        expected: ids unique in the scenario
        received: "a1"
        hint: first used at timeline[0].artifact.id
      1 error
      "
    `);
  });

  it('should suggest the closest device for an unknown device', async () => {
    expect(await problems('invalid/unknown-device.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/unknown-device.yaml:6:33 timeline[0].artifact.device: device "ws-10" is not defined
        expected: a device from devices or fleet
        received: "ws-10"
        hint: did you mean "ws-01"?
      1 error
      "
    `);
  });

  it('should show the expected form of a bad version string', async () => {
    expect(await problems('invalid/bad-version.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/bad-version.yaml:5:23 devices[0].mdav.platform: version "4.18.2001.10b" is not a dotted version
        expected: numbers separated by dots, e.g. 4.18.24090.11 (platform) or 1.1.24090.11 (engine)
        received: "4.18.2001.10b"
        hint: copy AMProductVersion / AMEngineVersion from Get-MpComputerStatus; quote it in YAML
      1 error
      "
    `);
  });

  it("should give the policy engine's reason for invalid exclusion entries (§4.2 wildcard drive, 7 wildcards)", async () => {
    expect(await problems('invalid/bad-exclusion.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/bad-exclusion.yaml:6:7 exclusions.paths[0]: path exclusion \`*:\\Tools\\\` uses a wildcard drive letter
        expected: a real drive letter such as C:
        received: *:
        hint: the drive letter may not be a wildcard (§4.2); add one entry per drive
      ✖ invalid/bad-exclusion.yaml:7:7 exclusions.paths[1]: path exclusion \`C:\\*\\*\\*\\*\\*\\*\\*\\x.exe\` has 7 wildcards; at most 6 are allowed
        expected: at most 6 of * and ?
        received: 7
        hint: split it into several entries (§4.2)
      2 errors
      "
    `);
  });

  it('should refuse an expectation that names a missing artifact, with a did-you-mean', async () => {
    expect(await problems('invalid/missing-artifact.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/missing-artifact.yaml:8:15 expect[0].artifact: artifact "invoise" is not defined
        expected: an artifact id from the timeline
        received: "invoise"
        hint: did you mean "invoice"?
      1 error
      "
    `);
  });

  it('should report a negative and a malformed duration together', async () => {
    expect(await problems('invalid/bad-duration.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/bad-duration.yaml:5:9 timeline[0].at: duration "-5m" is negative
        expected: a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: "-5m"
        hint: times are offsets from the scenario start and cannot be negative
      ✖ invalid/bad-duration.yaml:7:9 timeline[1].at: "5 minutes" is not a duration
        expected: a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: "5 minutes"
      2 errors
      "
    `);
  });

  it('should place syntax errors in text that is not YAML at all', async () => {
    expect(await problems('invalid/not-yaml.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/not-yaml.yaml:1:11 (root): YAML syntax error: Implicit keys of flow sequence pairs need to be on a single line
        received: "not yaml\\n  at all"
      ✖ invalid/not-yaml.yaml:2:12 (root): YAML syntax error: a key must be a plain value, not a list or map
        received: "{"
      ✖ invalid/not-yaml.yaml:3:1 (root): YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }
        hint: check the indentation: items of one list or map start in the same column
      3 errors
      "
    `);
  });

  it('should refuse a YAML bomb by counting, never expanding it', async () => {
    const text = await problems('invalid/yaml-bomb.yaml');
    expect(text).toMatchInlineSnapshot(`
      "✖ invalid/yaml-bomb.yaml:1:1 (root): aliases expand past 1000000 values: refused as a resource exhaustion ("billion laughs") attack
        expected: aliases that stand for at most 1000000 values in all
        hint: use fleet to repeat a device template, not nested aliases
      1 error
      "
    `);
  });

  it('should refuse a binary file', async () => {
    writeFileSync(join(scratch, 'binary.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0x00, 0x00, 0x08, 0x00]));
    expect(await problems('binary.yaml', scratch)).toMatchInlineSnapshot(`
      "✖ binary.yaml:2:1 (root): file contains NUL bytes: it is a binary file, not text
        expected: UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark
        received: binary data
        hint: save the file as UTF-8 text; is this the right file?
      1 error
      "
    `);
  });

  it('should refuse an empty file', async () => {
    expect(await problems('invalid/empty.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/empty.yaml:1:1 (root): file is empty: it has no scenario in it
        expected: a map with at least \`name\` and \`devices\`
        received: an empty file
        hint: start from an example in scenarios/, e.g. \`name: My scenario\` then \`devices: [{ name: ws-01, os: windows-11 }]\`
      1 error
      "
    `);
  });

  it('should explain a Windows path in double quotes and suggest single quotes', async () => {
    expect(await problems('invalid/double-quoted-path.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/double-quoted-path.yaml:5:11 exclusions.paths[0]: Windows path "C:\\Program Files\\tools\\app.exe" is in double quotes, where each backslash starts an escape sequence
        expected: a path in single quotes
        received: "C:\\u2029rogram Files\\tools\\u0007pp.exe"
        hint: use single quotes, where backslashes are plain characters: 'C:\\Program Files\\tools\\app.exe'
      1 error
      "
    `);
  });

  it('should refuse 0x1 in JSON and give the decimal', async () => {
    expect(await problems('invalid/hex.json')).toMatchInlineSnapshot(`
      "✖ invalid/hex.json:4:66 devices[0].passiveRemediation: 0x1 is a hex number, which JSON does not have
        expected: a decimal number
        received: 0x1
        hint: JSON has no hex numbers: write 1
      1 error
      "
    `);
  });

  it('should suggest the closest key for unknown keys, at every level', async () => {
    expect(await problems('invalid/unknown-key.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/unknown-key.yaml:2:1 tenat: unknown key "tenat"
        expected: one of $schema, name, description, tags, seed, start, settings, tenant, devices, fleet, exclusions, indicators, timeline, expect
        hint: did you mean "tenant"?
      ✖ invalid/unknown-key.yaml:7:5 devices[0].primaryAV: unknown key "primaryAV"
        expected: one of name, os, onboarded, serverAgent, primaryAv, thirdPartyAv, securityCenter, smartAppControl, forceDefenderPassiveMode, turnOffDefenderPolicy, tamperProtection, mdav, passiveRemediation, groupPolicyEdrBlockMode, tags, domain, exclusions
        hint: did you mean "primaryAv"?
      2 errors
      "
    `);
  });

  it('should refuse YAML tags that construct code, and never run them', async () => {
    expect(await problems('invalid/code-tag.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/code-tag.yaml:1:7 name: YAML tag !!js/function is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !!js/function
        hint: a scenario is data, never code: remove the tag
      ✖ invalid/code-tag.yaml:4:9 devices[0].os: YAML tag !!python/object/apply:os.system is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !!python/object/apply:os.system
        hint: a scenario is data, never code: remove the tag
      2 errors
      "
    `);
  });
});

// Faults of engine/scenario (lint-document.ts, parse-source.ts), reported to the lead and left failing on purpose.
describe('messages engine/scenario gets wrong (reported)', () => {
  it('should not put an invisible U+2029 line separator into `received` when the path holds \\P', async () => {
    const text = await problems('invalid/double-quoted-path.yaml');
    // YAML reads "\P" as U+2029; JSON.stringify leaves it raw, so the terminal breaks the line or shows nothing.
    expect(text).not.toMatch(/[\u2028\u2029]/);
  });

  it("should end a double-quoted folder path at its trailing backslash and suggest 'C:\\Users\\bob\\Tools\\'", async () => {
    const text = await problems('invalid/double-quoted-folder.yaml');
    // `\"` escapes the closing quote, so the string runs on; the hint must still be the folder the user meant,
    // and the parser's follow-on errors about the same quote are noise.
    expect(text).toContain("hint: use single quotes, where backslashes are plain characters: 'C:\\Users\\bob\\Tools\\'\n");
    expect(text).toContain('\n1 error\n');
  });

  it('should say that JSON has no comments, instead of reading a // comment as part of the next key', async () => {
    const text = await problems('invalid/comment.json');
    // Today: `✖ invalid/comment.json:3:3 // the sales laptops "devices": unknown key "// the sales laptops "devices""`.
    expect(text).not.toContain('unknown key');
    expect(text).toMatch(/^✖ invalid\/comment\.json:3:3 .*\bcomments?\b/im);
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
