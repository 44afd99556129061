/** `edrsim validate <file-or-dir>…`: check files only; lint findings are warnings; exit 0 valid, 2 invalid. */
import type { Command } from 'commander';
import { terminalLine } from '../../core/escape.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { loadAll, printProblems } from './load-all.ts';

export function registerValidate(program: Command, io: Io, exit: SetExit): void {
  program
    .command('validate')
    .description('check scenario files without running them; exclusion lint findings print as warnings')
    .argument('<file-or-dir...>', 'scenario files or folders')
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Every problem is listed at once, with file:line:column, the path inside the document and a hint.
Warnings (e.g. an exclusion Microsoft lists as a common mistake) never make a file invalid.

Files from others (a pull request): from: imports must stay inside --import-root (default: the
working folder) or the scenario's folder; every file is a regular file of at most --max-file-size.

Examples:
  $ edrsim validate scenarios
  $ edrsim validate my-policy.yaml
  $ edrsim validate scenarios --import-root scenarios --max-file-size 1MiB`,
    )
    .action((paths: string[], options: InputFlags) => {
      const limits = inputLimits(options, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const loaded = loadAll(paths, io, [], limits.value);
      printProblems(io, loaded.errors, loaded.warnings);
      for (const scenario of loaded.scenarios) io.out(`${terminalLine`✔ ${scenario.file}: ${scenario.name}`}\n`);
      const invalid = new Set(loaded.errors.map((issue) => issue.file)).size;
      io.out(
        `${loaded.scenarios.length} valid, ${invalid} invalid, ${loaded.warnings.length} warning${loaded.warnings.length === 1 ? '' : 's'}\n`,
      );
      exit(loaded.errors.length > 0 ? EXIT.invalid : EXIT.ok);
    });
}
