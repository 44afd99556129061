/** `--format text`: what a person reads in a terminal — per scenario, the devices, the verdicts and the expectations. */
import { append } from '../core/append.ts';
import { formatDuration } from '../core/duration.ts';
import { ownText, terminalLine } from '../core/escape.ts';
import { wrapText } from '../core/wrap-text.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import { CiteNotes } from './cite-notes.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';
import { renderTable } from './table.ts';
import { paint } from './paint.ts';
import { airTextLines } from './text-air.ts';

export interface TextOptions {
  /** ANSI colour (the CLI decides: --color/--no-color, FORCE_COLOR, NO_COLOR, TTY). Default false. */
  readonly colour?: boolean;
  /**
   * Above this many verdicts the table is summarised as counts (JSON never summarises); up to this many
   * are replayed from the run and tabled. Default 40.
   */
  readonly maxVerdictRows?: number;
  /** Blank every verdict's outcome, for paper handouts. Default false. */
  readonly hideOutcomes?: boolean;
  /**
   * The terminal's width: tables and expectation lines wrap at spaces to fit it, never inside a word. Default: no
   * wrapping (the CLI passes the width of a terminal, and nothing when stdout is a file or a pipe).
   */
  readonly width?: number;
}

/**
 * Writes reports for a terminal to `write`, one scenario at a time, ending with a one-line summary.
 *
 * @example
 * const chunks: string[] = [];
 * renderText([report], (chunk) => void chunks.push(chunk));
 * chunks.join('').split('\n').at(-2); // '1 scenario: 1 passed, 0 failed'
 */
export function renderText(reports: readonly ScenarioReport[], write: Write, options: TextOptions = {}): void {
  const colour = options.colour ?? false;
  for (const report of reports) write(`${renderScenario(report, options, colour)}\n\n`);
  const passed = reports.filter((report) => report.passed).length;
  const failed = reports.length - passed;
  const summary = `${reports.length} scenario${reports.length === 1 ? '' : 's'}: ${passed} passed, ${failed} failed`;
  write(`${failed > 0 ? paint(colour, 31, summary) : paint(colour, 32, summary)}\n`);
}

function renderScenario(report: ScenarioReport, options: TextOptions, colour: boolean): string {
  const hide = options.hideOutcomes ?? false;
  const width = options.width;
  const table = { ...(width === undefined ? {} : { width }) };
  const mark = hide ? '•' : report.passed ? paint(colour, 32, '✔') : paint(colour, 31, '✘');
  // User strings (names, files, messages) are joined with terminalLine, which escapes them; the marks are ours.
  const lines = [
    ...wrapText(terminalLine`${ownText(mark)} ${report.name}  (${report.file}, seed ${report.seed})`, width, { hang: '  ' }),
    '',
  ];
  lines.push(
    renderTable(
      ['device', 'mode', 'AMRunningMode', 'block mode'],
      report.run.devices
        .slice(0, 20)
        .map((device) => [
          device.config.name,
          hide ? '____' : device.mode,
          hide ? '____' : device.runningMode,
          hide ? '____' : blockModeCell(device.edrBlockMode),
        ]),
      table,
    ),
  );
  if (report.run.devices.length > 20) lines.push(`… and ${report.run.devices.length - 20} more devices`);
  lines.push('');
  if (report.run.counts.artifacts <= (options.maxVerdictRows ?? 40)) {
    const verdicts: Verdict[] = [];
    report.replay({ verdict: (verdict) => void verdicts.push(verdict) });
    lines.push(
      renderTable(
        ['at', 'artifact', 'device', 'outcome', 'by', 'status', 'AC'],
        verdicts.map((v) => [
          formatDuration(v.at),
          v.artifact,
          v.device,
          hide ? '____' : v.outcome,
          hide ? '____' : v.by,
          hide ? '____' : v.detectionStatus,
          hide ? '__' : v.actionCenter ? 'yes' : 'no',
        ]),
        table,
      ),
    );
  } else {
    const c = report.run.counts;
    for (const text of [
      `${c.artifacts} artifacts — blocked ${c.byOutcome.blocked}, detected ${c.byOutcome.detected}, allowed ${c.byOutcome.allowed}, missed ${c.byOutcome.missed}`,
      `blocked by: primary AV ${c.byBlocker['primary-av']}, Defender Antivirus ${c.byBlocker.mdav}, indicator ${c.byBlocker.indicator}, EDR in block mode ${c.byBlocker['edr-block-mode']}`,
      `alerts ${c.alerts}, Action Center entries ${c.actionCenter}`,
    ])
      append(lines, wrapText(text, width, { hang: '  ' }));
  }
  if (report.run.changes.length > 0) {
    const status = (change: (typeof report.run.changes)[number]) => (hide ? '____' : change.status);
    append(lines, [
      '',
      ...report.run.changes.flatMap((change) =>
        wrapText(
          terminalLine`change at ${formatDuration(change.at)}${change.by ? ` by ${change.by}` : ''}: ${status(change)}`,
          width,
          {
            hang: '  ',
          },
        ),
      ),
    ]);
  }
  if (report.run.air !== undefined) append(lines, airTextLines(report.run.air.records, hide, table));
  if (!hide && report.expectations.length > 0) {
    lines.push('');
    // Cites become numbered footnotes after the expectations, so a link never breaks a wrapped line.
    const notes = new CiteNotes();
    for (const result of report.expectations) {
      const tick = result.passed ? paint(colour, 32, '✔') : paint(colour, 31, '✘');
      const cite = result.cite ? paint(colour, 2, `  ${notes.ref(result.cite)}`) : '';
      append(lines, wrapText(terminalLine`${ownText(tick)} ${result.message}${ownText(cite)}`, width, { hang: '  ' }));
      if (!result.passed)
        for (const detail of result.details ?? [])
          append(lines, wrapText(notes.refTrailing(terminalLine`    ${detail}`), width, { hang: '      ' }));
    }
    if (!notes.empty) append(lines, ['', ...notes.lines(width)]);
  }
  return lines.join('\n');
}

function blockModeCell(state: ScenarioReport['run']['devices'][number]['edrBlockMode']): string {
  if (state.effective) return state.pending === 'disable-pending' ? 'effective (disable pending)' : 'effective';
  const why = state.reasons[0]?.message;
  return why === undefined ? 'not effective' : `not effective: ${why}`;
}
