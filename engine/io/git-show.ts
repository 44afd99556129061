/** Reads one file as it is at a git revision (`git show REF:path`), bounded in size and time like every input file. */
import { spawnSync } from 'node:child_process';
import { posix } from 'node:path';
import { fail, type Issue, type Result } from '../core/issue.ts';
import { DEFAULT_MAX_FILE_SIZE } from './byte-size.ts';
import { decodeText } from './decode-text.ts';
import { tooLarge } from './read-input.ts';

/** How `git show` is run. */
export interface GitShowOptions {
  /** The repository's working folder, where git runs. Default: the process's working folder. */
  readonly cwd?: string;
  /** Largest file read, in bytes: the reader's cap (`--max-file-size`). Default 64 MiB. */
  readonly maxFileSize?: number;
  /** ms before git is stopped. Default 10 000. */
  readonly timeoutMs?: number;
}

/** A `REF:path` argument split: the revision and the path inside the repository (`/`-separated). */
export interface GitRef {
  readonly ref: string;
  readonly path: string;
}

/**
 * Splits `REF:path` at its first colon, or undefined when the text has no ref or no path. The caller
 * decides first whether the text names an existing file (`C:\policy.yaml` stays a path).
 *
 * @example
 * parseGitRef('origin/main:policy/av.yaml'); // { ref: 'origin/main', path: 'policy/av.yaml' }
 */
export function parseGitRef(text: string): GitRef | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { ref: text.slice(0, colon), path: text.slice(colon + 1) };
}

/**
 * The path an import `from` names beside `file` inside the repository, or undefined when it leaves the
 * repository or is absolute: the same confinement as a file on disk (`confineImport`).
 *
 * @example
 * gitImportPath('policy/av.yaml', 'mppref.txt'); // 'policy/mppref.txt'
 */
export function gitImportPath(file: string, from: string): string | undefined {
  if (/^(?:[A-Za-z]:|[/\\])/.test(from)) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(file.replace(/\\/g, '/')), from.replace(/\\/g, '/')));
  return joined === '..' || joined.startsWith('../') || joined.startsWith('/') ? undefined : joined;
}

/**
 * The text of `path` at `ref`, through the reader's rules: at most `maxFileSize` bytes (git's output is
 * cut there and refused), a time limit, decoded as the reader decodes files. A ref that starts with `-`
 * cannot be read as an option: every ref goes after `--end-of-options` (git 2.24+), and a path that is not a file (a
 * folder) is refused. Git's own error
 * (unknown revision, no such path) is the issue's message.
 *
 * @example
 * const read = gitShow({ ref: 'HEAD~1', path: 'policy/av.yaml' }, { cwd: '/repo' });
 * if (read.ok) read.value.startsWith('name:'); // true
 */
export function gitShow(target: GitRef, options: GitShowOptions = {}): Result<string> {
  const shownAs = `${target.ref}:${target.path}`;
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // `git cat-file blob` reads what `git show REF:path` shows for a file; `git show` (2.39) refuses a `-` ref even after --end-of-options.
  const run = spawnSync('git', ['cat-file', 'blob', '--end-of-options', shownAs], {
    cwd: options.cwd ?? process.cwd(),
    maxBuffer: max + 1,
    timeout: options.timeoutMs ?? 10_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const error = run.error as (Error & { code?: string }) | undefined;
  if (error?.code === 'ENOBUFS' || (run.stdout?.length ?? 0) > max) {
    return fail([tooLarge(shownAs, max)]);
  }
  if (error?.code === 'ENOENT') return fail([issue(shownAs, 'git is not installed or not on the PATH', 'install git')]);
  if (error !== undefined || run.signal !== null) {
    return fail([issue(shownAs, `git did not finish (${error?.message ?? run.signal})`, 'check the repository')]);
  }
  if (run.status !== 0) {
    const said =
      String(run.stderr ?? '')
        .split('\n')
        .find((line) => line.trim() !== '') ?? `exit ${run.status}`;
    return fail([
      issue(shownAs, `git could not read it: ${said.trim().slice(0, 200)}`, 'check the ref and the path (git show REF:path)'),
    ]);
  }
  return decodeText(run.stdout, shownAs);
}

function issue(file: string, message: string, hint: string): Issue {
  return { code: 'git_read_failed', path: [], file, message, hint };
}
