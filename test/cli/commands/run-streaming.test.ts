// `edrsim run` and `explain` over long generated streams in a real process with a 96 MB heap: any format
// that held every verdict (about 490 B each, 3.7 KB for JSON) dies of out-of-memory at these sizes, as the
// old `run` did in every format.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../run-cli.ts';

const scenario = (count: number) => `name: stream ${count}
seed: 7
tenant: { edrBlockMode: true }
fleet:
  - { count: 120, namePrefix: lt-, template: { os: windows-11, primaryAv: non-microsoft } }
  - { count: 50, namePrefix: ws-, template: { os: windows-11 } }
  - { count: 20, namePrefix: srv-p-, template: { os: server-2022, primaryAv: non-microsoft, forceDefenderPassiveMode: 1 } }
  - { count: 10, namePrefix: srv-a-, template: { os: server-2019, primaryAv: non-microsoft } }
timeline:
  - at: 0m
    generate: { count: ${count}, devices: all, window: 1d, mix: { malicious: 0.1, pua: 0.05, benign: 0.85 }, detection: { primaryAv: 0.85, mdav: 0.9, edr: 0.75 } }
expect:
  - { device: lt-001, mode: passive, runningMode: EDR Block Mode }
  - totals: { class: malicious, outcome: blocked, share: { atLeast: 0.9 } }
  - alerts: { atLeast: 1 }
  - actionCenter: { atLeast: 1 }
`;

// The smallest sizes at which the old `run` and `explain` died with this heap: 200,000 artifacts in every
// format (100,000 still fitted), 100,000 for JSON, which held its whole document as objects and a string.
const MILLION = 1_000_000;
const SMALLER = 200_000;
const JSON_COUNT = 100_000;
const scratch = mkdtempSync(join(tmpdir(), 'edrsim-stream-'));
for (const count of [MILLION, SMALLER, JSON_COUNT]) writeFileSync(join(scratch, `${count}.yaml`), scenario(count));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Streamed {
  readonly code: number | null;
  readonly stderr: string;
  readonly bytes: number;
  /** How many whole output lines `count` accepted. */
  readonly counted: number;
  readonly lastLines: string;
}

/** Runs `node --max-old-space-size=96 bin/edrsim.js <command> <count>.yaml …` and reads its stdout as it comes, line by line. */
function runSmallHeap(
  count: number,
  args: readonly string[],
  count_: (line: string) => boolean,
  command = 'run',
): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=96', BIN, command, `${count}.yaml`, ...args], {
      cwd: scratch,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let partial = '';
    let bytes = 0;
    let counted = 0;
    let tail = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (count_(line)) counted++;
      tail = (tail + chunk).slice(-400);
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, bytes, counted, lastLines: tail }));
  });
}

describe.concurrent('edrsim run and explain with a 96 MB heap', () => {
  it(`should summarise ${MILLION.toLocaleString('en')} generated artifacts (--summary)`, { timeout: 180_000 }, async () => {
    const result = await runSmallHeap(MILLION, ['--summary'], (line) => line.startsWith('pass '));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.counted).toBe(1);
    expect(result.lastLines).toMatch(new RegExp(`pass +${MILLION}\\.yaml +4/4 +${MILLION} +stream`));
  });

  it(`should write every verdict of ${JSON_COUNT.toLocaleString('en')} artifacts as JSON`, { timeout: 180_000 }, async () => {
    // The pipe is read by this test: with Node's asynchronous pipe writes the unread report queued up in
    // the child's heap, and this failed too. Only a verdict has `actionCenter` as a key at this depth.
    const result = await runSmallHeap(JSON_COUNT, ['--format', 'json'], (line) =>
      /^ {10}"actionCenter": (true|false),$/.test(line),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.counted).toBe(JSON_COUNT);
    expect(result.lastLines.endsWith('"summary": {\n    "scenarios": 1,\n    "passed": 1,\n    "failed": 0\n  }\n}\n')).toBe(
      true,
    );
  });

  it('should write every Action Center entry as CSV, numbered without a gap', { timeout: 180_000 }, async () => {
    const result = await runSmallHeap(SMALLER, ['--format', 'csv'], (line) => line.startsWith('ac'));
    expect(result.code).toBe(0);
    expect(result.counted).toBeGreaterThan(1000);
    // The last row's id is the number of rows: every entry written once, in order.
    expect(result.lastLines).toContain(`\nac${String(result.counted).padStart(6, '0')},`);
  });

  it('should write the JUnit report and the text report', { timeout: 180_000 }, async () => {
    const [junit, text] = await Promise.all([
      runSmallHeap(SMALLER, ['--format', 'junit'], (line) => line.includes('<testcase')),
      runSmallHeap(SMALLER, [], (line) => line.startsWith(`${SMALLER} artifacts — blocked`)),
    ]);
    expect([junit.code, junit.counted, junit.lastLines.endsWith('</testsuites>\n')]).toEqual([0, 4, true]);
    expect([text.code, text.counted]).toEqual([0, 1]);
  });

  it('should explain one generated artifact without keeping the others (explain --artifact)', { timeout: 180_000 }, async () => {
    const result = await runSmallHeap(
      SMALLER,
      ['--artifact', 'gen-1-lt-001-0'],
      (line) => line.startsWith('artifact gen-1-lt-001-0 on lt-001 at '),
      'explain',
    );
    expect(result.stderr).toBe('');
    expect([result.code, result.counted]).toEqual([0, 1]);
  });
});
