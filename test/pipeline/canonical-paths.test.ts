// Issue 10 / contract §5.1: exclusions see the path Windows hands Defender, not the one a scenario spells.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalPath } from '../../engine/core/canonical-path.ts';
import { runSimulation } from '../../engine/pipeline/run-simulation.ts';
import { runCli } from '../cli/run-cli.ts';
import { loaded, yaml } from '../scenario/scenario-text.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const quoted = (path: string): string => `'${path.replaceAll("'", "''")}'`;

/** One active-mode workstation, `C:\Tools\` excluded, one malicious file at `path` opened by `process` that only MDAV flags. */
function scenario(path: string, process = 'C:\\Windows\\explorer.exe'): string {
  return yaml(
    'name: canonical paths',
    'devices: [{ name: ws-01, os: windows-11 }]',
    "exclusions: { paths: ['C:\\Tools\\'], processes: ['C:\\Program Files\\Backup\\agent.exe'] }",
    'timeline:',
    `  - { at: 0m, artifact: { id: a1, device: ws-01, kind: file, path: ${quoted(path)}, process: ${quoted(process)}, signals: { edr: miss } } }`,
  );
}

function verdictOf(path: string, process?: string) {
  const run = runSimulation(loaded(scenario(path, process)));
  return { verdict: run.verdicts[0]!, run };
}

describe('path canonicalisation through the pipeline (issue 10)', () => {
  it('should not let C:\\Tools\\ exclude C:\\Tools\\..\\Windows\\System32\\evil.exe', () => {
    const { verdict, run } = verdictOf('C:\\Tools\\..\\Windows\\System32\\evil.exe');
    expect(verdict.outcome).toBe('blocked');
    expect(verdict.by).toBe('mdav');
    expect(verdict.reasons.map((reason) => reason.code)).not.toContain('excluded');
    expect(run.actionCenter[0]?.entity ?? verdict.actionCenterEntry?.entity).toBe('C:\\Windows\\System32\\evil.exe');
  });

  it('should say once, first and as an [inference], what canonicalisation changed', () => {
    const { verdict } = verdictOf('C:\\Tools\\..\\Windows\\System32\\evil.exe');
    const notes = verdict.reasons.filter((reason) => reason.layer === 'path');
    expect(notes).toHaveLength(1);
    expect(verdict.reasons[0]).toEqual({
      layer: 'path',
      code: 'canonicalised',
      message:
        'path canonicalised as Windows hands it to Defender: `C:\\Tools\\..\\Windows\\System32\\evil.exe` → `C:\\Windows\\System32\\evil.exe` [inference]',
    });
  });

  it('should still exclude what really lies in C:\\Tools\\ after trailing dots and spaces are dropped', () => {
    expect(verdictOf('C:\\Tools\\evil.exe. ').verdict.outcome).toBe('allowed');
    expect(verdictOf('C:\\Tools.\\sub\\..\\evil.exe').verdict.outcome).toBe('allowed');
  });

  it('should canonicalise the opening process before process exclusions see it (§4.1)', () => {
    const { verdict } = verdictOf('D:\\share\\report.exe', 'C:\\Program Files\\Backup\\x\\..\\agent.exe.');
    expect(verdict.outcome).toBe('allowed');
    expect(verdict.reasons[0]?.message).toBe(
      'opening process canonicalised as Windows hands it to Defender: `C:\\Program Files\\Backup\\x\\..\\agent.exe.` → `C:\\Program Files\\Backup\\agent.exe` [inference]',
    );
  });

  it('should leave a \\\\?\\ path as written, and its reasons untouched', () => {
    const { verdict } = verdictOf('\\\\?\\C:\\Tools\\..\\Windows\\evil.exe');
    expect(verdict.reasons.some((reason) => reason.layer === 'path')).toBe(false);
    // Matched as written: a drive entry does not cover a \\?\ spelling (the conservative choice, README "Paths").
    expect(verdict.outcome).toBe('blocked');
  });

  it('should give the reasons of an already canonical path no new entry', () => {
    const { verdict } = verdictOf('C:\\Windows\\System32\\evil.exe');
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(verdict.reasons.some((reason) => reason.layer === 'path')).toBe(false);
  });

  it('should decide an artifact as its canonical path (law); only the first reason differs', () => {
    const segment = fc.constantFrom(
      'Tools',
      'tools',
      'Windows',
      'x',
      '.',
      '..',
      'evil.exe',
      'evil.exe.',
      'evil.exe ',
      'Tools. ',
      'a b',
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('\\', '/'), (segments, separator) => {
        const path = `C:${separator}${segments.join(separator)}`;
        const canonical = canonicalPath(path);
        const written = verdictOf(path).verdict;
        const plain = verdictOf(canonical).verdict;
        const reasons = canonical === path ? written.reasons : written.reasons.slice(1);
        expect({ ...written, reasons }).toEqual(plain);
      }),
      { numRuns: 20 },
    );
  });
});

describe('8.3 short names in artifact paths', () => {
  it('should warn, point at the key and keep the path as written (never expanded)', () => {
    const loadedScenario = loaded(scenario('C:\\PROGRA~1\\Contoso\\app.exe', 'C:\\PROGRA~2\\Backup\\agent.exe'));
    expect(
      loadedScenario.warnings.map((warning) => `${warning.line}:${warning.column} ${warning.code} ${warning.path.join('.')}`),
    ).toEqual(['5:68 artifact_short_name timeline.0.artifact.path', '5:108 artifact_short_name timeline.0.artifact.process']);
    expect(loadedScenario.warnings[0]?.message).toContain('`PROGRA~1`');
    const event = loadedScenario.timeline[0];
    expect(event?.kind === 'artifact' ? event.artifact.path : undefined).toBe('C:\\PROGRA~1\\Contoso\\app.exe');
  });
});

describe('canonical paths on the command line', () => {
  it('should show the canonical path and the canonicalisation reason in explain', async () => {
    writeFileSync(join(scratch, 'dots.yaml'), scenario('C:\\Tools\\..\\Windows\\System32\\evil.exe'));
    const result = await runCli(['explain', 'dots.yaml', '--artifact', 'a1'], scratch);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^artifact a1 on ws-01 at 0m: malicious file C:\\Windows\\System32\\evil\.exe$/m);
    expect(result.stdout).toContain(' 1. [path] path canonicalised as Windows hands it to Defender');
    expect(result.stdout).toContain('verdict: blocked by mdav');
  });

  it('should exit 1 from check-exclusion: C:\\Tools\\ does not exclude C:\\Tools\\..\\Windows\\System32\\evil.exe', async () => {
    const result = await runCli(['check-exclusion', 'C:\\Tools\\..\\Windows\\System32\\evil.exe', '--policy', 'policy.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^checking file C:\\Windows\\System32\\evil\.exe \(on-access\)$/m);
    expect(result.stdout).toContain('[inference]');
  });

  it('should canonicalise check-exclusion --process too', async () => {
    const base = ['check-exclusion', 'E:\\share\\report.pdf', '--policy', 'policy.yaml'];
    expect((await runCli([...base, '--process', 'C:\\Program Files\\Backup\\.\\agent.exe.'])).code).toBe(0);
  });
});
