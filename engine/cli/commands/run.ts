/** `edrsim run <file-or-dir>…`: run scenarios, print a report, exit 0 pass / 1 fail / 2 invalid input. */
import { Option, type Command } from 'commander';
import type { Issue } from '../../core/issue.ts';
import { renderCsv } from '../../report/csv-report.ts';
import { renderJson } from '../../report/json-report.ts';
import { renderJunit } from '../../report/junit-report.ts';
import type { ScenarioReport, Write } from '../../report/scenario-report.ts';
import { renderTable } from '../../report/table.ts';
import { renderText } from '../../report/text-report.ts';
import { EXIT, worst, type Io } from '../io.ts';
import { runScenario } from '../../run-scenario.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { yieldForSignals } from '../temp-file-guard.ts';
import { openOutput } from '../write-output.ts';
import type { SetExit } from '../register-command.ts';
import { loadAll, printProblems } from './load-all.ts';

interface RunOptions extends InputFlags {
  format: 'text' | 'json' | 'junit' | 'csv';
  out?: string;
  set: string[];
  summary?: boolean;
  hideOutcomes?: boolean;
  junitTime?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRun(program: Command, io: Io, exit: SetExit): void {
  program
    .command('run')
    .description('run scenarios (folders recursively) and print a report')
    .argument('<file-or-dir...>', 'scenario files (.yaml, .yml, .json) or folders')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'junit', 'csv']).default('text'))
    .option('-o, --out <file>', 'write the report to FILE (atomically; folders are created) instead of stdout')
    .option(
      '-s, --set <key=value>',
      'override a scenario key for a what-if, e.g. tenant.edrBlockMode=false (repeatable)',
      collect,
      [],
    )
    .option('--summary', 'one line per scenario (what `npm start` prints)')
    .option('--hide-outcomes', 'blank every verdict and device state, for paper handouts (text format)')
    .option('--junit-time', 'JUnit: measured seconds per scenario instead of time="0" (output then differs run to run)')
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 every expectation holds, 1 some fail, 2 invalid input (2 wins over 1).
CSV is the Action Center History export (columns documented in scenarios/README.md).
Text on a terminal wraps to its width (never inside a word; cites become numbered footnotes with
their links); into a file or a pipe, lines are not wrapped.

Examples:
  $ edrsim run scenarios
  $ edrsim run scenarios/05-timing --format json --out run.json
  $ edrsim run my-policy.yaml --format junit --out junit.xml
  $ edrsim run scenarios/01-modes --format junit --junit-time
  $ edrsim run my-policy.yaml --set tenant.edrBlockMode=false --set 'devices.ws-01.primaryAv=defender'`,
    )
    .action(async (paths: string[], options: RunOptions) => {
      if (options.summary === true && options.format !== 'text') {
        io.err(`edrsim run: --summary is a text report; drop it or drop --format ${options.format}\n`);
        return exit(EXIT.invalid);
      }
      if (options.junitTime === true && options.format !== 'junit') {
        io.err(`edrsim run: --junit-time is for --format junit; drop it or add --format junit\n`);
        return exit(EXIT.invalid);
      }
      const limits = inputLimits(options, io);
      if (!limits.ok) {
        printProblems(io, limits.issues);
        return exit(EXIT.invalid);
      }
      const loaded = loadAll(paths, io, options.set, limits.value);
      // Opened before the run, so that an --out naming an input or an unwritable place fails at once.
      const output = openOutput(options.out, io, loaded.inputs);
      if (!output.ok) {
        printProblems(io, [...loaded.errors, ...output.issues]);
        return exit(EXIT.invalid);
      }
      let unwritten: Issue[];
      let reports: ScenarioReport[];
      try {
        // Wall-clock time is measured here, in cli/, and only asked for with --junit-time: the engine stays deterministic.
        const seconds: number[] = [];
        // Reports keep counts and the verdicts `expect` names; renderers replay the rest straight to the output.
        reports = loaded.scenarios.map((scenario) => {
          const start = performance.now();
          const report = runScenario(scenario);
          seconds.push((performance.now() - start) / 1000);
          return report;
        });
        render(reports, loaded.errors, options, io, output.value.write, options.junitTime === true ? seconds : undefined);
        // A Ctrl-C during the run ends it here, with the temporary file removed and no report put in place.
        await yieldForSignals();
        unwritten = output.value.close();
      } catch (error) {
        output.value.abort();
        throw error;
      }
      // Problems go to stderr in every format, so stdout stays a clean report even when it is piped.
      const errors = [...loaded.errors, ...unwritten];
      printProblems(io, errors);
      const failed = reports.some((report) => !report.passed) ? EXIT.failed : EXIT.ok;
      exit(worst(failed, errors.length > 0 ? EXIT.invalid : EXIT.ok));
    });
}

// Invalid input is listed in every format (contract §4).
function render(
  reports: readonly ScenarioReport[],
  errors: readonly Issue[],
  options: RunOptions,
  io: Io,
  write: Write,
  seconds?: readonly number[],
): void {
  if (options.summary === true) return write(renderSummary(reports, errors));
  switch (options.format) {
    case 'json':
      return renderJson(reports, write, errors);
    case 'junit':
      return renderJunit(reports, write, errors, seconds === undefined ? {} : { seconds });
    case 'csv':
      return renderCsv(reports, write);
    default:
      // Nothing ran: a "0 scenarios: 0 passed, 0 failed" report above the problems reads as a result.
      if (reports.length === 0 && errors.length > 0) return;
      return renderText(reports, write, {
        colour: io.colour && options.out === undefined,
        hideOutcomes: options.hideOutcomes === true,
        // Text for a terminal fits its width; a file (--out) or a pipe keeps whole lines.
        ...(io.columns === undefined || options.out !== undefined ? {} : { width: io.columns }),
      });
  }
}

function renderSummary(reports: readonly ScenarioReport[], errors: readonly Issue[]): string {
  const rows = reports.map((report) => {
    const passed = report.expectations.filter((e) => e.passed).length;
    return [
      report.passed ? 'pass' : 'FAIL',
      report.file,
      `${passed}/${report.expectations.length}`,
      String(report.run.counts.artifacts),
      report.name,
    ];
  });
  const failed = reports.filter((report) => !report.passed).length;
  const invalid = new Set(errors.map((issue) => issue.file)).size;
  return [
    renderTable(['result', 'file', 'expect', 'artifacts', 'scenario'], rows),
    '',
    `${reports.length} scenario${reports.length === 1 ? '' : 's'} run: ${reports.length - failed} passed, ${failed} failed${invalid > 0 ? `; ${invalid} invalid file${invalid === 1 ? '' : 's'}` : ''}`,
    '',
  ].join('\n');
}
