/** Test harness for the CLI: `main(argv, io)` in-process with a recording Io, or the real binary in a child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../engine/cli/io.ts';
import { registerBench } from '../../bench/register-bench.ts';
import { main } from '../../engine/cli/main.ts';

/** The folder of this suite's scenario fixtures (absolute, no trailing slash). */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The installed binary, by absolute path, as `npx edrsim` runs it. */
export const BIN = fileURLToPath(new URL('../../bin/edrsim.js', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An Io that records what the CLI writes; `overrides` replaces any member (e.g. an `out` that throws). */
export function recordingIo(cwd: string, overrides: Partial<Io> = {}): { io: Io; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    cwd,
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    colour: false,
    stdinIsTTY: true,
    ...overrides,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/**
 * Runs `edrsim argv…` in-process with `cwd` (default {@link FIXTURES}) and returns its exit code and output;
 * the program has the commands `bin/edrsim.js` gives it (the engine's and `bench`).
 *
 * @example
 * const { code, stdout } = await runCli(['validate', 'pass.yaml']);
 */
export async function runCli(argv: readonly string[], cwd: string = FIXTURES, overrides: Partial<Io> = {}): Promise<CliResult> {
  const recorder = recordingIo(cwd, overrides);
  const code = await main(argv, recorder.io, [registerBench]);
  return { code, stdout: recorder.stdout(), stderr: recorder.stderr() };
}

/**
 * Runs the real binary (`node bin/edrsim.js argv…`) in `cwd`; only for what is about the process itself:
 * exit status, stdout/stderr separation, files on disk. About 0.6 s each.
 */
export function spawnCli(argv: readonly string[], cwd: string = FIXTURES): CliResult {
  const child = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20_000,
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** True when the text looks like a JavaScript stack trace (`    at fn (file:line:col)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(].*\d+:\d+\)?$/m.test(text) || /\b(TypeError|ReferenceError|RangeError|SyntaxError):/.test(text);
}
