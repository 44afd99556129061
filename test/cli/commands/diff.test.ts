// `edrsim diff BASE HEAD [SCENARIOS…]`: sources on disk and at git refs, exit codes, formats, bad input (issue 15).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifSchemaErrors } from '../../report/sarif-schema.ts';
import { hasStackTrace, runCli } from '../run-cli.ts';

const repo = mkdtempSync(join(tmpdir(), 'edrsim-diff-'));
const git = (...args: string[]) => {
  const run = spawnSync('git', ['-c', 'user.name=edrsim test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
};

const FLEET = `tenant: { edrBlockMode: true }
devices:
  - { name: ws-pass-01, os: windows-11, primaryAv: non-microsoft }
timeline:
  - at: 5m
    artifact: { id: temp-dropper, device: ws-pass-01, class: malicious, kind: behavior, trigger: behavior,
                path: 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe', process: 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
                signals: { primaryAv: miss, mdav: detect, edr: detect } }
`;
const POLICY = (from: string) => `name: policy\n${FLEET}exclusions: { from: ${from} }\n`;

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'policy'));
  writeFileSync(join(repo, 'policy/av.yaml'), POLICY('mppref.txt'));
  writeFileSync(join(repo, 'policy/mppref.txt'), 'ExclusionPath : {C:\\Data\\}\n');
  git('add', '.');
  git('commit', '-q', '-m', 'before');
  // HEAD's import adds the user Temp folders; the committed one does not: BASE must read its import from the ref.
  writeFileSync(join(repo, 'policy/mppref.txt'), 'ExclusionPath : {C:\\Data\\, C:\\Users\\*\\AppData\\Local\\Temp\\}\n');
  writeFileSync(
    join(repo, 'weaker.yaml'),
    `name: weaker\n${FLEET}exclusions: { paths: ['C:\\Users\\@team\\AppData\\Local\\Temp\\', 'C:\\Users\\*\\AppData\\Local\\Temp\\'] }\n`,
  );
  writeFileSync(join(repo, 'plain.yaml'), `name: plain\n${FLEET}`);
  writeFileSync(
    join(repo, 'changes-policy.yaml'),
    `name: changes policy\n${FLEET}  - at: 10m\n    change: { exclusions: { paths: ['C:\\Temp\\'] } }\n`,
  );
  writeFileSync(join(repo, 'main:policy'), `name: a file whose name looks like a ref\n${FLEET}`);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const diff = (...args: string[]) => runCli(['diff', ...args, '--generate', '0'], repo);

