/** Command output to stdout or `--out FILE`: streamed in buffered chunks, atomic for regular files, never over an input. */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Issue, Result } from '../core/issue.ts';
import type { Io } from './io.ts';
import { BUFFER_CHARS, buffered, type Output } from './buffered-output.ts';
import { armTempFileGuard, guardTempFile } from './temp-file-guard.ts';

export type { Output } from './buffered-output.ts';

/**
 * Opens the report's destination: stdout (through `io.out`) when `out` is undefined, else the file `out`
 * (relative to `io.cwd`). A regular file (or a new one) is written to an unpredictable temporary name in
 * the same folder, created exclusively (a planted file or link there is never followed), and renamed
 * into place by `close()`; it is removed by `abort()`, by any failure, and on SIGINT/SIGTERM. An existing
 * non-regular file (`/dev/null`, a FIFO) is written directly, never replaced. Missing folders are
 * created. Refused before anything is written: an `out` that is one of `inputs` (absolute real paths of
 * every file read), or that cannot be opened. Writes are synchronous and buffered ({@link BUFFER_CHARS}).
 *
 * @example
 * const opened = openOutput('run.json', io, loaded.inputs);
 * if (opened.ok) { opened.value.write('{}\n'); const problems = opened.value.close(); }
 */
export function openOutput(out: string | undefined, io: Io, inputs: readonly string[]): Result<Output> {
  if (out === undefined)
    return {
      ok: true,
      value: buffered(
        (text) => io.out(text),
        () => undefined,
      ),
    };
  return openFile(resolve(io.cwd, out), out, inputs);
}

/** Several files in one folder (`--out DIR`), each written as {@link openOutput} writes a file; `close` and `abort` act on all. */
export interface FolderOutput {
  /** The output of one of the names the folder was opened with. */
  file(name: string): Output;
  close(): Issue[];
  abort(): void;
}

/**
 * Opens `names` inside the folder `out` (relative to `io.cwd`; created when missing), each atomically as
 * {@link openOutput} opens a file, so only those files are ever written there. Refused before anything is
 * written: an `out` that exists and is not a folder, a name that is one of `inputs`, a file that cannot be
 * opened (those already opened are discarded).
 *
 * @example
 * const opened = openOutputFolder('hunt', ['AlertInfo.jsonl'], io, loaded.inputs);
 * if (opened.ok) { opened.value.file('AlertInfo.jsonl').write('{}\n'); opened.value.close(); }
 */
export function openOutputFolder(out: string, names: readonly string[], io: Io, inputs: readonly string[]): Result<FolderOutput> {
  const folder = resolve(io.cwd, out);
  let existing: ReturnType<typeof statSync>;
  try {
    existing = statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    // ENOTDIR: a part of the folder path is a file.
    return { ok: false, issues: [writeIssue(out, error)] };
  }
  if (existing !== undefined && !existing.isDirectory())
    return {
      ok: false,
      issues: [
        {
          code: 'out_not_folder',
          path: ['--out'],
          message: `${out} is a file, not a folder: this format writes one file per table into the folder --out names`,
          hint: 'give --out a folder (it is created when missing; only the table files are written in it)',
        },
      ],
    };
  const files = new Map<string, Output>();
  for (const name of names) {
    const opened = openFile(join(folder, name), join(out, name), inputs);
    if (!opened.ok) {
      for (const file of files.values()) file.abort();
      return opened;
    }
    files.set(name, opened.value);
  }
  return {
    ok: true,
    value: {
      file: (name) => files.get(name)!,
      close: () => [...files.values()].flatMap((file) => file.close()),
      abort: () => {
        for (const file of files.values()) file.abort();
      },
    },
  };
}

/**
 * Writes `text` to `file` as {@link openOutput} does (atomically, never over one of `inputs`); returns the
 * problems, each naming the file as `shownAs`.
 *
 * @example
 * writeAtomically('/work/run.json', '{}\n'); // [] when written
 */
export function writeAtomically(file: string, text: string, shownAs: string = file, inputs: readonly string[] = []): Issue[] {
  const opened = openFile(file, shownAs, inputs);
  if (!opened.ok) return [...opened.issues];
  opened.value.write(text);
  return opened.value.close();
}

/**
 * The problem with writing to `out`, if it names one of `inputs`: checked before a long run so that it
 * fails at once. Empty when `out` is undefined or another file.
 *
 * @example
 * outputIsInput('scenario.yaml', io, ['/work/scenario.yaml']); // [{ code: 'out_is_input', … }]
 */
export function outputIsInput(out: string | undefined, io: Io, inputs: readonly string[]): Issue[] {
  return out === undefined ? [] : sameAsInput(resolve(io.cwd, out), out, inputs);
}

