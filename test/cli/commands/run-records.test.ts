// `edrsim run --format api` and `--format hunting`: the API document on stdout or --out, the three table files in --out DIR.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-records-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Hostile strings: a line break (a JSON Lines row must stay one line), a screen clear, a bidi override, JSON metacharacters.
const HOSTILE = 'a\nb \r\u2028\u0085 \u001b[2J \u202e "}{\'';
const PATH = `C:/Temp/${HOSTILE}.exe`;
const HOSTILE_FILE = join(scratch, 'hostile.json');
writeFileSync(
  HOSTILE_FILE,
  JSON.stringify({
    name: `N ${HOSTILE}`,
    devices: [{ name: `ws ${HOSTILE}`, os: 'windows-10', domain: `d${HOSTILE}` }],
    timeline: [
      {
        at: '1m',
        artifact: {
          id: 'a1',
          device: `ws ${HOSTILE}`,
          kind: 'file',
          path: PATH,
          threat: `T ${HOSTILE}`,
          signals: { primaryAv: 'miss', mdav: 'detect', edr: 'detect' },
        },
      },
    ],
  }),
);

describe('edrsim run --format api', () => {
  it("should print one document with each scenario's alerts, machine actions and investigations, and the invalid files as errors", async () => {
    const result = await runCli(['run', 'records.yaml', 'bad-yaml.yaml', '--format', 'api']);
    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout) as { scenarios: Record<string, unknown>[]; errors: unknown[] };
    expect(Object.keys(document)).toEqual(['scenarios', 'errors']);
    expect(document.scenarios.map((scenario) => scenario['name'])).toEqual(['Records for every report section']);
    expect((document.scenarios[0]!['alerts'] as unknown[]).length).toBeGreaterThan(0);
    expect(document.errors.length).toBeGreaterThan(0);
  });

  it('should refuse options of other formats', async () => {
    const result = await runCli(['run', 'records.yaml', '--format', 'api', '--csv', 'verdicts']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'edrsim run: --csv chooses the CSV table; add --format csv or drop --csv\n',
    });
  });
});

describe('edrsim run --format hunting', () => {
  it('should refuse to run without --out, naming the three files it writes', async () => {
    const result = await runCli(['run', 'records.yaml', '--format', 'hunting']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'edrsim run: --format hunting writes DeviceEvents.jsonl, AlertInfo.jsonl, AlertEvidence.jsonl into a folder; give --out DIR\n',
    });
  });

  it('should refuse an --out that is a file, and leave the file as it was', async () => {
    const file = join(scratch, 'not-a-folder.txt');
    writeFileSync(file, 'keep me');
    const result = await runCli(['run', 'records.yaml', '--format', 'hunting', '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `✖ --out: ${file} is a file, not a folder: this format writes one file per table into the folder --out names\n` +
        '  hint: give --out a folder (it is created when missing; only the table files are written in it)\n1 error\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('should write only the three table files into the folder, replacing old ones and touching nothing else', async () => {
    const folder = join(scratch, 'hunt');
    const first = await runCli(['run', 'records.yaml', '--format', 'hunting', '--out', folder]);
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'AlertInfo.jsonl'), 'stale\n');
    const again = await runCli(['run', 'records.yaml', '--format', 'hunting', '--out', folder]);
    expect(again.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['AlertEvidence.jsonl', 'AlertInfo.jsonl', 'DeviceEvents.jsonl', 'notes.txt']);
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    const info = readFileSync(join(folder, 'AlertInfo.jsonl'), 'utf8').trimEnd().split('\n');
    expect(info.map((line) => (JSON.parse(line) as { Title: string }).Title)).toEqual([
      'An active Behavior:Win32/Execution.A!ml was blocked',
      'An active Malware was blocked',
    ]);
  });

  it('should refuse a folder under a file, naming the problem', async () => {
    const file = join(scratch, 'plain.txt');
    writeFileSync(file, 'x');
    const result = await runCli(['run', 'records.yaml', '--format', 'hunting', '--out', join(file, 'tables')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a part of its folder path is a file');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('should create a missing folder', async () => {
    const folder = join(scratch, 'new', 'tables');
    expect((await runCli(['run', 'records.yaml', '--format', 'hunting', '--out', folder])).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['AlertEvidence.jsonl', 'AlertInfo.jsonl', 'DeviceEvents.jsonl']);
  });
});

describe('hostile strings in the Defender-shaped formats', () => {
  it('should round-trip them through the API document, invisible characters as \\u escapes', async () => {
    const result = await runCli(['run', HOSTILE_FILE, '--format', 'api']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u001b\u202e]/);
    const alert = (JSON.parse(result.stdout) as { scenarios: { alerts: Record<string, unknown>[] }[] }).scenarios[0]!.alerts[0]!;
    expect(alert['threatName']).toBe(`T ${HOSTILE}`);
    expect(alert['computerDnsName']).toBe(`ws ${HOSTILE}.d${HOSTILE}`);
    expect((alert['evidence'] as Record<string, unknown>[])[0]!['fileName']).toBe(`${HOSTILE}.exe`);
  });

  it('should keep each hunting row on one line, a line break in a path or name written as \\n', async () => {
    const folder = join(scratch, 'hostile-hunt');
    expect((await runCli(['run', HOSTILE_FILE, '--format', 'hunting', '--out', folder])).code).toBe(0);
    for (const table of ['DeviceEvents', 'AlertInfo', 'AlertEvidence']) {
      const text = readFileSync(join(folder, `${table}.jsonl`), 'utf8');
      // No raw line or paragraph separator of any kind: a JSON Lines reader that splits on them still sees one row.
      expect(text).not.toMatch(/[\u001b\u202e\r\u2028\u0085]/);
      const lines = text.trimEnd().split('\n');
      expect(lines, table).toHaveLength(1);
      const row = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(Object.values(row).some((value) => typeof value === 'string' && value.includes('a\nb'))).toBe(true);
    }
    const event = JSON.parse(readFileSync(join(folder, 'DeviceEvents.jsonl'), 'utf8')) as Record<string, unknown>;
    expect(event['FileName']).toBe(`${HOSTILE}.exe`);
    expect((JSON.parse(event['AdditionalFields'] as string) as { ThreatName: string }).ThreatName).toBe(`T ${HOSTILE}`);
  });
});
