// `edrsim run --format junit`: well-formed XML, one testsuite per file, one testcase per expectation.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../engine/core/issue.ts';
import { loadScenarioFile } from '../../../engine/run-scenario.ts';
import { parseXml, type XmlElement } from '../parse-xml.ts';
import { FIXTURES, runCli } from '../run-cli.ts';

async function junit(...argv: string[]): Promise<{ code: number; root: XmlElement; stdout: string }> {
  const result = await runCli(['run', ...argv, '--format', 'junit']);
  return { code: result.code, root: parseXml(result.stdout), stdout: result.stdout };
}

describe('the test XML checker', () => {
  it.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['a "<" in an attribute', '<a x="<"/>'],
    ['a control character', '<a>\u0007</a>'],
    ['two roots', '<a/><b/>'],
  ])('should reject %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });

  it('should read elements, attributes and decoded text', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a k="&quot;x&amp;y&quot;"><b>1 &lt; 2</b><c/></a>\n');
    expect(root.attributes).toEqual({ k: '"x&y"' });
    expect(root.children.map((child) => [child.name, child.text])).toEqual([
      ['b', '1 < 2'],
      ['c', ''],
    ]);
  });
});

describe('edrsim run --format junit', () => {
  it('should group testcases by file, one per expectation, with counts that add up', async () => {
    const { code, root } = await junit('pass.yaml', 'fail.yaml', 'no-expect.yaml');
    expect(code).toBe(1);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    expect(
      root.children.map((suite) => [
        suite.name,
        suite.attributes['name'],
        suite.attributes['tests'],
        suite.attributes['failures'],
      ]),
    ).toEqual([
      ['testsuite', 'pass.yaml', '2', '0'],
      ['testsuite', 'fail.yaml', '1', '1'],
      ['testsuite', 'no-expect.yaml', '0', '0'],
    ]);
    for (const suite of root.children) {
      expect(suite.children.length).toBe(Number(suite.attributes['tests']));
      for (const testcase of suite.children) {
        expect(testcase.name).toBe('testcase');
        expect(testcase.attributes['file']).toBe(suite.attributes['name']);
      }
    }
  });

  it('should give a failing testcase a failure with the message and the reasons as details', async () => {
    const { root } = await junit('fail.yaml');
    const testcase = root.children[0]?.children[0];
    expect(testcase?.attributes['classname']).toBe('A wrong expectation fails the run');
    const failure = testcase?.children[0];
    expect(failure?.name).toBe('failure');
    expect(failure?.attributes['message']).toMatch(/^artifact a1: outcome missed — got outcome blocked/);
    const details = failure?.text.split('\n') ?? [];
    expect(details[0]).toBe(failure?.attributes['message']);
    expect(details).toContainEqual(expect.stringMatching(/^\[edr-block-mode\] /));
    expect(details).toContain('cite: §3.1 — §3.1 What it is');
    expect(details.at(-1)).toMatch(/ — https:\/\/learn\.microsoft\.com\/en-us\/defender-endpoint\//);
    // The cite is a property too, with its sources' titles and links, after the failure.
    const properties = testcase?.children[1];
    expect(properties?.name).toBe('properties');
    expect(properties?.children.map((property) => property.attributes['name'])).toEqual(
      expect.arrayContaining(['cite', 'cite.label', 'cite.source']),
    );
  });

  it('should stay well formed with invalid input, adding one error testcase per problem', async () => {
    const { code, root } = await junit('pass.yaml', 'invalid/bad-exclusion.yaml');
    expect(code).toBe(2);
    const invalid = root.children.find((suite) => suite.attributes['name'] === 'invalid input');
    expect(invalid?.attributes).toMatchObject({ tests: '2', errors: '2' });
    // The root's totals are the sums over every suite, the invalid-input one included, as CI dashboards read them.
    const sum = (key: string) => String(root.children.reduce((total, suite) => total + Number(suite.attributes[key]), 0));
    expect(root.attributes).toMatchObject({ tests: sum('tests'), failures: sum('failures'), errors: sum('errors') });
    expect(root.attributes).toMatchObject({ tests: '4', errors: '2' });
    // Each testcase is named by the problem's place and carries the loader's words, whatever they are
    // (test/scenario/invalid-files.test.ts pins them).
    const loaded = loadScenarioFile(join(FIXTURES, 'invalid/bad-exclusion.yaml'));
    const issues = loaded.ok ? [] : loaded.issues;
    expect(issues.map((issue) => `${issue.line}:${issue.column} ${formatPath(issue.path)}`)).toEqual([
      '6:7 exclusions.paths[0]',
      '7:7 exclusions.paths[1]',
    ]);
    expect(invalid?.children.map((testcase) => testcase.attributes['name'])).toEqual(
      issues.map(
        (issue) => `invalid/bad-exclusion.yaml:${issue.line}:${issue.column} ${formatPath(issue.path)}: ${issue.message}`,
      ),
    );
    const error = invalid?.children[0]?.children[0];
    expect(error?.name).toBe('error');
    expect(error?.attributes['message']).toBe(issues[0]?.message);
    expect(error?.text).toContain(`hint: ${issues[0]?.hint}`);
  });

  it('should escape markup in scenario names and messages', async () => {
    const { stdout, root } = await junit('pass.yaml', '--set', 'name=<b>"R&D"</b>');
    expect(stdout).not.toContain('<b>');
    expect(root.children[0]?.children[0]?.attributes['classname']).toBe('<b>"R&D"</b>');
  });

  it('should name a test case by what it asserts, the same whether it passes or fails, without its index', async () => {
    const passing = await junit('pass.yaml');
    const failing = await junit('pass.yaml', '--set', 'tenant.edrBlockMode=false');
    const names = (root: XmlElement) => root.children[0]?.children.map((testcase) => testcase.attributes['name']);
    expect(names(passing.root)).toEqual([
      'device ws-01 at the end of the run: mode passive, runningMode EDR Block Mode, edrBlockMode effective',
      'artifact a1: outcome blocked, by edr-block-mode, detectionStatus Blocked, actionCenter true',
    ]);
    expect(names(failing.root)).toEqual(names(passing.root));
    expect(failing.root.attributes['failures']).toBe('2');
  });

  it('should put what was wanted and what the run gave in the failure message', async () => {
    const { root } = await junit('fail.yaml');
    const testcase = root.children[0]?.children[0];
    expect(testcase?.attributes['name']).toBe('artifact a1: outcome missed');
    expect(testcase?.children[0]?.attributes['message']).toBe('artifact a1: outcome missed — got outcome blocked');
  });

  it('should use a given name: for the test case', async () => {
    const { root } = await junit('pass.yaml', '--set', 'expect[1].name=block mode remediates');
    expect(root.children[0]?.children[1]?.attributes['name']).toBe('block mode remediates');
  });

  it('should write time="0" so that the same run gives the same bytes, and measured seconds with --junit-time', async () => {
    const first = await junit('pass.yaml', 'fail.yaml');
    const second = await junit('pass.yaml', 'fail.yaml');
    expect(first.stdout).toBe(second.stdout);
    const times = first.root.children.flatMap((suite) => [
      suite.attributes['time'],
      ...suite.children.map((testcase) => testcase.attributes['time']),
    ]);
    expect(times).toEqual(['0', '0', '0', '0', '0']);
    const timed = await junit('pass.yaml', '--junit-time');
    const suite = timed.root.children[0];
    expect(Number(suite?.attributes['time'])).toBeGreaterThan(0);
    // The scenario's time is shared by its test cases, so a dashboard's sum is the scenario's time.
    const cases = suite?.children.map((testcase) => Number(testcase.attributes['time'])) ?? [];
    expect(cases.reduce((sum, time) => sum + time, 0)).toBeCloseTo(Number(suite?.attributes['time']), 5);
  });

  it('should refuse --junit-time with another format', async () => {
    const result = await runCli(['run', 'pass.yaml', '--junit-time']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--junit-time/);
  });
});
