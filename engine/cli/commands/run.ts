/** `edrsim run <file-or-dir>…`: run scenarios, print a report, exit 0 pass / 1 fail / 2 invalid input. */
import { Option, type Command } from 'commander';
import { terminalLine } from '../../core/escape.ts';
import type { Issue } from '../../core/issue.ts';
import { airOfReport } from '../../report/api-air-of.ts';
import { renderApi } from '../../report/api-report.ts';
import { renderCsv } from '../../report/csv-report.ts';
import { HUNTING_TABLES, type HuntingTable } from '../../report/hunting-columns.ts';
import { renderHunting } from '../../report/hunting-report.ts';
import { renderJson } from '../../report/json-report.ts';
import { renderJunit } from '../../report/junit-report.ts';
import type { ScenarioReport, Write } from '../../report/scenario-report.ts';
import { renderTable } from '../../report/table.ts';
import { renderText } from '../../report/text-report.ts';
import { renderVerdictsCsv } from '../../report/verdicts-csv.ts';
import { COLOUR_HELP, colorOption, colourFor, noColorOption } from '../colour.ts';
import { EXIT, worst, type Io } from '../io.ts';
import { runScenario } from '../../run-scenario.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { yieldForSignals } from '../temp-file-guard.ts';
import { openOutput, openOutputFolder, type FolderOutput, type Output } from '../write-output.ts';
import type { SetExit } from '../register-command.ts';
import {
  matchesFilter,
  nameOption,
  noneSelected,
  scenarioFilter,
  tagOption,
  type FilterFlags,
  type ScenarioFilter,
} from '../scenario-filter.ts';
import { loadAll, printProblems } from './load-all.ts';
import { maxWarningsOption, overWarnings, renderFindings, sarifRootOption, type FindingsFlags } from '../findings-format.ts';

type Loaded = ReturnType<typeof loadAll>;

interface RunOptions extends InputFlags, FilterFlags, FindingsFlags {
  format: 'text' | 'json' | 'junit' | 'csv' | 'sarif' | 'github' | 'api' | 'hunting';
  out?: string;
  set: string[];
  summary?: boolean;
  hideOutcomes?: boolean;
  junitTime?: boolean;
  csv?: 'action-center' | 'verdicts';
  bail?: boolean;
  color?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRun(program: Command, io: Io, exit: SetExit): void {
  program
    .command('run')
    .description('run scenarios (folders recursively) and print a report')
    .argument('<file-or-dir...>', 'scenario files (.yaml, .yml, .json) or folders')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'json', 'junit', 'csv', 'sarif', 'github', 'api', 'hunting'])
        .default('text'),
    )
    .option(
      '-o, --out <file>',
      'write the report to FILE (atomically; folders are created) instead of stdout; for --format hunting, the folder of its tables',
    )
    .option(
      '-s, --set <key=value>',
      'override a scenario key for a what-if, e.g. tenant.edrBlockMode=false (repeatable)',
      collect,
      [],
    )
    .option('--summary', 'one line per scenario (what `npm start` prints)')
    .option('--hide-outcomes', 'blank every verdict and device state (text format); `edrsim handout` prints a full handout')
    .addOption(
      new Option(
        '--csv <table>',
        'CSV: the Action Center History export, or one row per verdict (default: action-center)',
      ).choices(['action-center', 'verdicts']),
    )
    .option('--junit-time', 'JUnit: measured seconds per scenario instead of time="0" (output then differs run to run)')
    .addOption(nameOption())
    .addOption(tagOption())
    .option('--bail', 'stop at the first failing scenario (exit 1); the rest are not run')
    .addOption(colorOption())
    .addOption(noColorOption())
    .addOption(sarifRootOption())
    .addOption(maxWarningsOption())
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 every expectation holds, 1 some fail (or more lint warnings than --max-warnings),
2 invalid input (2 wins over 1).
-t/--name is a case-insensitive part of the scenario name, with * for any characters; it is never a
regular expression. --tag keeps scenarios with any of the tags given; with -t, both must match. A filter
that keeps no scenario is exit 2. --bail stops at the first failing scenario and says how many were not run.
${COLOUR_HELP}
CSV is the Action Center History export (--csv action-center, the default) or one row per verdict
(--csv verdicts); the columns are documented in scenarios/README.md.
api is what Defender for Endpoint's API v1 would list, per scenario: alerts (GET /api/alerts with their
evidence), machineActions and investigations (empty until automated investigation is modelled).
hunting writes advanced hunting tables as JSON Lines, one file per table, into the folder --out names:
DeviceEvents.jsonl, AlertInfo.jsonl and AlertEvidence.jsonl (nothing else is written there). One file per
table is what ADX ingestion and KQL's externaldata load, each with its own schema; the columns are the
schema pages' own. The fields and three example hunts are in README.md.
SARIF (code scanning) and github (workflow annotations) list findings, not verdicts: each failed
expectation, problem and lint warning at its file, line and column.
Text on a terminal wraps to its width (never inside a word; cites become numbered footnotes with
their links); into a file or a pipe, lines are not wrapped.

