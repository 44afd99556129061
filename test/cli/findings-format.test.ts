// `run` and `validate` with --format sarif|github, --sarif-root and --max-warnings: the CI formats (issue 14).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { overWarnings } from '../../engine/cli/findings-format.ts';
import type { Issue } from '../../engine/core/issue.ts';
import { sarifSchemaErrors } from '../report/sarif-schema.ts';
import { runCli } from './run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-findings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Two lint warnings (a temp folder, a profile variable) in a file that loads and passes.
const LINTED = [
  'name: Two risky exclusions',
  'devices: [{ name: ws-01, os: windows-10 }]',
  'exclusions:',
  "  paths: ['C:\\Users\\*\\AppData\\Local\\Temp\\', '%USERPROFILE%\\Downloads']",
  '',
].join('\n');
writeFileSync(join(scratch, 'linted.yaml'), LINTED);

interface Result {
  ruleId: string;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface Log {
  runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: Result[] }[];
}

async function sarif(argv: readonly string[], cwd?: string) {
  const result = await runCli(argv, cwd);
  const log = JSON.parse(result.stdout) as Log;
  expect(sarifSchemaErrors(log)).toEqual([]);
  return { ...result, log, results: log.runs[0]?.results ?? [] };
}

const place = (result: Result | undefined) => {
  const location = result?.locations?.[0]?.physicalLocation;
  return `${location?.artifactLocation.uri}:${location?.region?.startLine}:${location?.region?.startColumn}`;
};

