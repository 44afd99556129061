/** The `edrsim` command line: parses argv with commander, runs one command, maps the outcome to an exit code. */
import { Command, CommanderError } from 'commander';
import { useColour } from './write-output.ts';
import { EXIT, type ExitCode, type Io } from './io.ts';
import { registerCommands } from './commands/index.ts';

const VERSION = '0.1.0';

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code. Never throws: an
 * unexpected error prints one short line and returns 3.
 */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = new Command('edrsim')
    .description('Simulate Microsoft Defender for Endpoint EDR in block mode, Defender Antivirus modes, exclusions and indicators.')
    .version(VERSION, '-V, --version')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program, io, (exit) => {
    code = exit;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; usage errors are invalid input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`edrsim: internal error: ${message.split('\n')[0]}\n`);
    return EXIT.internal;
  }
}

/** Runs the CLI for this process: real argv, stdout/stderr, and the exit code. Called by `bin/edrsim.js`. */
export async function runProcess(): Promise<void> {
  const io: Io = {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colour: useColour(process.stdout),
    stdinIsTTY: process.stdin.isTTY === true,
  };
  const args = process.argv.slice(2);
  process.exitCode = await main(args.length === 0 ? ['--help'] : args, io);
}
