/** Writes command output to stdout or, with `--out FILE`, atomically: a temporary file, then a rename. */
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `text` to `file` so that a reader never sees a half-written file. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && (process.env['NO_COLOR'] ?? '') === '' && process.env['TERM'] !== 'dumb';
}
