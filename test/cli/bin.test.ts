// The real `edrsim` process (bin/edrsim.js): exit status, stdout/stderr separation, --out on disk, any working folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, hasStackTrace, runCli, spawnCli } from './run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the edrsim process', () => {
  it('should exit with status 0, 1 and 2 for pass, a failing expectation, and invalid input beside a failure', () => {
    expect(spawnCli(['run', 'pass.yaml', '--summary']).code).toBe(0);
    expect(spawnCli(['run', 'fail.yaml', '--summary']).code).toBe(1);
    const mixed = spawnCli(['run', 'mixed', '--summary']);
    expect(mixed.code).toBe(2);
    expect(hasStackTrace(mixed.stderr)).toBe(false);
  });

  it('should keep stdout a clean JSON report and put the problems on stderr', () => {
    const result = spawnCli(['run', 'pass.yaml', 'invalid/code-tag.yaml', '--format', 'json']);
    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout) as { summary: Record<string, number> };
    expect(document.summary).toEqual({ scenarios: 1, passed: 1, failed: 0, invalid: 1 });
    // The frame only: the wording is pinned by test/scenario/invalid-files.test.ts.
    expect(result.stderr).toMatch(/^✖ invalid\/code-tag\.yaml:1:7 name: \S/m);
    expect(result.stderr).toContain('2 errors');
  });

  it('should print the same JSON bytes in a fresh process as in a long-lived one, for a generated fleet', async () => {
    const fresh = spawnCli(['run', 'fleet.yaml', 'records.yaml', '--format', 'json']);
    const inProcess = await runCli(['run', 'fleet.yaml', 'records.yaml', '--format', 'json']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toBe(inProcess.stdout);
  });

  it('should write --out atomically: the file exists, no temporary file is left, nothing goes to stdout', () => {
    const result = spawnCli(['run', join(FIXTURES, 'records.yaml'), '--format', 'junit', '--out', 'junit.xml'], scratch);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(scratch)).toEqual(['junit.xml']);
    expect(readFileSync(join(scratch, 'junit.xml'), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
  });

  it('should work from another folder, naming files outside it by their absolute path', () => {
    const file = join(FIXTURES, 'pass.yaml');
    // A fresh empty folder: the checkout can never be inside it (CI may clone under /tmp).
    const result = spawnCli(['validate', file], scratch);
    expect(result).toEqual({
      code: 0,
      stdout: `✔ ${file}: Block mode remediates a missed behaviour\n1 valid, 0 invalid, 0 warnings\n`,
      stderr: '',
    });
  });

  it('should print help and exit 0 when run without arguments, and exit 2 on an unknown option', () => {
    const help = spawnCli([]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: edrsim [options] [command]');
    const unknown = spawnCli(['validate', 'pass.yaml', '--strict']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain("error: unknown option '--strict'");
  });

  it('should end quietly, without a stack trace, when the reader of stdout goes away (`edrsim schema | head -1`)', async () => {
    const child = spawn(process.execPath, [BIN, 'schema'], { cwd: FIXTURES, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the process starts writing, so its write meets a broken pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