// Real paths compared, so a link to the scenario or `./x/../scenario.yaml` is the scenario.
function sameAsInput(full: string, shownAs: string, inputs: readonly string[]): Issue[] {
  const real = realOrUndefined(full);
  if (real === undefined || !inputs.includes(real)) return [];
  return [
    {
      code: 'out_is_input',
      path: ['--out'],
      message: `${shownAs} is an input of this run (a scenario or a file it reads); writing the report there would destroy it`,
      hint: 'give --out another file name',
    },
  ];
}

function openFile(full: string, shownAs: string, inputs: readonly string[]): Result<Output> {
  const same = sameAsInput(full, shownAs, inputs);
  if (same.length > 0) return { ok: false, issues: same };
  const problem = (error: unknown): Result<Output> => ({ ok: false, issues: [writeIssue(shownAs, error)] });
  try {
    mkdirSync(dirname(full), { recursive: true });
  } catch (error) {
    // mkdir -p says EEXIST when a file stands where a folder should be.
    return problem((error as { code?: string }).code === 'EEXIST' ? { code: 'ENOTDIR' } : error);
  }
  try {
    const existing = statSync(full, { throwIfNoEntry: false });
    if (existing?.isDirectory() === true) return problem({ code: 'EISDIR' });
    if (existing !== undefined && !existing.isFile()) {
      // A device or FIFO is written in place: renaming over /dev/null would replace the device node.
      const fd = openSync(full, 'w');
      return {
        ok: true,
        value: toFile(
          fd,
          shownAs,
          () => [],
          () => undefined,
        ),
      };
    }
  } catch (error) {
    return problem(error);
  }
  // Armed before the file exists, so that no stop signal can end the process between its creation and its guard.
  const disarm = armTempFileGuard();
  const temp = createTemp(dirname(full), shownAs);
  if (!temp.ok) {
    disarm();
    return temp;
  }
  const { path, fd } = temp.value;
  const release = guardTempFile(path, fd);
  const discard = () => {
    rmSync(path, { force: true });
    release();
  };
  const commit = (): Issue[] => {
    try {
      renameSync(path, full);
      release();
      return [];
    } catch (error) {
      discard();
      return [writeIssue(shownAs, error)];
    }
  };
  return { ok: true, value: toFile(fd, shownAs, commit, discard) };
}

// Short and random: `<out>.<pid>.tmp` was guessable (a planted link was followed) and too long for a 250-character name.
function createTemp(folder: string, shownAs: string): Result<{ path: string; fd: number }> {
  for (let attempt = 0; ; attempt++) {
    const path = join(folder, `.edrsim-${randomBytes(8).toString('hex')}.tmp`);
    try {
      // 'wx' is O_CREAT | O_EXCL: it fails on any existing entry, a symbolic link included, and follows none.
      return { ok: true, value: { path, fd: openSync(path, 'wx', 0o666) } };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST' || attempt >= 4)
        return { ok: false, issues: [writeIssue(shownAs, error)] };
    }
  }
}

/** An output on an open descriptor: `commit` finishes after the descriptor is closed, `discard` cleans up. */
function toFile(fd: number, shownAs: string, commit: () => Issue[], discard: () => void): Output {
  let failed: Issue | undefined;
  const output = buffered(
    (text) => {
      if (failed !== undefined) return;
      try {
        // Encoded slice by slice, so that one huge chunk is never copied whole into a second buffer.
        for (let start = 0; start < text.length;) {
          let end = Math.min(start + BUFFER_CHARS, text.length);
          if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--; // never split a surrogate pair
          const bytes = Buffer.from(text.slice(start, end), 'utf8');
          for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
          start = end;
        }
      } catch (error) {
        failed = writeIssue(shownAs, error);
      }
    },
    () => {
      try {
        closeSync(fd);
      } catch (error) {
        failed ??= writeIssue(shownAs, error);
      }
      if (failed === undefined) return commit();
      discard();
      return [failed];
    },
    () => {
      try {
        closeSync(fd);
      } catch {
        // closing is all abort wants; the temporary file goes either way
      }
      discard();
    },
  );
  return output;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function writeIssue(shownAs: string, error: unknown): Issue {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOTDIR'
          ? 'a part of its folder path is a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ENOSPC'
              ? 'no space left on the device'
              : code === 'EROFS'
                ? 'the file system is read-only'
                : code === 'ENXIO'
                  ? 'nothing is reading from it'
                  : (code ?? 'the write failed');
  return {
    code: 'out_not_writable',
    path: ['--out'],
    message: `cannot write the report to ${shownAs}: ${reason}`,
    hint: 'give --out a file path that you may write to',
  };
}

// Colour lives in colour.ts; re-exported for main.ts, which imports it from here.
export { useColour } from './colour.ts';
