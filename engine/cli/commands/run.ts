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
import { runScenario } from '../run-scenario.ts';
import { writeAtomically } from '../write-output.ts';
import type { SetExit } from './index.ts';
import { loadAll, printProblems } from './load-all.ts';
import { resolve } from 'node:path';

interface RunOptions {
  format: 'text' | 'json' | 'junit' | 'csv';
  out?: string;
  set: string[];
  summary?: boolean;
  hideOutcomes?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRun(program: Command, io: Io, exit: SetExit): void {
  program
    .command('run')
    .description('run scenarios (folders recursively) and print a report')
    .argument('<file-or-dir...>', 'scenario files (.yaml, .yml, .json) or folders')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'junit', 'csv']).default('text'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-s, --set <key=value>', 'override a scenario key for a what-if, e.g. tenant.edrBlockMode=false (repeatable)', collect, [])
    .option('--summary', 'one line per scenario (what `npm start` prints)')
    .option('--hide-outcomes', 'blank every verdict and device state, for paper handouts (text format)')
    .addHelpText(
      'after',
      `
Exit codes: 0 every expectation holds, 1 some fail, 2 invalid input (2 wins over 1).
CSV is the Action Center History export (columns documented in scenarios/README.md).

Examples:
  $ edrsim run scenarios
  $ edrsim run scenarios/05-timing --format json --out run.json
  $ edrsim run my-policy.yaml --format junit --out junit.xml
  $ edrsim run my-policy.yaml --set tenant.edrBlockMode=false --set 'devices.ws-01.primaryAv=defender'`,
    )
    .action((paths: string[], options: RunOptions) => {
      if (options.summary === true && options.format !== 'text') {
        io.err(`edrsim run: --summary is a text report; drop it or drop --format ${options.format}\n`);
        return exit(EXIT.invalid);
      }
      const loaded = loadAll(paths, io, options.set);
      // Reports keep counts and the verdicts `expect` names; renderers replay the rest straight to the output.
      const reports = loaded.scenarios.map(runScenario);
      const output = openReportOutput(options.out, io);
      render(reports, loaded.errors, options, io, output.write);
      const unwritten = output.close();
      // Problems go to stderr in every format, so stdout stays a clean report even when it is piped.
      const errors = [...loaded.errors, ...unwritten];
      printProblems(io, errors);
      const failed = reports.some((report) => !report.passed) ? EXIT.failed : EXIT.ok;
      exit(worst(failed, errors.length > 0 ? EXIT.invalid : EXIT.ok));
    });
}

// Invalid input is listed in every format (contract §4).
function render(reports: readonly ScenarioReport[], errors: readonly Issue[], options: RunOptions, io: Io, write: Write): void {
  if (options.summary === true) return write(renderSummary(reports, errors));
  switch (options.format) {
    case 'json':
      return renderJson(reports, write, errors);
    case 'junit':
      return renderJunit(reports, write, errors);
    case 'csv':
      return renderCsv(reports, write);
    default:
      return renderText(reports, write, { colour: io.colour && options.out === undefined, hideOutcomes: options.hideOutcomes === true });
  }
}

const CHUNK = 64 * 1024;

/**
 * Where the report goes: stdout in chunks of about 64 KiB (one write per verdict would be one syscall
 * each), or with `--out` the whole text, written atomically at `close`. Stands in for `openOutput`
 * (same write/close shape; it streams `--out` to the file too) until the two branches meet.
 */
function openReportOutput(out: string | undefined, io: Io): { write: Write; close: () => Issue[] } {
  const chunks: string[] = [];
  let buffered = 0;
  const flush = () => {
    io.out(chunks.join(''));
    chunks.length = 0;
    buffered = 0;
  };
  const write = (chunk: string) => {
    chunks.push(chunk);
    buffered += chunk.length;
    if (out === undefined && buffered >= CHUNK) flush();
  };
  if (out !== undefined) return { write, close: () => writeAtomically(resolve(io.cwd, out), chunks.join(''), out) };
  return {
    write,
    close: () => {
      if (buffered > 0) flush();
      return [];
    },
  };
}

function renderSummary(reports: readonly ScenarioReport[], errors: readonly Issue[]): string {
  const rows = reports.map((report) => {
    const passed = report.expectations.filter((e) => e.passed).length;
    return [report.passed ? 'pass' : 'FAIL', report.file, `${passed}/${report.expectations.length}`, String(report.run.counts.artifacts), report.name];
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
