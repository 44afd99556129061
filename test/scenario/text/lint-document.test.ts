/** The backslash lint reads each file's own escapes, and every fix it suggests parses in that file's syntax. */
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../engine/core/issue.ts';
import { POLICY_LOAD_OPTIONS } from '../../../engine/run-scenario.ts';
import { loadScenario } from '../../../engine/scenario/index.ts';
import { loaded } from '../scenario-text.ts';

// Reference §4.2, contextual exclusions: `<PATH>\:{Process:"<image_path>"}`.
const CONTEXTUAL = 'C:\\Docs\\design.doc\\:{Process:"winword.exe"}';

const jsonScenario = (literal: string): string =>
  `{\n  "name": "ctx",\n  "devices": [{ "name": "ws-01", "os": "windows-11" }],\n  "exclusions": { "paths": [${literal}] }\n}\n`;
const yamlScenario = (literal: string): string =>
  `name: ctx\ndevices: [{ name: ws-01, os: windows-11 }]\nexclusions:\n  paths: [${literal}]\n`;

/** The one issue's hint, and the literal it proposes (the text after the colon). */
function suggested(text: string, file: string): { code: string; literal: string } {
  const result = loadScenario(text, file, POLICY_LOAD_OPTIONS);
  if (result.ok) throw new Error('expected the lint to refuse the file');
  const issue = result.issues.find((candidate) => candidate.code === 'windows_path_escape');
  const literal = /: (["'].*["'])$/.exec(issue?.hint ?? '')?.[1];
  if (issue === undefined || literal === undefined)
    throw new Error(`no windows_path_escape hint in ${JSON.stringify(result.issues)}`);
  return { code: issue.code, literal };
}

describe('the backslash lint', () => {
  it('should load a process-restricted contextual exclusion written in JSON, whose \\" escapes are JSON quotes', () => {
    expect(JSON.parse(`"C:\\\\Docs\\\\design.doc\\\\:{Process:\\"winword.exe\\"}"`)).toBe(CONTEXTUAL);
    const scenario = loaded(jsonScenario(JSON.stringify(CONTEXTUAL)), POLICY_LOAD_OPTIONS, 'ctx.json');
    expect(scenario.exclusions.paths).toEqual([CONTEXTUAL]);
  });

  it('should load the same entry in YAML single quotes, where backslashes are plain characters', () => {
    const scenario = loaded(yamlScenario(`'${CONTEXTUAL}'`), POLICY_LOAD_OPTIONS, 'ctx.yaml');
    expect(scenario.exclusions.paths).toEqual([CONTEXTUAL]);
  });

  it('should load the same entry imported from a Get-MpPreference JSON export', () => {
    const export_ = JSON.stringify({ ExclusionPath: [CONTEXTUAL] });
    const options = { ...POLICY_LOAD_OPTIONS, readFile: () => ok(export_) };
    expect(
      loaded('name: ctx\ndevices: [{ name: ws-01, os: windows-11 }]\nexclusions: { from: mppref.json }\n', options).exclusions
        .paths,
    ).toEqual([CONTEXTUAL]);
  });

  it('should not suggest single quotes, which JSON does not have, for a bad escape in a JSON file', () => {
    const result = loadScenario('{ "name": "a\\qb", "devices": [{ "name": "ws-01", "os": "windows-11" }] }\n', 'ctx.json');
    expect(result.ok ? [] : result.issues.map((issue) => issue.hint)).toEqual([
      'in JSON a backslash starts an escape: write each backslash of a Windows path as \\\\',
    ]);
  });

  it.each([
    ['JSON, single backslashes', 'ctx.json', jsonScenario('"C:\\Docs\\design.doc\\:{Process:\\"winword.exe\\"}"'), CONTEXTUAL],
    ['JSON, a run-on folder', 'ctx.json', jsonScenario('"C:\\Tools\\"'), 'C:\\Tools\\'],
    [
      'JSON, a tab escape after a doubled backslash, kept as written',
      'ctx.json',
      jsonScenario('"C:\\\\Users\\temp"'),
      'C:\\\\Users\\temp',
    ],
    ['YAML, a share whose \\\\ is part of the path', 'ctx.yaml', yamlScenario('"\\\\server\\ \\"'), '\\\\server\\ \\'],
    [
      'YAML, single backslashes and an escaped quote',
      'ctx.yaml',
      yamlScenario('"C:\\Docs\\design.doc\\:{Process:\\"winword.exe\\"}"'),
      CONTEXTUAL,
    ],
    ["YAML, a name with a ' in it", 'ctx.yaml', yamlScenario(`"C:\\Users\\o'brien\\temp"`), "C:\\Users\\o'brien\\temp"],
  ])("should suggest a fix that parses in the file's own syntax to the path meant (%s)", (_, file, text, meant) => {
    const { literal } = suggested(text, file);
    const json = file.endsWith('.json');
    const fixed = text.replace(/paths": \[.*\] }|paths: \[.*\]/, () => (json ? `paths": [${literal}] }` : `paths: [${literal}]`));
    const data = (json ? JSON.parse(fixed) : parseYaml(fixed)) as { exclusions: { paths: string[] } };
    // The fix keeps what the user meant: every lone backslash a path separator, every \" a quote.
    expect(data.exclusions.paths).toEqual([meant]);
    expect(loadScenario(fixed, file, POLICY_LOAD_OPTIONS).ok).toBe(true);
  });
});
