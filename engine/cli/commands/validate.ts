/** `edrsim validate <file-or-dir>…`: check files only; lint findings are warnings; exit 0 valid, 1 too many warnings, 2 invalid. */
import { Option, type Command } from 'commander';
import { terminalLine } from '../../core/escape.ts';
import { renderJunit } from '../../report/junit-report.ts';
import { renderValidationJson } from '../../report/validation-report.ts';
import { maxWarningsOption, overWarnings, renderFindings, sarifRootOption, type FindingsFlags } from '../findings-format.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, worst, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { loadAll, printProblems } from './load-all.ts';

interface ValidateOptions extends InputFlags, FindingsFlags {
  format: 'text' | 'json' | 'sarif' | 'github' | 'junit';
}

export function registerValidate(program: Command, io: Io, exit: SetExit): void {
  program
    .command('validate')
    .description('check scenario files without running them; exclusion lint findings print as warnings')
    .argument('<file-or-dir...>', 'scenario files or folders')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'junit']).default('text'),
    )
    .addOption(sarifRootOption())
    .addOption(maxWarningsOption())
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Every problem is listed at once, with file:line:column, the path inside the document and a hint.
Warnings (e.g. an exclusion Microsoft lists as a common mistake) never make a file invalid, unless
there are more than --max-warnings of them (then exit 1).

Formats: text (default); json (valid files, summary, errors[], warnings[]); sarif (code scanning);
github (workflow annotations on the pull request's files); junit (one error per problem). Problems
also go to stderr in every format, so stdout stays one clean document.

Files from others (a pull request): from: imports must stay inside --import-root (default: the
working folder) or the scenario's folder; every file is a regular file of at most --max-file-size.

Exit codes: 0 valid, 1 more lint warnings than --max-warnings, 2 invalid input (2 wins over 1).

Examples:
  $ edrsim validate scenarios
  $ edrsim validate my-policy.yaml
  $ edrsim validate scenarios --format sarif > validate.sarif
  $ edrsim validate scenarios --format github --max-warnings 5
  $ edrsim validate scenarios --import-root scenarios --max-file-size 1MiB`,
    )
    .action((paths: string[], options: ValidateOptions) => {
      if (options.sarifRoot !== undefined && options.format !== 'sarif' && options.format !== 'github') {
        io.err(`edrsim validate: --sarif-root is for --format sarif or github; drop it or add --format sarif\n`);
        return exit(EXIT.invalid);
      }
      const limits = inputLimits(options, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const loaded = loadAll(paths, io, [], limits.value);
      printProblems(io, loaded.errors, loaded.warnings);
      const { scenarios, errors, warnings } = loaded;
      switch (options.format) {
        case 'json':
          renderValidationJson(
            scenarios.map(({ file, name }) => ({ file, name })),
            errors,
            warnings,
            io.out,
          );
          break;
        case 'sarif':
        case 'github':
          renderFindings(options.format, { errors, warnings }, io.out, io.cwd, options.sarifRoot);
          break;
        case 'junit':
          renderJunit([], io.out, errors);
          break;
        default: {
          for (const scenario of scenarios) io.out(`${terminalLine`✔ ${scenario.file}: ${scenario.name}`}\n`);
          const invalid = new Set(errors.map((issue) => issue.file)).size;
          io.out(
            `${scenarios.length} valid, ${invalid} invalid, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`,
          );
        }
      }
      const warned = overWarnings(warnings, options.maxWarnings);
      if (warned.note !== undefined) io.err(warned.note);
      exit(worst(warned.exit, errors.length > 0 ? EXIT.invalid : EXIT.ok));
    });
}
