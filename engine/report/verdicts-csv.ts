/** `--format csv --csv verdicts`: one row per verdict, with the JSON verdict's fields, for spreadsheets and diffs. */
import type { Artifact } from '../core/artifact.ts';
import { formatDuration, timestampAt } from '../core/duration.ts';
import { forCsv } from '../core/escape.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';

/**
 * Column order of the verdicts CSV: the scenario and file, then the JSON verdict's keys in the JSON's
 * order (documented in scenarios/README.md), without `reasons` (a list; `--format json` has it).
 */
export const VERDICT_CSV_COLUMNS = [
  'scenario',
  'file',
  'artifact',
  'device',
  'at',
  'time',
  'path',
  'sha256',
  'threat',
  'technique',
  'class',
  'outcome',
  'by',
  'detectionStatus',
  'actionCenter',
] as const;

/**
 * Writes every scenario's verdicts as CSV with a header row to `write`, one row at a time, each
 * scenario's verdicts streaming from a replay of its run: memory stays flat however many artifacts
 * there are. A missing optional value (`sha256`, `threat`, `technique`) is an empty cell. Every cell
 * goes through `forCsv` (RFC 4180 quoting, formula guard); rows end in CRLF.
 *
 * @example
 * const chunks: string[] = [];
 * renderVerdictsCsv([report], (chunk) => void chunks.push(chunk));
 * chunks[0]; // 'scenario,file,artifact,device,at,time,path,…\r\n'
 */
export function renderVerdictsCsv(reports: readonly ScenarioReport[], write: Write): void {
  write(`${VERDICT_CSV_COLUMNS.join(',')}\r\n`);
  for (const report of reports) {
    if (report.run.counts.artifacts === 0) continue;
    report.replay({
      verdict: (verdict, artifact) => write(`${verdictRow(report, verdict, artifact).map(forCsv).join(',')}\r\n`),
    });
  }
}

// The values as the JSON report writes them (sha256 lower case, time from the one timestampAt), so both agree.
function verdictRow(report: ScenarioReport, verdict: Verdict, artifact: Artifact): string[] {
  return [
    report.name,
    report.file,
    verdict.artifact,
    verdict.device,
    formatDuration(verdict.at),
    timestampAt(report.startMs, verdict.at),
    artifact.path,
    artifact.sha256?.toLowerCase() ?? '',
    artifact.threat ?? '',
    artifact.technique ?? '',
    verdict.class,
    verdict.outcome,
    verdict.by,
    verdict.detectionStatus,
    String(verdict.actionCenter),
  ];
}
