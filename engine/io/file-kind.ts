/** What a path names on disk, in words for messages: a regular file, a folder, a FIFO, a device… */
import { statSync, type StatsBase } from 'node:fs';

/**
 * The kind of file `stats` describes, with its article, as a message names it: `a regular file`,
 * `a folder`, `a FIFO`, `a character device`, `a block device`, `a socket`.
 *
 * @example
 * describeKind(statSync('/dev/null')); // 'a character device'
 */
export function describeKind(
  stats: Pick<StatsBase<number>, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>,
): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

/**
 * True when `path` names a folder (following symbolic links); false when it is anything else or
 * missing. Only looks at the entry: nothing is opened.
 *
 * @example
 * isFolder('scenarios'); // true
 */
export function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // unreadable: the reader says why when it tries the file
  }
}

/** Words for the `code` of a failed file-system call, for a message after "cannot read the file: ". */
export function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return `cannot read the file (${code ?? 'unknown error'})`;
  }
}
