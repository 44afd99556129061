/** Progress of a benchmark run on stderr: a redrawn bar on a terminal, one line per step otherwise. */

export interface Progress {
  /** A step begins; `index` counts from 1 up to `total`. */
  start(index: number, total: number, label: string): void;
  /** The step ended after `seconds`, with a short result (e.g. `812,000 artifacts/s`). */
  done(index: number, total: number, label: string, seconds: number, detail: string): void;
  /** The run is over: leave the terminal on a fresh line. */
  finish(): void;
}

/** Where progress goes: stderr, or a test double. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

const BAR = 24;

/**
 * Draws `[#####-------] 5/17 fleet 100,000 devices` on one redrawn line when `stream` is a TTY, else
 * prints `bench 5/17 fleet 100,000 devices: 1.9 s, 812,000 artifacts/s` as each step ends.
 *
 * @example
 * const progress = createProgress(process.stderr);
 * progress.start(1, 3, 'warm-up');
 */
export function createProgress(stream: ProgressStream): Progress {
  if (stream.isTTY !== true) {
    return {
      start() {},
      done(index, total, label, seconds, detail) {
        stream.write(`bench ${index}/${total} ${label}: ${seconds.toFixed(1)} s${detail === '' ? '' : `, ${detail}`}\n`);
      },
      finish() {},
    };
  }
  const width = Math.max(40, stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80);
  const draw = (completed: number, index: number, total: number, text: string): void => {
    const filled = Math.round((BAR * completed) / Math.max(1, total));
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${index}/${total} ${text}`;
    // \r and erase-line: redraw in place without scrolling the terminal.
    stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
  };
  return {
    start(index, total, label) {
      draw(index - 1, index, total, `${label}…`);
    },
    done(index, total, label, seconds, detail) {
      draw(index, index, total, `${label}: ${seconds.toFixed(1)} s${detail === '' ? '' : `, ${detail}`}`);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}

/** A progress that says nothing (tests, `--format json` piped somewhere quiet). */
export const SILENT: Progress = { start() {}, done() {}, finish() {} };
