/**
 * The real binary on hostile files: FIFOs and /dev/zero answer exit 2 at once instead of hanging or
 * eating memory, --out on a device node writes through it, and a stop signal leaves no temporary file.
 * Real processes, since a blocked open or a signal cannot be tested in-process.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from './run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'edrsim-untrusted-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SCENARIO = ['name: demo', 'devices:', '  - { name: ws-01, os: windows-11 }', ''].join('\n');
const isRoot = process.getuid?.() === 0;

/** Runs the binary; a hang ends at the timeout, with `signal` set, so that the test fails instead of hanging. */
function edrsim(argv: readonly string[], cwd: string) {
  const child = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { code: child.status, signal: child.signal, stderr: child.stderr, stdout: child.stdout };
}

describe('FIFOs', () => {
  it('should exit 2 at once for a FIFO as the run argument, as a from: import and as a.yaml in a walked folder', () => {
    const folder = mkdtempSync(join(scratch, 'fifo-'));
    mkdirSync(join(folder, 'walked'));
    execFileSync('mkfifo', [join(folder, 'pipe.yaml'), join(folder, 'list.txt'), join(folder, 'walked', 'a.yaml')]);
    writeFileSync(join(folder, 'importer.yaml'), `${SCENARIO}exclusions: { from: list.txt }\n`);
    const result = edrsim(['run', 'pipe.yaml', 'importer.yaml', 'walked'], folder);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('✖ pipe.yaml (root): is a FIFO, not a regular file');
    expect(result.stderr).toContain('cannot import exclusions from "list.txt": is a FIFO, not a regular file');
    expect(result.stderr).toContain('✖ walked/a.yaml (root): is a FIFO, not a regular file');
  });
});

describe('/dev/zero', () => {
  it('should exit 2 at once for /dev/zero as the run argument and as an import', () => {
    const folder = mkdtempSync(join(scratch, 'zero-'));
    writeFileSync(
      join(folder, 'zero.yaml'),
      `${SCENARIO}exclusions: { from: ${'../'.repeat(folder.split('/').length)}dev/zero }\n`,
    );
    const result = edrsim(['run', '/dev/zero', 'zero.yaml', '--import-root', '/'], folder);
    expect([result.signal, result.code]).toEqual([null, 2]);
    expect(result.stderr).toContain('✖ /dev/zero (root): is a character device, not a regular file');
    expect(result.stderr).toMatch(/cannot import exclusions from ".*dev\/zero": is a character device, not a regular file/);
  });

  it('should exit 2 at once for check-exclusion --policy /dev/zero', () => {
    const result = edrsim(['check-exclusion', 'C:\\a.exe', '--policy', '/dev/zero'], scratch);
    expect([result.signal, result.code]).toEqual([null, 2]);
    expect(result.stderr).toContain('is a character device, not a regular file');
  });
});

describe('--out on a device node', () => {
  // mknod needs root (CAP_MKNOD); /dev/null itself is not touched by a test.
  it.skipIf(!isRoot)(
    'should write through a null device made with mknod and leave it a character device (root only: mknod needs CAP_MKNOD)',
    () => {
      const folder = mkdtempSync(join(scratch, 'dev-'));
      writeFileSync(join(folder, 'ok.yaml'), SCENARIO);
      execFileSync('mknod', [join(folder, 'null'), 'c', '1', '3']);
      const result = edrsim(['run', 'ok.yaml', '--format', 'json', '--out', 'null'], folder);
      expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
      expect(statSync(join(folder, 'null')).isCharacterDevice()).toBe(true);
      expect(readdirSync(folder).sort()).toEqual(['null', 'ok.yaml']);
    },
  );
});

describe.concurrent('a stop signal while the report is being written', () => {
  // Long enough (about a second of work in 2026-12) that the signal lands while the temporary file exists;
  // at 20,000 artifacts a faster pipeline sometimes finished first and the signal met the default handler.
  const BIG = `${SCENARIO}timeline:\n  - at: 0m\n    generate: { count: 200000, window: 1h }\n`;

  /** Starts a run, sends `signal` once the temporary file exists, and resolves with the exit code and what is left. */
  async function interrupt(signal: NodeJS.Signals) {
    const folder = mkdtempSync(join(scratch, 'signal-'));
    writeFileSync(join(folder, 'big.yaml'), BIG);
    const child = spawn(process.execPath, [BIN, 'run', 'big.yaml', '--format', 'csv', '--out', 'out/r.csv'], {
      cwd: folder,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let running = true;
    void exited.then(() => (running = false));
    let seen = false;
    while (running && !seen) {
      seen = (readdirSafe(join(folder, 'out')) ?? []).some((name) => name.endsWith('.tmp'));
      if (!seen) await new Promise((done) => setTimeout(done, 5));
    }
    if (seen) child.kill(signal);
    return { seen, code: await exited, left: readdirSafe(join(folder, 'out')) };
  }

  it('should remove the temporary file on SIGTERM and exit 143', async () => {
    const { seen, code, left } = await interrupt('SIGTERM');
    expect(seen).toBe(true);
    expect(code).toBe(143);
    expect(left).toEqual([]);
  });

  it('should remove the temporary file on SIGINT and exit 130', async () => {
    const { seen, code, left } = await interrupt('SIGINT');
    expect(seen).toBe(true);
    expect(code).toBe(130);
    expect(left).toEqual([]);
  });
});

function readdirSafe(folder: string): string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    return undefined;
  }
}
