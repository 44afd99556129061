/** The wording of every problem in the CLI's invalid fixtures, as the loader words it; the CLI tests check only the frame. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/core/issue.ts';
import { loadScenarioFile } from '../../engine/run-scenario.ts';

const FIXTURES = 'test/cli/fixtures';
const scratch = mkdtempSync(join(tmpdir(), 'edrsim-invalid-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The rendered problems of `file` under `dir` (default the CLI's fixtures), named as the CLI names it when run
 * from that folder; throws when the file loads, so a test cannot pass by accident.
 */
function problems(file: string, dir = FIXTURES): string {
  const loaded = loadScenarioFile(join(dir, file));
  if (loaded.ok) throw new Error(`expected ${file} to be invalid`);
  return formatIssues(loaded.issues).replaceAll(`${join(dir, file)}:`, `${file}:`);
}

describe('loadScenarioFile words the problems of invalid files', () => {
  it('should name both places of a duplicate artifact id', () => {
    expect(problems('invalid/duplicate-id.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/duplicate-id.yaml:8:21 timeline[1].artifact.id: id "a1" is used twice
        expected: ids unique in the scenario
        received: "a1"
        hint: first used at timeline[0].artifact.id"
    `);
  });

  it('should suggest the closest device for an unknown device', () => {
    expect(problems('invalid/unknown-device.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/unknown-device.yaml:6:33 timeline[0].artifact.device: device "ws-10" is not defined
        expected: a device from devices or fleet
        received: "ws-10"
        hint: did you mean "ws-01"?"
    `);
  });

  it('should show the expected form of a bad version string', () => {
    expect(problems('invalid/bad-version.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/bad-version.yaml:5:23 devices[0].mdav.platform: version "4.18.2001.10b" is not a dotted version
        expected: numbers separated by dots, e.g. 4.18.24090.11 (platform) or 1.1.24090.11 (engine)
        received: "4.18.2001.10b"
        hint: copy AMProductVersion / AMEngineVersion from Get-MpComputerStatus; quote it in YAML"
    `);
  });

  it("should give the policy engine's reason for invalid exclusion entries (§4.2 wildcard drive, 7 wildcards)", () => {
    expect(problems('invalid/bad-exclusion.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/bad-exclusion.yaml:6:7 exclusions.paths[0]: path exclusion \`*:\\Tools\\\` uses a wildcard drive letter
        expected: a real drive letter such as C:
        received: *:
        hint: the drive letter may not be a wildcard (§4.2); add one entry per drive
      ✖ invalid/bad-exclusion.yaml:7:7 exclusions.paths[1]: path exclusion \`C:\\*\\*\\*\\*\\*\\*\\*\\x.exe\` has 7 wildcards; at most 6 are allowed
        expected: at most 6 of * and ?
        received: 7
        hint: split it into several entries (§4.2)"
    `);
  });

  it('should refuse an expectation that names a missing artifact, with a did-you-mean', () => {
    expect(problems('invalid/missing-artifact.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/missing-artifact.yaml:8:15 expect[0].artifact: artifact "invoise" is not defined
        expected: an artifact id from the timeline
        received: "invoise"
        hint: did you mean "invoice"?"
    `);
  });

  it('should report a negative and a malformed duration together', () => {
    expect(problems('invalid/bad-duration.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/bad-duration.yaml:5:9 timeline[0].at: duration "-5m" is negative
        expected: a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: "-5m"
        hint: times are offsets from the scenario start and cannot be negative
      ✖ invalid/bad-duration.yaml:7:9 timeline[1].at: "5 minutes" is not a duration
        expected: a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS
        received: "5 minutes""
    `);
  });

  it('should place syntax errors in text that is not YAML at all', () => {
    expect(problems('invalid/not-yaml.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/not-yaml.yaml:1:11 (root): YAML syntax error: Implicit keys of flow sequence pairs need to be on a single line
        received: "not yaml\\n  at all"
      ✖ invalid/not-yaml.yaml:2:12 (root): YAML syntax error: a key must be a plain value, not a list or map
        received: "{"
      ✖ invalid/not-yaml.yaml:3:1 (root): YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }
        hint: check the indentation: items of one list or map start in the same column"
    `);
  });

  it('should refuse a YAML bomb by counting, never expanding it', () => {
    expect(problems('invalid/yaml-bomb.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/yaml-bomb.yaml:1:1 (root): aliases expand past 1000000 values: refused as a resource exhaustion ("billion laughs") attack
        expected: aliases that stand for at most 1000000 values in all
        hint: use fleet to repeat a device template, not nested aliases"
    `);
  });

  it('should refuse a binary file', () => {
    writeFileSync(join(scratch, 'binary.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0x00, 0x00, 0x08, 0x00]));
    expect(problems('binary.yaml', scratch)).toMatchInlineSnapshot(`
      "✖ binary.yaml:2:1 (root): file contains NUL bytes: it is a binary file, not text
        expected: UTF-8 text (with or without a byte-order mark), or UTF-16 LE/BE text with a byte-order mark
        received: binary data
        hint: save the file as UTF-8 text; is this the right file?"
    `);
  });

  it('should refuse an empty file', () => {
    expect(problems('invalid/empty.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/empty.yaml:1:1 (root): file is empty: it has no scenario in it
        expected: a map with at least \`name\` and \`devices\`
        received: an empty file
        hint: start from an example in scenarios/, e.g. \`name: My scenario\` then \`devices: [{ name: ws-01, os: windows-11 }]\`"
    `);
  });

  it('should explain a Windows path in double quotes and suggest single quotes', () => {
    expect(problems('invalid/double-quoted-path.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/double-quoted-path.yaml:5:11 exclusions.paths[0]: Windows path "C:\\Program Files\\tools\\app.exe" is in double quotes, where each backslash starts an escape sequence
        expected: a path in single quotes
        received: "C:\\u2029rogram Files\\tools\\u0007pp.exe"
        hint: use single quotes, where backslashes are plain characters: 'C:\\Program Files\\tools\\app.exe'"
    `);
  });

  it('should refuse 0x1 in JSON and give the decimal', () => {
    expect(problems('invalid/hex.json')).toMatchInlineSnapshot(`
      "✖ invalid/hex.json:4:66 devices[0].passiveRemediation: 0x1 is a hex number, which JSON does not have
        expected: a decimal number
        received: 0x1
        hint: JSON has no hex numbers: write 1"
    `);
  });

  it('should suggest the closest key for unknown keys, at every level', () => {
    expect(problems('invalid/unknown-key.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/unknown-key.yaml:2:1 tenat: unknown key "tenat"
        expected: one of $schema, name, description, tags, seed, start, settings, tenant, devices, fleet, exclusions, indicators, timeline, expect
        hint: did you mean "tenant"?
      ✖ invalid/unknown-key.yaml:7:5 devices[0].primaryAV: unknown key "primaryAV"
        expected: one of name, os, onboarded, serverAgent, primaryAv, thirdPartyAv, securityCenter, smartAppControl, forceDefenderPassiveMode, turnOffDefenderPolicy, tamperProtection, mdav, passiveRemediation, groupPolicyEdrBlockMode, tags, domain, exclusions, from
        hint: did you mean "primaryAv"?"
    `);
  });

  it('should refuse YAML tags that construct code, and never run them', () => {
    expect(problems('invalid/code-tag.yaml')).toMatchInlineSnapshot(`
      "✖ invalid/code-tag.yaml:1:7 name: YAML tag !!js/function is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !!js/function
        hint: a scenario is data, never code: remove the tag
      ✖ invalid/code-tag.yaml:4:9 devices[0].os: YAML tag !!python/object/apply:os.system is not allowed
        expected: plain YAML values: strings, numbers, booleans, null, lists and maps
        received: !!python/object/apply:os.system
        hint: a scenario is data, never code: remove the tag"
    `);
  });
});

describe('loadScenarioFile words an export named as a scenario', () => {
  it('should say how to import a Get-MpPreference export', () => {
    writeFileSync(join(scratch, 'mppref.json'), readFileSync('test/policy/exclusions/fixtures/mppref.json'));
    expect(problems('mppref.json', scratch)).toMatchInlineSnapshot(
      `"✖ mppref.json:1:1 (root): this is a Get-MpPreference export; import it with \`exclusions: { from: mppref.json }\`"`,
    );
  });

  it('should say how to import an indicator CSV', () => {
    writeFileSync(
      join(scratch, 'iocs.csv'),
      'IndicatorType,IndicatorValue,Action,Title,Description\nDomainName,contoso.com,Block,t,d\n',
    );
    expect(problems('iocs.csv', scratch)).toMatchInlineSnapshot(
      `"✖ iocs.csv:1:1 (root): this is an indicator import CSV; import it with \`indicators: { from: iocs.csv }\`"`,
    );
  });
});

describe('loadScenarioFile words the problems engine/scenario once got wrong', () => {
  it('should not put an invisible U+2029 line separator into `received` when the path holds \\P', () => {
    // YAML reads "\P" as U+2029; JSON.stringify leaves it raw, so the terminal breaks the line or shows nothing.
    expect(problems('invalid/double-quoted-path.yaml')).not.toMatch(/[\u2028\u2029]/);
  });

  it("should end a double-quoted folder path at its trailing backslash and suggest 'C:\\Users\\bob\\Tools\\'", () => {
    // `\"` escapes the closing quote, so the string runs on; the hint must still be the folder the user meant,
    // and the parser's follow-on errors about the same quote are noise.
    const text = problems('invalid/double-quoted-folder.yaml');
    expect(text).toContain("hint: use single quotes, where backslashes are plain characters: 'C:\\Users\\bob\\Tools\\'");
    expect(text.match(/^✖ /gm)).toHaveLength(1);
  });

  it('should say that JSON has no comments, instead of reading a // comment as part of the next key', () => {
    // Once: `✖ invalid/comment.json:3:3 // the sales laptops "devices": unknown key "// the sales laptops "devices""`.
    const text = problems('invalid/comment.json');
    expect(text).not.toContain('unknown key');
    expect(text).toMatch(/^✖ invalid\/comment\.json:3:3 .*\bcomments?\b/im);
  });
});
