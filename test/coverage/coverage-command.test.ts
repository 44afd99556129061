import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../cli/run-cli.ts';
import { sarifSchemaErrors } from '../report/sarif-schema.ts';

const HASH = 'b'.repeat(64);

// One active device; paths[0] decides, paths[1] (inside it) is shadowed, paths[2] never matches: 1 of 3 + 1 indicator exercised.
const POLICY = `name: coverage fixture
devices:
  - { name: ws-0, os: windows-11 }
exclusions:
  paths: ['C:\\Build\\', 'C:\\Build\\out\\', 'D:\\\\Never\u202eexe.\\\\']
indicators:
  - { type: FileSha256, value: ${HASH}, action: BlockAndRemediate }
timeline:
  - at: 1m
    artifact: { id: a1, device: ws-0, kind: file, class: malicious, path: 'C:\\Build\\out\\x.exe', trigger: on-access, technique: T1059.001, signals: { primaryAv: miss, mdav: detect, edr: detect } }
  - at: 2m
    artifact: { id: a2, device: ws-0, kind: file, class: malicious, path: 'C:\\Users\\bob\\y.exe', sha256: ${HASH}, trigger: on-access, technique: T1059.001, signals: { primaryAv: miss, mdav: miss, edr: miss } }
  - at: 3m
    artifact: { id: a3, device: ws-0, kind: file, class: pua, path: 'C:\\Users\\bob\\z.exe', trigger: on-access, technique: T1204, signals: { primaryAv: miss, mdav: miss, edr: miss } }
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edrsim-coverage-'));
  writeFileSync(join(dir, 'policy.yaml'), POLICY);
  writeFileSync(join(dir, 'broken.yaml'), 'name: broken\ndevices: [\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const coverage = (...args: string[]) => runCli(['coverage', ...args], dir);

describe('edrsim coverage', () => {
  it('should print the exercised share first, then never, shadowed and decided entries, escaping hostile text', async () => {
    const result = await coverage('policy.yaml');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('coverage: 2 of 4 entries exercised (50%): 2 decided, 1 never, 1 shadowed, 0 inert');
    expect(lines[1]).toMatch(/^ {2}never +tenant:paths\[2\]/);
    expect(result.stdout).toMatch(/shadowed +tenant:paths\[1\] .* by tenant:paths\[0\] \(decided 0\)/);
    expect(result.stdout).not.toContain('\u202e');
  });

  it('should write the never and shadowed entries as valid SARIF warnings at their lines, with rules that link out', async () => {
    const result = await coverage('policy.yaml', '--format', 'sarif');
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['edrsim-coverage-shadowed', 'warning'],
      ['edrsim-coverage-never', 'warning'],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'policy.yaml' },
      region: { startLine: 5, startColumn: 25 },
    });
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(result.stdout).not.toContain('\u202e');
    const github = await coverage('policy.yaml', '--format', 'github');
    expect(github.stdout.split('\n').filter((line) => line.startsWith('::warning file=policy.yaml,line=5,'))).toHaveLength(2);
  });

  it('should exit 1 below --threshold and 0 at or above it', async () => {
    expect((await coverage('policy.yaml', '--threshold', '51')).code).toBe(1);
    expect((await coverage('policy.yaml', '--threshold', '50')).code).toBe(0);
  });

  it('should give JSON with the never and shadowed entries as findings at their lines', async () => {
    const result = await coverage('policy.yaml', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'edrsim-coverage-shadowed',
        level: 'warning',
        location: { file: 'policy.yaml', line: 5, column: 25 },
      }),
      expect.objectContaining({
        ruleId: 'edrsim-coverage-never',
        level: 'warning',
        location: expect.objectContaining({ file: 'policy.yaml', line: 5 }),
      }),
    ]);
    expect(result.stdout).not.toContain('\u202e');
  });

  it('should write an ATT&CK Navigator layer scored by the share blocked, with the counts as comments', async () => {
    const result = await coverage('policy.yaml', '--format', 'navigator');
    const layer = JSON.parse(result.stdout);
    expect(layer).toMatchObject({ domain: 'enterprise-attack', versions: { layer: '4.5' }, name: 'edrsim coverage' });
    expect(layer.techniques).toEqual([
      { techniqueID: 'T1059.001', score: 50, comment: 'blocked 1, detected 1, missed 0 of 2' },
      { techniqueID: 'T1204', score: 0, comment: 'blocked 0, detected 0, missed 1 of 1' },
    ]);
  });

  it('should exit 2 with file:line:col and a hint on a broken scenario, and on a bad threshold', async () => {
    const broken = await coverage('broken.yaml');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:3:1 .*YAML syntax error.*\n {2}hint: /);
    expect(hasStackTrace(broken.stderr)).toBe(false);
    const threshold = await coverage('policy.yaml', '--threshold', '101');
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('--threshold takes a percentage from 0 to 100');
  });
});
