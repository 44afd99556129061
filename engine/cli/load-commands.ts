/** Start-up: imports only the commands that argv needs, so `edrsim --version` and `edrsim validate` start fast. */
import type { CommandEntry, RegisterCommand } from './register-command.ts';

const VERSION_FLAGS = new Set(['-V', '--version']);

/**
 * The commands to register for `argv`, in the order of `entries`. Commands already loaded (functions) are always
 * kept. Of the lazy ones: none for `--version`; only the named one when argv's first operand names one (its own
 * `--help` included); all of them otherwise, so the top-level help, `help <command>` and the "unknown command"
 * error with its suggestion are exactly what they were when every command was imported at start.
 *
 * @example
 * await loadCommands(['validate', 'x.yaml'], engineCommands()); // [registerValidate]
 * await loadCommands(['--version'], engineCommands()); // []
 */
export async function loadCommands(argv: readonly string[], entries: readonly CommandEntry[]): Promise<RegisterCommand[]> {
  const lazy = entries.filter((entry) => typeof entry !== 'function');
  // The program's own options take no value (-V, -h), so the first word without a dash is the command.
  const operand = argv.find((arg) => !arg.startsWith('-'));
  const versionOnly = argv.length > 0 && argv.every((arg) => VERSION_FLAGS.has(arg));
  const named = lazy.filter((entry) => entry.name === operand);
  const wanted = new Set(versionOnly ? [] : named.length > 0 ? named : lazy);
  const loaded = await Promise.all(
    entries.map((entry) => (typeof entry === 'function' ? entry : wanted.has(entry) ? entry.load() : undefined)),
  );
  return loaded.filter((register) => register !== undefined);
}
