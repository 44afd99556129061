/** The one reader of input files: regular files only, a size cap enforced while reading, decoded as text. */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';
import { DEFAULT_MAX_FILE_SIZE, formatByteSize, MAX_FILE_SIZE_LIMIT } from './byte-size.ts';
import { decodeText } from './decode-text.ts';
import { describeError, describeKind } from './file-kind.ts';

/** How a file is read. */
export interface ReadInputOptions {
  /** Largest file read, in bytes. Default {@link DEFAULT_MAX_FILE_SIZE} (64 MiB). */
  readonly maxFileSize?: number;
  /** How issues name the file. Default: `path` as given. */
  readonly shownAs?: string;
  /** Called with the file's absolute real path once it resolved, even when reading it then fails. */
  readonly onResolved?: (realPath: string) => void;
}

/** A file that was read: its text, and the absolute real path (symbolic links resolved) it was read from. */
export interface InputFile {
  readonly text: string;
  readonly realPath: string;
}

const CHUNK = 1024 * 1024;

/**
 * Reads the input file at `path` as text. Refuses, each with one issue naming the file: a missing or
 * unreadable path; anything that is not a regular file (a folder, FIFO, socket, character or block
 * device), found by `fstat` on the open descriptor, which is opened non-blocking so that a FIFO
 * without a writer cannot hang the open; a file longer than `maxFileSize`, counted while reading,
 * since `stat` says 0 for `/dev/zero` and for files that grow; and binary content (see decodeText).
 * This is the byte limit of every file; limits on content (a scenario's `MAX_SOURCE_CHARS`, an
 * importer's row count) are checked after it, by whoever parses the text.
 *
 * @example
 * const read = readInput('scenarios/07-exclusions/mppref.txt');
 * if (read.ok) read.value.text.startsWith('ExclusionPath'); // true
 */
export function readInput(path: string, options: ReadInputOptions = {}): Result<InputFile> {
  const shownAs = options.shownAs ?? path;
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let realPath: string;
  try {
    realPath = realpathSync(path);
  } catch (error) {
    return fail([readIssue(shownAs, describeError(error))]);
  }
  options.onResolved?.(realPath);
  let fd: number;
  try {
    fd = openSync(realPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // A socket cannot be opened at all (ENXIO): say what it is rather than the errno.
    const kind = kindOf(realPath);
    return fail([
      kind === undefined || kind === 'a regular file' ? readIssue(shownAs, describeError(error)) : notRegular(shownAs, kind),
    ]);
  }
  try {
    const kind = describeKind(fstatSync(fd));
    if (kind !== 'a regular file') return fail([notRegular(shownAs, kind)]);
    const bytes = readAtMost(fd, max);
    if (bytes === undefined) return fail([tooLarge(shownAs, max)]);
    const text = decodeText(bytes, shownAs);
    return text.ok ? ok({ text: text.value, realPath }) : text;
  } catch (error) {
    return fail([readIssue(shownAs, describeError(error))]);
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, or undefined when it holds more than `max`: at most `max + 1` bytes are ever read. */
function readAtMost(fd: number, max: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, max + 1 - total));
    const count = readSync(fd, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
    if (total > max) return undefined;
  }
  return Buffer.concat(chunks, total);
}

function kindOf(path: string): string | undefined {
  try {
    return describeKind(statSync(path));
  } catch {
    return undefined;
  }
}

function readIssue(file: string, reason: string): Issue {
  return { code: 'read_failed', path: [], file, message: reason };
}

function notRegular(file: string, kind: string): Issue {
  const folder = kind === 'a folder';
  return {
    code: 'not_a_file',
    path: [],
    file,
    message: `is ${kind}, not a regular file`,
    hint: folder ? 'name a file inside the folder' : 'edrsim reads regular files only; copy the content into a file first',
  };
}

/** The one wording of a file over the size cap, for every reader (a file on disk, a file at a git ref). */
export function tooLarge(file: string, max: number): Issue {
  return {
    code: 'too_large',
    path: [],
    file,
    message: `file is larger than ${formatByteSize(max)}, the most edrsim reads from one file`,
    expected: `at most ${formatByteSize(max)}`,
    hint:
      max < MAX_FILE_SIZE_LIMIT
        ? `if the file is meant to be this large, raise the limit, e.g. --max-file-size ${formatByteSize(Math.min(max * 4, MAX_FILE_SIZE_LIMIT), false)}`
        : 'is this the right file? split it into smaller ones',
  };
}
