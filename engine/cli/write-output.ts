/** Writes command output to stdout or, with `--out FILE`, atomically: a temporary file, then a rename. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Issue } from '../core/issue.ts';

/**
 * Writes `text` to `file` so that a reader never sees a half-written file. A file that cannot be written
 * (missing folder, a folder in its place, no permission) is an issue naming it as `shownAs` (default
 * `file`), not an exception, and leaves no temporary file behind.
 *
 * @example
 * writeAtomically('run.json', '{}\n'); // [] when written
 */
export function writeAtomically(file: string, text: string, shownAs: string = file): Issue[] {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return [];
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? 'its folder does not exist'
      : code === 'EISDIR' ? 'it is a folder'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (code ?? 'the write failed');
    return [{ code: 'out_not_writable', path: ['--out'], message: `cannot write the report to ${shownAs}: ${reason}`, hint: 'give --out a file path in a folder that exists and that you may write to' }];
  }
}

/** Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && (process.env['NO_COLOR'] ?? '') === '' && process.env['TERM'] !== 'dumb';
}
