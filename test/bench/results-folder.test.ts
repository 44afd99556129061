import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMITTED_RESULTS, resultsFolder } from '../../bench/results-folder.ts';
import { registerBench } from '../../bench/register-bench.ts';
import { main } from '../../engine/cli/main.ts';
import type { Io } from '../../engine/cli/io.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const temporaries: string[] = [];
const scratch = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'edrsim-bench-'));
  temporaries.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of temporaries.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function bench(cwd: string, ...argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const io: Io = { cwd, out: () => {}, err: (text) => err.push(text), colour: false, stdinIsTTY: false };
  // A tiny one-shape run: the sizes are what is under test here, not the figures.
  const code = await main(['bench', '--devices', '10', '--artifacts', '500', ...argv], io, [registerBench]);
  return { code, stderr: err.join('') };
}

describe('where bench results go', () => {
  it('should default to the git-ignored .bench folder of the working directory', () => {
    expect(resultsFolder({ cwd: '/home/me/project' })).toEqual({ folder: '/home/me/project/.bench', shownAs: '.bench' });
    expect(readFileSync(join(REPO, '.gitignore'), 'utf8').split('\n')).toContain('.bench/');
  });

  it('should write to the committed bench/results only with --save, and let --out-dir win over both', () => {
    expect(resultsFolder({ cwd: '/tmp', save: true }).folder).toBe(COMMITTED_RESULTS);
    expect(COMMITTED_RESULTS).toBe(join(REPO, 'bench', 'results'));
    expect(resultsFolder({ cwd: '/tmp/x', save: true, outDir: 'out' })).toEqual({ folder: '/tmp/x/out', shownAs: 'out' });
    expect(resultsFolder({ cwd: '/tmp/x', outDir: '/var/b' })).toEqual({ folder: '/var/b', shownAs: '/var/b' });
  });

  it('should write latest.json and latest.svg to .bench and say so on one stderr line, leaving bench/results alone', async () => {
    const committed = statSync(join(COMMITTED_RESULTS, 'latest.json')).mtimeMs;
    const cwd = scratch();
    const result = await bench(cwd);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, '.bench', 'latest.json'), 'utf8'))).toMatchObject({
      mode: 'shape',
      shape: { devices: 10, artifacts: 500 },
    });
    expect(readFileSync(join(cwd, '.bench', 'latest.svg'), 'utf8')).toMatch(/^<svg/);
    expect(result.stderr.split('\n').filter((line) => line.includes('results'))).toEqual([
      `edrsim bench: results written to ${join('.bench', 'latest.json')} and ${join('.bench', 'latest.svg')}`,
    ]);
    expect(statSync(join(COMMITTED_RESULTS, 'latest.json')).mtimeMs).toBe(committed);
  });

  it('should refuse an --out-dir it cannot create before measuring anything, with exit 2', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'taken'), 'a file, not a folder');
    const result = await bench(cwd, '--out-dir', 'taken/sub');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^edrsim bench: cannot create taken\/sub: ENOTDIR\n {2}hint: /);
    expect(result.stderr).not.toContain('bench 1/');
  });

  it('should write to --out-dir when given', async () => {
    const cwd = scratch();
    const result = await bench(cwd, '--out-dir', 'mine');
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'mine', 'latest.json'))).toBe(true);
    expect(existsSync(join(cwd, '.bench'))).toBe(false);
    expect(result.stderr).toContain(`results written to ${join('mine', 'latest.json')}`);
  });
});
