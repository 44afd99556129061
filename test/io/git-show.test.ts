// `git show REF:path` as an input file: bounded in size, refs that look like options, imports inside the repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitImportPath, gitShow, parseGitRef } from '../../engine/io/index.ts';

const repo = mkdtempSync(join(tmpdir(), 'edrsim-git-'));
const git = (...args: string[]) => {
  const run = spawnSync('git', ['-c', 'user.name=edrsim test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'policy'));
  writeFileSync(join(repo, 'policy/av.yaml'), 'name: before\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  git('update-ref', 'refs/heads/-evil', 'HEAD'); // `git branch` refuses the name; a pushed ref need not
  writeFileSync(join(repo, 'policy/av.yaml'), 'name: after\n');
  git('commit', '-q', '-am', 'second');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('parseGitRef', () => {
  it('should split at the first colon, and refuse text without a ref or a path', () => {
    expect(parseGitRef('origin/main:policy/av.yaml')).toEqual({ ref: 'origin/main', path: 'policy/av.yaml' });
    expect(parseGitRef(':policy.yaml')).toBeUndefined();
    expect(parseGitRef('main:')).toBeUndefined();
    expect(parseGitRef('policy.yaml')).toBeUndefined();
  });
});

describe('gitImportPath', () => {
  it('should resolve an import beside the file and refuse one that leaves the repository or is absolute', () => {
    expect(gitImportPath('policy/av.yaml', 'mppref.txt')).toBe('policy/mppref.txt');
    expect(gitImportPath('policy/av.yaml', '../shared/x.csv')).toBe('shared/x.csv');
    expect(gitImportPath('policy/av.yaml', '../../etc/passwd')).toBeUndefined();
    expect(gitImportPath('policy/av.yaml', '/etc/passwd')).toBeUndefined();
    expect(gitImportPath('policy/av.yaml', 'C:\\x.txt')).toBeUndefined();
  });
});

describe('gitShow', () => {
  it('should read the file as it is at the ref', () => {
    expect(gitShow({ ref: 'main~1', path: 'policy/av.yaml' }, { cwd: repo })).toEqual({ ok: true, value: 'name: before\n' });
    expect(gitShow({ ref: 'main', path: 'policy/av.yaml' }, { cwd: repo })).toEqual({ ok: true, value: 'name: after\n' });
  });

  it('should read a ref that starts with - as a ref, never as an option', () => {
    expect(gitShow({ ref: '-evil', path: 'policy/av.yaml' }, { cwd: repo })).toEqual({ ok: true, value: 'name: before\n' });
    const option = gitShow({ ref: `--output=${join(repo, 'written')}`, path: 'y' }, { cwd: repo });
    expect(option.ok).toBe(false);
    expect(spawnSync('test', ['-e', join(repo, 'written')]).status).toBe(1);
  });

  it('should refuse a file larger than the size cap, naming the cap', () => {
    const read = gitShow({ ref: 'main', path: 'policy/av.yaml' }, { cwd: repo, maxFileSize: 4 });
    expect(read).toEqual({
      ok: false,
      issues: [
        {
          code: 'too_large',
          path: [],
          file: 'main:policy/av.yaml',
          message: 'file is larger than 4 bytes, the most edrsim reads from one file',
          expected: 'at most 4 bytes',
          hint: 'if the file is meant to be this large, raise the limit, e.g. --max-file-size 16',
        },
      ],
    });
  });

  it('should refuse a folder', () => {
    expect(gitShow({ ref: 'main', path: 'policy' }, { cwd: repo }).ok).toBe(false);
  });

  it("should give git's own error for an unknown ref or path, in one line with a hint", () => {
    const read = gitShow({ ref: 'nope', path: 'policy/av.yaml' }, { cwd: repo });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issues[0]!.message).toMatch(/^git could not read it: fatal: /);
      expect(read.issues[0]!.hint).toBe('check the ref and the path (git show REF:path)');
    }
  });
});
