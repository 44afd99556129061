/** `edrsim coverage SCENARIOS…`: which exclusion entries and indicators the run exercised, and which nothing did. */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { forJsonText } from '../../core/escape.ts';
import { coverageFindings, coverageSarifInput } from '../../coverage/coverage-findings.ts';
import { measureCoverage } from '../../coverage/measure-coverage.ts';
import { navigatorLayer } from '../../coverage/navigator-layer.ts';
import { renderCoverageText } from '../../coverage/render-coverage-text.ts';
import { readInput } from '../../io/read-input.ts';
import { EDRSIM_VERSION } from '../edrsim-version.ts';
import { sarifRootOption, writeFindings } from '../findings-format.ts';
import { importRootOption, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { openOutput } from '../write-output.ts';
import { loadEveryScenario, printProblems } from './load-all.ts';

interface CoverageFlags extends InputFlags {
  format: 'text' | 'json' | 'navigator' | 'sarif' | 'github';
  out?: string;
  sarifRoot?: string;
  threshold?: number;
}

const percent = (text: string): number => {
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) > 100)
    throw new InvalidArgumentError('--threshold takes a percentage from 0 to 100');
  return Number(text);
};

export function registerCoverage(program: Command, io: Io, exit: SetExit): void {
  program
    .command('coverage')
    .description('which exclusion entries and indicators decided verdicts in the run, and which never matched or were shadowed')
    .argument('<scenarios...>', 'scenario files or folders')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'json', 'navigator', 'sarif', 'github'])
        .default('text'),
    )
    .addOption(sarifRootOption())
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .addOption(
      new Option('--threshold <percent>', 'exit 1 when fewer than PERCENT % of the entries decided a verdict').argParser(percent),
    )
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Status per entry: decided N (it decided N verdicts), never (nothing matched it), shadowed (every artifact it
matched was matched by another entry too), inert (an indicator no device in the run could honour: only active
Defender Antivirus honours indicators). An entry is exercised when it decided at least one verdict.
--format json adds the never and shadowed entries as findings at their lines (for SARIF);
--format navigator writes an ATT&CK Navigator layer scored by the share of each technique's artifacts blocked.
--format sarif and github list each never and shadowed entry as a warning at its line (--sarif-root as for run).
Exit codes: 0 done, 1 below --threshold, 2 invalid input.

Examples:
  $ edrsim coverage scenarios/07-exclusions
  $ edrsim coverage scenarios/07-exclusions --threshold 50 --format json
  $ edrsim coverage scenarios --format navigator --out layer.json
  $ edrsim coverage scenarios/07-exclusions --format sarif --out coverage.sarif`,
    )
    .action((paths: string[], flags: CoverageFlags) => {
      const loaded = loadEveryScenario(paths, flags, io);
      if (loaded === undefined) return exit(EXIT.invalid);
      const maxFileSize = loaded.limits.maxFileSize;
      const textOf = (file: string) => {
        const read = readInput(resolve(io.cwd, file), maxFileSize === undefined ? {} : { maxFileSize });
        return read.ok ? read.value.text : undefined;
      };
      const { report, techniques } = measureCoverage(loaded.scenarios, textOf);
      const output = openOutput(flags.out, io, loaded.inputs);
      if (!output.ok) {
        printProblems(io, [...output.issues]);
        return exit(EXIT.invalid);
      }
      if (flags.format === 'sarif' || flags.format === 'github')
        writeFindings(flags.format, coverageSarifInput(report, EDRSIM_VERSION), output.value.write, io.cwd, flags.sarifRoot);
      else
        output.value.write(
          flags.format === 'json'
            ? forJsonText(`${JSON.stringify({ ...report, findings: coverageFindings(report) }, null, 2)}\n`)
            : flags.format === 'navigator'
              ? forJsonText(`${JSON.stringify(navigatorLayer(techniques, 'edrsim coverage'), null, 2)}\n`)
              : renderCoverageText(report),
        );
      const unwritten = output.value.close();
      if (unwritten.length > 0) {
        printProblems(io, unwritten);
        return exit(EXIT.invalid);
      }
      exit(flags.threshold !== undefined && report.percent < flags.threshold ? EXIT.failed : EXIT.ok);
    });
}