describe('edrsim run --format sarif', () => {
  it('should list no result for a passing run, and name edrsim with its package version', async () => {
    const { code, results, log, stderr } = await sarif(['run', 'pass.yaml', '--format', 'sarif']);
    expect({ code, results, stderr }).toEqual({ code: 0, results: [], stderr: '' });
    // The version has one home: package.json, which --version prints too.
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'edrsim', version, rules: [] });
    expect((await runCli(['--version'])).stdout).toBe(`${version}\n`);
  });

  it('should list a failed expectation at its line in the scenario, with what was expected and why', async () => {
    const { code, results } = await sarif(['run', 'pass.yaml', 'fail.yaml', '--format', 'sarif']);
    expect(code).toBe(1);
    expect(results.map((result) => [result.ruleId, result.level, place(result)])).toEqual([
      ['expect.artifact', 'error', 'fail.yaml:19:5'],
    ]);
    expect(results[0]?.message.text).toMatch(
      /^A wrong expectation fails the run: artifact a1: outcome missed — got outcome blocked\n/,
    );
    expect(results[0]?.message.text).toContain('cite: §3.1');
  });

  it('should list every problem of invalid input at file:line:column, and exit 2', async () => {
    const { code, results, stderr } = await sarif(['run', 'pass.yaml', 'invalid/bad-duration.yaml', '--format', 'sarif']);
    expect(code).toBe(2);
    expect(results.map((result) => [result.ruleId, result.level, place(result)])).toEqual([
      ['bad_duration', 'error', 'invalid/bad-duration.yaml:5:9'],
      ['bad_duration', 'error', 'invalid/bad-duration.yaml:7:9'],
    ]);
    expect(results[0]?.message.text).toContain('hint: times are offsets');
    // stderr still lists them for a person reading the log.
    expect(stderr).toContain('✖ invalid/bad-duration.yaml:5:9');
  });

  it('should list lint warnings as warning results without failing the run', async () => {
    const { code, results } = await sarif(['run', 'linted.yaml', '--format', 'sarif'], scratch);
    expect(code).toBe(0);
    expect(results.map((result) => [result.ruleId, result.level, place(result)])).toEqual([
      ['exclusion_temp_folder', 'warning', 'linted.yaml:4:11'],
      ['exclusion_user_profile_variable', 'warning', 'linted.yaml:4:45'],
    ]);
  });

  it('should link each cited rule to its Learn page through the citation registry (helpUri)', async () => {
    const { log } = await sarif(['run', 'linted.yaml', '--format', 'sarif'], scratch);
    const rules = log.runs[0]?.tool.driver.rules as { id: string; helpUri?: string }[];
    // §4.2 (profile variables) is read from the extension and file exclusions page; the temp folder from the mistakes page.
    expect(rules.map((rule) => [rule.id, rule.helpUri])).toEqual([
      [
        'exclusion_temp_folder',
        'https://learn.microsoft.com/en-us/defender-endpoint/common-exclusion-mistakes-microsoft-defender-antivirus',
      ],
      [
        'exclusion_user_profile_variable',
        'https://learn.microsoft.com/en-us/defender-endpoint/configure-extension-file-exclusions-microsoft-defender-antivirus',
      ],
    ]);
  });

  it('should make URIs relative to --sarif-root', async () => {
    mkdirSync(join(scratch, 'repo', 'policies'), { recursive: true });
    writeFileSync(join(scratch, 'repo', 'policies', 'linted.yaml'), LINTED);
    const cwd = join(scratch, 'repo', 'policies');
    const inside = await sarif(['run', 'linted.yaml', '--format', 'sarif'], cwd);
    expect(place(inside.results[0])).toBe('linted.yaml:4:11');
    const fromRoot = await sarif(['run', 'linted.yaml', '--format', 'sarif', '--sarif-root', '..'], cwd);
    expect(place(fromRoot.results[0])).toBe('policies/linted.yaml:4:11');
  });

  it('should keep fingerprints when lines shift above the finding', async () => {
    const prints = async (text: string) => {
      writeFileSync(join(scratch, 'shift.yaml'), text);
      return (await sarif(['run', 'shift.yaml', '--format', 'sarif'], scratch)).results.map((r) => r.partialFingerprints);
    };
    const before = await prints(LINTED);
    const after = await prints(`# a comment\n# and another\n${LINTED}`);
    expect(before).toHaveLength(2);
    expect(after).toEqual(before);
  });

  it("should keep a failed expectation's fingerprint when what the run gave changes", async () => {
    const failed = async (...set: string[]) => (await sarif(['run', 'fail.yaml', '--format', 'sarif', ...set])).results[0];
    const blocked = await failed();
    const detected = await failed('--set', 'tenant.edrBlockMode=false');
    expect(blocked?.message.text).not.toBe(detected?.message.text);
    expect(detected?.partialFingerprints).toEqual(blocked?.partialFingerprints);
  });

  it('should refuse --sarif-root with another format', async () => {
    const result = await runCli(['run', 'pass.yaml', '--sarif-root', '.']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'edrsim run: --sarif-root is for --format sarif or github; drop it or add --format sarif\n',
    });
  });

  it('should keep hostile names and file names as data in valid SARIF', async () => {
    const name = 'evil"}],\u202e\u001b[2J\u2028 %0A::error::x';
    const file = 'ev il#%?\u202e.yaml';
    writeFileSync(
      join(scratch, file),
      [
        `name: ${JSON.stringify(name)}`,
        'devices: [{ name: ws-01, os: windows-10 }]',
        `expect: [{ device: ws-01, mode: passive, name: ${JSON.stringify(name)} }]`,
        '',
      ].join('\n'),
    );
    const { code, results, stdout } = await sarif(['run', file, '--format', 'sarif'], scratch);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/[\u202e\u001b\u2028]/);
    expect(results[0]?.message.text.startsWith(`${name}: device ws-01`)).toBe(true);
    expect(place(results[0])).toBe('ev%20il%23%25%3F%E2%80%AE.yaml:3:10');
  });
});

