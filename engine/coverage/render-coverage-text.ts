/** The coverage report as text: the exercised share first, then one row per entry, unexercised first. */
import { forTerminal } from '../core/escape.ts';
import type { CoverageReport, EntryCoverage, Split } from './coverage-report.ts';

const RANK = { never: 0, inert: 1, shadowed: 2, decided: 3 } as const;

function splitWords(split: Split): string {
  const parts = (record: Record<string, number>) =>
    Object.keys(record)
      .sort()
      .map((key) => `${key} ${record[key]}`)
      .join(', ');
  const trigger = parts(split.byTrigger);
  return trigger === '' ? '' : ` [${trigger}; ${parts(split.byMode)}]`;
}

function row(entry: EntryCoverage): string {
  const where = entry.line === undefined ? entry.file : `${entry.file}:${entry.line}:${entry.column}`;
  const status = entry.status === 'decided' ? `decided ${entry.decided}` : entry.status;
  const detail =
    entry.status === 'decided'
      ? splitWords(entry.decidedBy)
      : entry.status === 'shadowed'
        ? ` by ${(entry.shadowedBy ?? []).join(', ')} (decided ${entry.decided})${splitWords(entry.matchedBy)}`
        : entry.status === 'inert'
          ? ' (no device in this run honours indicators: only active Defender Antivirus does, §5.2)'
          : '';
  return forTerminal(`  ${status.padEnd(12)} ${entry.key}  ${entry.text}  (${where})${detail}`);
}

/**
 * The report in words, every user string escaped for the terminal.
 *
 * @example
 * renderCoverageText(report); // 'coverage: 3 of 4 entries exercised (75%): 3 decided, 1 never, 0 shadowed, 0 inert\n  never …'
 */
export function renderCoverageText(report: CoverageReport): string {
  const { counts } = report;
  const head =
    `coverage: ${report.exercised} of ${report.total} entries exercised (${report.percent}%): ` +
    `${counts.decided} decided, ${counts.never} never, ${counts.shadowed} shadowed, ${counts.inert} inert`;
  const rows = report.entries
    .slice()
    .sort((a, b) => RANK[a.status] - RANK[b.status] || a.decided - b.decided)
    .map(row);
  return `${[head].concat(rows).join('\n')}\n`;
}