Examples:
  $ edrsim run scenarios
  $ edrsim run scenarios/05-timing --format json --out run.json
  $ edrsim run my-policy.yaml --format junit --out junit.xml
  $ edrsim run scenarios/01-modes --format junit --junit-time
  $ edrsim run scenarios/09-recording --format csv --csv verdicts
  $ edrsim run scenarios -t 'block mode' --tag passive-mode
  $ edrsim run scenarios --bail --summary
  $ edrsim run scenarios --format sarif --out edrsim.sarif --max-warnings 0
  $ edrsim run scenarios/05-timing --format github
  $ edrsim run scenarios/09-recording --format api
  $ edrsim run scenarios/09-recording --format hunting --out hunt
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
      if (options.csv !== undefined && options.format !== 'csv') {
        io.err(`edrsim run: --csv chooses the CSV table; add --format csv or drop --csv\n`);
        return exit(EXIT.invalid);
      }
      if (options.format === 'hunting' && options.out === undefined) {
        io.err(`edrsim run: --format hunting writes ${HUNTING_FILES.join(', ')} into a folder; give --out DIR\n`);
        return exit(EXIT.invalid);
      }
      if (options.sarifRoot !== undefined && options.format !== 'sarif' && options.format !== 'github') {
        io.err(`edrsim run: --sarif-root is for --format sarif or github; drop it or add --format sarif\n`);
        return exit(EXIT.invalid);
      }
      const limits = inputLimits(options, io);
      const filter = scenarioFilter(options);
      if (!limits.ok || !filter.ok) {
        printProblems(io, [...(limits.ok ? [] : limits.issues), ...(filter.ok ? [] : filter.issues)]);
        return exit(EXIT.invalid);
      }
      const loaded = select(loadAll(paths, io, options.set, limits.value), filter.value, io);
      if (loaded === undefined) return exit(EXIT.invalid);
      // Opened before the run, so that an --out naming an input or an unwritable place fails at once.
      const output =
        options.format === 'hunting'
          ? openOutputFolder(options.out ?? '', HUNTING_FILES, io, loaded.inputs)
          : openOutput(options.out, io, loaded.inputs);
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
        reports = [];
        for (const scenario of loaded.scenarios) {
          const start = performance.now();
          const report = runScenario(scenario);
          seconds.push((performance.now() - start) / 1000);
          reports.push(report);
          if (options.bail === true && !report.passed) break;
        }
        if (isFolder(output.value)) writeHunting(reports, output.value);
        else if (options.format === 'sarif' || options.format === 'github')
          renderFindings(
            options.format,
            { errors: loaded.errors, warnings: loaded.warnings, reports },
            output.value.write,
            io.cwd,
            options.sarifRoot,
          );
        else render(reports, loaded.errors, options, io, output.value.write, options.junitTime === true ? seconds : undefined);
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
      const notRun = loaded.scenarios.length - reports.length;
      if (notRun > 0) {
        const failing = reports.at(-1)?.file ?? '';
        io.err(
          `${terminalLine`ℹ --bail: stopped at the first failing scenario, ${failing}`}; ${notRun} scenario${notRun === 1 ? '' : 's'} not run\n`,
        );
      }
      const failed = reports.some((report) => !report.passed) ? EXIT.failed : EXIT.ok;
      const warned = overWarnings(loaded.warnings, options.maxWarnings);
      // `run` keeps lint warnings to itself; when they fail the run, it shows which.
      if (warned.note !== undefined) printProblems(io, [], loaded.warnings);
      if (warned.note !== undefined) io.err(warned.note);
      exit(worst(worst(failed, warned.exit), errors.length > 0 ? EXIT.invalid : EXIT.ok));
    });
}

const HUNTING_NAMES = Object.keys(HUNTING_TABLES) as HuntingTable[];
/** The files of --format hunting, one per advanced hunting table. */
const HUNTING_FILES = HUNTING_NAMES.map((table) => `${table}.jsonl`);

function isFolder(output: Output | FolderOutput): output is FolderOutput {
  return 'file' in output;
}

// Each table is its own file: KQL's externaldata and ADX ingestion load one table per file, with its schema.
// Invalid input is not a row of any table: it is on stderr, as in every format.
function writeHunting(reports: readonly ScenarioReport[], folder: FolderOutput): void {
  for (const table of HUNTING_NAMES) renderHunting(table, reports, folder.file(`${table}.jsonl`).write);
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
    case 'api':
      return renderApi(reports, write, errors, { airOf: airOfReport });
    case 'junit':
      return renderJunit(reports, write, errors, seconds === undefined ? {} : { seconds });
    case 'csv':
      return options.csv === 'verdicts' ? renderVerdictsCsv(reports, write) : renderCsv(reports, write);
    default:
      // Nothing ran: a "0 scenarios: 0 passed, 0 failed" report above the problems reads as a result.
      if (reports.length === 0 && errors.length > 0) return;
      return renderText(reports, write, {
        colour: colourFor(options.color, io.colour) && options.out === undefined,
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

/**
 * The loaded scenarios the filter keeps (all without one), with a note on stderr of how many it kept; a
 * filter that keeps none of the loaded scenarios is a usage error, printed here (undefined is returned).
 */
function select(loaded: Loaded, filter: ScenarioFilter | undefined, io: Io): Loaded | undefined {
  if (filter === undefined || loaded.scenarios.length === 0) return loaded;
  const scenarios = loaded.scenarios.filter((scenario) => matchesFilter(filter, scenario));
  if (scenarios.length === 0) {
    printProblems(io, [...loaded.errors, noneSelected(filter, loaded.scenarios)]);
    return undefined;
  }
  const skipped = loaded.scenarios.length - scenarios.length;
  const of = `${scenarios.length} of ${loaded.scenarios.length} scenario${loaded.scenarios.length === 1 ? '' : 's'}`;
  if (skipped > 0) io.err(`ℹ ${of} selected by ${filter.shown}; ${skipped} not run\n`);
  return { ...loaded, scenarios };
}
