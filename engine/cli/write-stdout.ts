/** Writes standard output synchronously, so a long report waits for a slow reader instead of queuing in memory. */
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A writer for `fd` that returns once the text is written. `process.stdout.write` to a pipe is
 * asynchronous on Linux: when the reader is slower than the report (`edrsim run … --format json | gzip`),
 * Node queues the rest in memory without bound, and a 10 GB report dies of out-of-memory. A full pipe
 * (EAGAIN, the descriptor being non-blocking) is waited out 1 ms at a time. Once the reader has gone
 * (EPIPE, as in `| head`), further text is dropped quietly: that is not an error of ours.
 *
 * @example
 * const out = syncWriter(1);
 * out('hello\n');
 */
export function syncWriter(fd: number): (text: string) => void {
  let closed = false;
  return (text) => {
    if (closed) return;
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  };
}
