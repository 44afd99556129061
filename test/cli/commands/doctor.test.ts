// `edrsim doctor`: a Get-MpComputerStatus export read as the engine reads it, in text and JSON; bad input exits 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../run-cli.ts';

const REPO = new URL('../../..', import.meta.url).pathname;

/** Splits one `$ edrsim …` help line into arguments, honouring single quotes. */
const words = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

describe('edrsim doctor', () => {
  it('should run every example of its --help on the shipped fixtures', async () => {
    const help = (await runCli(['doctor', '--help'])).stdout;
    const examples = [...help.matchAll(/^ {2}\$ edrsim (doctor .+)$/gm)].map((m) => words(m[1] ?? ''));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const argv of examples) {
      const result = await runCli(argv, REPO);
      expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: '' });
    }
  });

  it('should print the mode, each checklist line with its field, and what works', async () => {
    const result = await runCli(
      ['doctor', 'scenarios/01-modes/status-passive.txt', '--mppref', 'scenarios/07-exclusions/mppref.txt'],
      REPO,
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[2]).toBe('Mode: passive (AMRunningMode: Passive Mode, scenarios/01-modes/status-passive.txt:4:36)');
    expect(lines).toContain(
      '  met      cloud-delivered protection: cloud-delivered protection (MAPS) is on (§3.2 [2]) [MAPSReporting (Get-MpPreference), scenarios/07-exclusions/mppref.txt:14:49]',
    );
    expect(lines).toContain(
      '  unknown  onboarded to Defender for Endpoint: onboarding is not in Get-MpComputerStatus; `sc.exe query sense` shows the EDR sensor running (§1.2 [1]) [sc.exe query sense]',
    );
    expect(lines).toContain(
      '  no       indicators: indicators are not supported when Microsoft Defender Antivirus is in passive mode (§2 [5])',
    );
    // Each cite's footnote gives what it names and its sources' titles and Learn links.
    expect(lines).toContain('[2] §3.2 Prerequisites (current requirements table)');
    expect(lines).toContain(
      '    Endpoint detection and response in block mode — https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode',
    );
  });

  it('should write the same facts as JSON', async () => {
    const result = await runCli(['doctor', 'scenarios/01-modes/status-edr-block-mode.txt', '--format', 'json'], REPO);
    const report = JSON.parse(result.stdout) as {
      mode: string;
      runningMode: { value: string; line: number };
      checklist: { id: string; state: string; field: string }[];
      capabilities: { id: string; works: string; reason: { cite?: string } }[];
    };
    expect([report.mode, report.runningMode.value, report.runningMode.line]).toEqual(['passive', 'EDR Block Mode', 4]);
    expect(report.checklist.filter((c) => c.state === 'unknown').map((c) => c.id)).toEqual([
      'plan-2',
      'onboarded',
      'cloud-protection',
      'supported-os',
    ]);
    expect(report.capabilities.find((c) => c.id === 'block-mode')).toMatchObject({ works: 'yes', reason: { cite: '§3.6' } });
  });

  it('should read ConvertTo-Json output as well as the Format-List text', async () => {
    const result = await runCli(['doctor', 'test/model/fixtures/status-edr-block-mode.json', '--format', 'json'], REPO);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      mode: 'passive',
      runningMode: { value: 'EDR Block Mode', line: 4, column: 23 },
    });
  });

  it('should exit 2 with file:line:column and a hint for a bad value, and never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edrsim-doctor-'));
    writeFileSync(join(dir, 'status.txt'), 'AMRunningMode : Normal\nAMServiceEnabled : maybe\n');
    const result = await runCli(['doctor', 'status.txt'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '✖ status.txt:2:20 (root): AMServiceEnabled is "maybe", not True or False\n' +
        '  hint: export one device with Get-MpComputerStatus | ConvertTo-Json | Out-File status.json\n1 error\n',
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('should refuse a file that is no export, and a --mppref that is not Get-MpPreference output, in one run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edrsim-doctor-'));
    writeFileSync(join(dir, 'secrets.env'), 'TOKEN=abc123\n');
    const result = await runCli(['doctor', 'secrets.env', '--mppref', 'secrets.env'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('secrets.env:1:1 (root): the file is not a Get-MpComputerStatus export');
    expect(result.stderr).toContain('secrets.env:1:1 (root): the file is not a Get-MpPreference export');
    expect(result.stderr).not.toContain('abc123');
  });

  it('should exit 2 naming a missing file', async () => {
    const result = await runCli(['doctor', 'nowhere.json'], REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nowhere.json');
  });
});