describe('edrsim diff', () => {
  it('should read BASE at a git ref with its imports from the same ref, and call the new Temp exclusion weaker (exit 1)', async () => {
    const result = await diff('main:policy/av.yaml', 'policy/av.yaml');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^weaker: \d+ of \d+ artifacts weaker, 0 stronger/);
    expect(lines[2]).toMatch(/^ {2}c1 {2}weaker \d+ {2}path exclusion added: C:\\Users\\\*\\AppData\\Local\\Temp\\$/);
  });

  it('should write the weakening change as valid SARIF at its line in HEAD, and as a GitHub annotation', async () => {
    const result = await diff('main:policy/av.yaml', 'policy/av.yaml', '--format', 'sarif');
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['edrsim-diff-fp-added', 'edrsim-diff-weaker']);
    expect(run.tool.driver.rules[1]?.helpUri).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'edrsim-diff-weaker',
      level: 'error',
      // The entry comes from HEAD's Get-MpPreference import, which has no line of its own in av.yaml.
      locations: [{ physicalLocation: { artifactLocation: { uri: 'policy/av.yaml' } } }],
    });
    const github = await diff('main:policy/av.yaml', 'policy/av.yaml', '--format', 'github');
    expect(github.stdout).toMatch(/^::error file=policy\/av\.yaml,.*title=A policy change weakens protection/);
  });

  it('should exit 0 for a weaker change with --allow-weaker, and for a stronger one without', async () => {
    expect((await diff('plain.yaml', 'weaker.yaml', '--allow-weaker')).code).toBe(0);
    const stronger = await diff('weaker.yaml', 'plain.yaml');
    expect(stronger.code).toBe(0);
    expect(stronger.stdout).toMatch(/^stronger: /);
  });

  it('should call a policy equivalent to itself and exit 0', async () => {
    const result = await diff('plain.yaml', 'plain.yaml');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^equivalent: 0 of \d+ artifacts weaker, 0 stronger, 0 changed/);
    expect(result.stdout).toContain('no policy changes');
  });

  it('should take an existing file over the REF:path reading of its name', async () => {
    const result = await diff('main:policy', 'plain.yaml');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('should render JSON with the label, counts and each change with its counterexamples', async () => {
    const result = await diff('plain.yaml', 'weaker.yaml', '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(report.label).toBe('weaker');
    expect(report.changes.map((effect: { change: { title: string } }) => effect.change.title)).toEqual([
      'path exclusion added: C:\\Users\\*\\AppData\\Local\\Temp\\',
      'path exclusion added: C:\\Users\\@team\\AppData\\Local\\Temp\\',
    ]);
    expect(report.changes[0].counterexamples[0]).toMatchObject({
      artifact: 'temp-dropper',
      label: 'weaker',
      base: { outcome: 'blocked' },
    });
    expect(report.changes[0]).toMatchObject({ line: 10, column: 62 });
  });

  it('should render Markdown with raw HTML off and no @ mention', async () => {
    const result = await diff('plain.yaml', 'weaker.yaml', '--format', 'markdown');
    expect(result.stdout).toMatch(/^### edrsim diff: \*\*weaker\*\*/);
    expect(result.stdout).toContain('&#64;team');
    expect(result.stdout).not.toMatch(/@team|<[a-z]/);
  });

  it('should refuse a scenario whose timeline changes the compared policy (exit 2), naming the file and the change', async () => {
    const result = await diff('plain.yaml', 'weaker.yaml', 'changes-policy.yaml');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '✖ changes-policy.yaml timeline[1].change: the timeline change at 600000 ms alters the exclusions that the diff compares: a diff compares two policies, not two timelines',
    );
    expect(result.stderr).toContain(
      'hint: diff a scenario without policy changes in its timeline, or move the change into BASE or HEAD',
    );
  });

  it('should exit 2 in one line, no stack trace, for an unknown ref and for sides that give no fleet', async () => {
    const unknown = await diff('nope:policy/av.yaml', 'plain.yaml');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^✖ nope:policy\/av\.yaml \(root\): git could not read it: fatal: [^\n]+\n {2}hint: check the ref and the path/,
    );
    expect(hasStackTrace(unknown.stderr)).toBe(false);
    const noFleet = await diff('policy/mppref.txt', 'policy/mppref.txt');
    expect(noFleet.code).toBe(2);
    expect(noFleet.stderr).toContain('neither BASE nor HEAD is a scenario file, so there is no fleet to replay');
  });

  it('should take an indicator import CSV as a side, its indicators compared with the scenario side', async () => {
    const csv = new URL('../../../scenarios/08-indicators/indicators.csv', import.meta.url).pathname;
    const result = await runCli(['diff', 'plain.yaml', csv, '--generate', '0', '--format', 'json'], repo);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.changes.every((effect: { change: { kind: string } }) => effect.change.kind === 'indicator-added')).toBe(true);
  });

  it('should refuse an import at a ref that leaves the repository (exit 2)', async () => {
    writeFileSync(join(repo, 'escape.yaml'), POLICY('../../etc/passwd'));
    git('add', 'escape.yaml');
    git('commit', '-q', '-m', 'escape');
    const result = await diff('main:escape.yaml', 'plain.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot import ../../etc/passwd: the path leads outside the repository or is absolute');
  });

  it('should diff two Get-MpPreference exports over a named scenario', async () => {
    writeFileSync(join(repo, 'none.txt'), 'ExclusionPath : {C:\\Data\\}\n');
    const result = await diff('none.txt', 'policy/mppref.txt', 'plain.yaml');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('c1  weaker');
  });
});
