/** What a command is to the CLI: a function that adds itself to the program, and the lazy entry that imports it on demand. */
import type { Command } from 'commander';
import type { ExitCode, Io } from './io.ts';

/** Each command reports its exit code through `exit`; the last call wins. */
export type SetExit = (code: ExitCode) => void;

/**
 * Adds one command (or several) to the `edrsim` program. The engine's own commands are listed, lazily, in
 * `commands/index.ts`; commands that live outside the engine (`bench/register-bench.ts`) are passed to
 * `main` by `bin/edrsim.js`, so the engine never imports them.
 *
 * @example
 * const registerHello: RegisterCommand = (program, io, exit) => {
 *   program.command('hello').action(() => { io.out('hello\n'); exit(0); });
 * };
 */
export type RegisterCommand = (program: Command, io: Io, exit: SetExit) => void;

/**
 * A command that is imported only when it is needed: `edrsim validate x.yaml` imports `validate` alone, and
 * `edrsim --version` imports no command at all, so start-up does not grow with the number of commands.
 * `name` must be the name the module gives to `program.command(…)` (a test checks each).
 *
 * @example
 * const diff: LazyCommand = { name: 'diff', load: async () => (await import('./diff.ts')).registerDiff };
 */
export interface LazyCommand {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** A command as `main` takes it: already loaded (tests pass `registerBench` so), or lazy. */
export type CommandEntry = RegisterCommand | LazyCommand;
