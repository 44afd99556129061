// `edrsim handout`: HTML by default, Markdown with --format md, --out written atomically, bad input exits 2 with file:line:col.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../run-cli.ts';
import { HOSTILE } from '../../train/handout-hostile.ts';

const REPO = new URL('../../..', import.meta.url).pathname;
const folders: string[] = [];
/** A new temp folder, removed after the file's tests. */
const tempFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'edrsim-handout-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('edrsim handout', () => {
  it('should write the HTML handout to stdout, with the questions and no answer', async () => {
    const result = await runCli(['handout', 'scenarios/01-modes/01-passive-without-block-mode.yaml'], REPO);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(result.stdout).toContain('what is its outcome?');
    expect(result.stdout).not.toContain('Answer:');
  });

  it('should write Markdown with the answers to --out, atomically, leaving nothing else in the folder', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'hostile.yaml'), HOSTILE);
    const result = await runCli(['handout', 'hostile.yaml', '--format', 'md', '--answer-key', '--out', 'key/key.md'], dir);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const md = readFileSync(join(dir, 'key', 'key.md'), 'utf8');
    expect(md).toMatch(/^# edrsim handout — answer key\n/);
    expect(md).toContain('**Answer: blocked**');
    expect(md).not.toMatch(/<script|(^|[^\\])@mention/m);
    expect(readdirSync(join(dir, 'key'))).toEqual(['key.md']);
  });

  it('should exit 2 with file:line:column for an invalid scenario, and write nothing', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'bad.yaml'), 'name: bad\ndevices:\n  - name: ws-01\n    os: windows-99\n');
    const result = await runCli(['handout', 'bad.yaml', '--out', 'out.html'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^✖ bad\.yaml:4:9 devices\[0\]\.os: /);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(dir, 'out.html'))).toBe(false);
  });

  it('should refuse to write the handout over one of its scenarios', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'hostile.yaml'), HOSTILE);
    const result = await runCli(['handout', 'hostile.yaml', '--out', 'hostile.yaml'], dir);
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'hostile.yaml'), 'utf8')).toBe(HOSTILE);
  });

  it('should run the --help examples that write files, in a temp folder', async () => {
    const help = (await runCli(['handout', '--help'])).stdout;
    const examples = [...help.matchAll(/^ {2}\$ edrsim (handout .+)$/gm)].map((m) => (m[1] ?? '').split(' '));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const dir = tempFolder();
    for (const argv of examples) {
      const out = argv.indexOf('--out');
      const args = out < 0 ? argv : argv.map((word, n) => (n === out + 1 ? join(dir, word) : word));
      const result = await runCli(args, REPO);
      expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: '' });
    }
  });
});
