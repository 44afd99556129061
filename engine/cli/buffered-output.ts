/** The shape of every report destination, and the buffering that keeps its memory constant. */
import type { Issue } from '../core/issue.ts';

/** Where a report goes, chunk by chunk. `close` ends it and returns the write problems; `abort` discards it. */
export interface Output {
  write(chunk: string): void;
  close(): Issue[];
  abort(): void;
}

/** Text held before a write: large enough for few system calls, small enough that memory does not grow with the report. */
export const BUFFER_CHARS = 64 * 1024;

/**
 * An {@link Output} that gathers writes into chunks of about {@link BUFFER_CHARS} characters for `sink`;
 * `finish` runs once, on close (after the last flush), `drop` once, on abort. Writes after either are ignored.
 *
 * @example
 * const output = buffered((text) => process.stdout.write(text), () => []);
 * output.write('a'); output.close(); // 'a' reaches stdout on close
 */
export function buffered(
  sink: (text: string) => void,
  finish: () => Issue[] | undefined,
  drop: () => void = () => undefined,
): Output {
  let pending: string[] = [];
  let size = 0;
  let done = false;
  const flush = () => {
    if (size === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    sink(text);
  };
  return {
    write(chunk) {
      if (done) return;
      pending.push(chunk);
      size += chunk.length;
      if (size >= BUFFER_CHARS) flush();
    },
    close() {
      if (done) return [];
      flush();
      done = true;
      return finish() ?? [];
    },
    abort() {
      if (done) return;
      done = true;
      pending = [];
      drop();
    },
  };
}