describe('edrsim run --format github', () => {
  it('should annotate each failed expectation and problem, and nothing for a pass', async () => {
    expect(await runCli(['run', 'pass.yaml', '--format', 'github'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const result = await runCli(['run', 'fail.yaml', 'invalid/unknown-key.yaml', '--format', 'github']);
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error file=fail.yaml,line=19,col=5,title=Failed artifact expectation (expect.artifact)',
      '::error file=invalid/unknown-key.yaml,line=2,col=1,title=Unknown key in a scenario (unknown_key)',
      '::error file=invalid/unknown-key.yaml,line=7,col=5,title=Unknown key in a scenario (unknown_key)',
    ]);
    // A multi-line message stays on the command's line.
    expect(lines[0]).toContain(
      '::A wrong expectation fails the run: artifact a1: outcome missed — got outcome blocked%0A[primary-av]',
    );
  });

  it('should annotate lint warnings as ::warning', async () => {
    const result = await runCli(['run', 'linted.yaml', '--format', 'github'], scratch);
    expect(result.stdout).toMatch(/^::warning file=linted\.yaml,line=4,col=11,title=Exclusion covers a temp folder/);
  });
});

describe('--max-warnings', () => {
  it('should exit 1 on validate and run when the warnings are more than N, naming the count', async () => {
    const validate = await runCli(['validate', 'linted.yaml', '--max-warnings', '1'], scratch);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/edrsim: 2 warnings, more than --max-warnings 1\n$/);
    const run = await runCli(['run', 'linted.yaml', '--max-warnings', '0'], scratch);
    expect(run.code).toBe(1);
    // run does not list warnings otherwise; when they fail it, it shows which.
    expect(run.stderr).toMatch(/^⚠ linted\.yaml:4:11 exclusions\.paths\[0\]: /);
  });

  it('should exit 0 at N or more, and with -1 or no flag (no limit)', async () => {
    for (const flags of [['--max-warnings', '2'], ['--max-warnings', '-1'], []]) {
      expect((await runCli(['validate', 'linted.yaml', ...flags], scratch)).code).toBe(0);
      expect((await runCli(['run', 'linted.yaml', ...flags], scratch)).code).toBe(0);
    }
  });

  it('should let invalid input win over too many warnings', async () => {
    expect((await runCli(['validate', 'invalid/empty.yaml', '--max-warnings', '0'])).code).toBe(2);
  });

  it.each(['x', '1.5', '-2', '', '1e3'])('should refuse %j with exit 2 and a hint', async (value) => {
    const result = await runCli(['validate', 'pass.yaml', '--max-warnings', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: option '--max-warnings <n>' argument '${value}' is invalid. It must be a whole number ≥ 0, or -1 for no limit.\n  hint: give how many warnings are allowed, e.g. --max-warnings 0\n`,
    );
  });

  it('should count the warnings a capped list stands for', () => {
    const many: Issue[] = [
      { code: 'exclusion_temp_folder', path: [], message: 'm', severity: 'warning' },
      { code: 'more_problems', path: [], message: 'and 60 more', severity: 'warning', omitted: 60 },
    ];
    expect(overWarnings(many, 60)).toEqual({ exit: 1, note: 'edrsim: 61 warnings, more than --max-warnings 60\n' });
    expect(overWarnings(many, 61)).toEqual({ exit: 0 });
  });
});

describe('hostile strings in the CI formats', () => {
  // What a hostile pull request puts into every string, as test/cli/hostile-text.test.ts does for the other formats.
  const HOSTILE = [
    '<script>alert(1)</script>',
    '%0A::error::x',
    '\r\n::warning file=a::b',
    '@someone',
    '\u001b[2J',
    '\u202e',
  ].join(' ');
  const scenario = (technique?: string) =>
    JSON.stringify({
      name: `N ${HOSTILE}`,
      devices: [{ name: `ws ${HOSTILE}`, os: 'windows-10', primaryAv: 'non-microsoft' }],
      timeline: [
        {
          at: '5m',
          artifact: {
            id: `a1 ${HOSTILE}`,
            device: `ws ${HOSTILE}`,
            kind: 'file',
            path: 'C:\\Temp\\x.exe',
            trigger: 'on-access',
            ...(technique === undefined ? {} : { technique }),
            signals: { primaryAv: 'miss', mdav: 'detect', edr: 'detect' },
          },
        },
      ],
      expect: [{ artifact: `a1 ${HOSTILE}`, outcome: 'missed' }],
    });
  writeFileSync(join(scratch, 'hostile.json'), scenario());
  writeFileSync(join(scratch, 'hostile-bad.json'), scenario(`K ${HOSTILE}`));

  it('should keep SARIF schema-valid, every string round-tripping, nothing invisible raw', async () => {
    const { code, results, stdout } = await sarif(['run', 'hostile.json', 'hostile-bad.json', '--format', 'sarif'], scratch);
    expect(code).toBe(2);
    expect(stdout).not.toMatch(/[\u001b\u202e\r]/);
    expect(results.map((result) => result.ruleId)).toEqual(['expect.artifact', 'bad_technique']);
    expect(results[0]?.message.text).toContain(`N ${HOSTILE}: artifact a1 ${HOSTILE}: outcome missed`);
  });

  it('should keep one annotation per line, no string ending the command or starting another', async () => {
    const result = await runCli(['run', 'hostile.json', 'hostile-bad.json', '--format', 'github'], scratch);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::error']);
    expect(result.stdout).not.toMatch(/[\u001b\u202e\r]/);
    // The hostile newline and `::warning` stay inside the first message, percent-encoded.
    expect(lines[0]).toContain('\\u000d%0A::warning file=a::b');
  });
});
