/** The `edrsim` command line: parses argv with commander, runs one command, maps the outcome to an exit code. */
import { Command, CommanderError } from 'commander';
import { forTerminalLines, terminalLine } from '../core/escape.ts';
import { useColour } from './write-output.ts';
import { EXIT, type ExitCode, type Io } from './io.ts';
import { engineCommands } from './commands/index.ts';
import { loadCommands } from './load-commands.ts';
import type { CommandEntry } from './register-command.ts';
import { stdinAsker } from './train/ask-stdin.ts';
import { syncWriter } from './write-stdout.ts';
import { EDRSIM_VERSION as VERSION } from './edrsim-version.ts';

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code. Never throws: an
 * unexpected error prints one short line and returns 3. `extra` adds commands that live outside the
 * engine (default none; `bin/edrsim.js` passes `bench`, lazily), so the engine never imports them.
 * Only the commands argv needs are imported (`loadCommands`).
 */
export async function main(argv: readonly string[], io: Io, extra: readonly CommandEntry[] = []): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = new Command('edrsim')
    .description(
      'Simulate Microsoft Defender for Endpoint EDR in block mode, Defender Antivirus modes, exclusions and indicators.',
    )
    .version(VERSION, '-V, --version')
    // Commander's errors quote the argument as typed (an unknown option, a bad choice).
    .configureOutput({ writeOut: io.out, writeErr: (text) => io.err(forTerminalLines(text)) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes: 0 success, 1 an expectation failed (run), the path is not excluded (check-exclusion) or the
policy change weakens protection (diff), 2 invalid input, 3 internal error.

Examples:
  $ edrsim run scenarios
  $ edrsim validate my-policy.yaml
  $ edrsim explain scenarios/01-modes/02-passive-with-block-mode.yaml --artifact beacon-injection
  $ edrsim check-exclusion 'C:\\Tools\\build.exe' --policy my-policy.yaml
  $ edrsim diff scenarios/11-policy-changes/05-narrower-folder.base.yaml scenarios/11-policy-changes/05-narrower-folder.head.yaml --generate 1000
  $ edrsim <command> --help`,
    )
    .exitOverride();
  const setExit = (exit: ExitCode): void => {
    code = exit;
  };
  try {
    for (const register of await loadCommands(argv, engineCommands(extra))) register(program, io, setExit);
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; usage errors are invalid input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${terminalLine`edrsim: internal error: ${message.split('\n')[0] ?? ''}`}\n`);
    return EXIT.internal;
  }
}

/** Runs the CLI for this process: real argv, stdout/stderr, and the exit code. Called by `bin/edrsim.js` with `bench`. */
export async function runProcess(extra: readonly CommandEntry[] = []): Promise<void> {
  // `edrsim run … | head`: the reader left, which is not an error of ours; without a listener Node prints a stack trace.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreBrokenPipe);
  const stdin = stdinAsker();
  const io: Io = {
    cwd: process.cwd(),
    out: syncWriter(1),
    err: (text) => process.stderr.write(text),
    colour: useColour(process.stdout),
    ...(process.stdout.isTTY === true && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
    stdinIsTTY: process.stdin.isTTY === true,
    ask: stdin.ask,
  };
  const args = process.argv.slice(2);
  process.exitCode = await main(args.length === 0 ? ['--help'] : args, io, extra);
  stdin.close();
}

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') return;
  process.exitCode = EXIT.internal;
}
