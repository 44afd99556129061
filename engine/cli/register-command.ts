/** What a command is to the CLI: a function that adds itself to the program and reports its exit code. */
import type { Command } from 'commander';
import type { ExitCode, Io } from './io.ts';

/** Each command reports its exit code through `exit`; the last call wins. */
export type SetExit = (code: ExitCode) => void;

/**
 * Adds one command (or several) to the `edrsim` program. The engine's own commands are listed in
 * `commands/index.ts`; commands that live outside the engine (`bench/register-bench.ts`) are passed to
 * `main` by `bin/edrsim.js`, so the engine never imports them.
 *
 * @example
 * const registerHello: RegisterCommand = (program, io, exit) => {
 *   program.command('hello').action(() => { io.out('hello\n'); exit(0); });
 * };
 */
export type RegisterCommand = (program: Command, io: Io, exit: SetExit) => void;
