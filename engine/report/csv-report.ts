/** `--format csv`: the Action Center History export, one row per completed action, modelled on the portal's columns. */
import { timestampAt } from '../core/duration.ts';
import { forCsv } from '../core/escape.ts';
import type { ScenarioReport } from './scenario-report.ts';

/** Column order of the CSV export (documented in scenarios/README.md). */
export const CSV_COLUMNS = [
  'Action ID',
  'Action update time',
  'Device',
  'Action type',
  'Action source',
  'Entity',
  'Status',
  'Detection status',
  'Remediated by',
  'Artifact',
  'Scenario',
] as const;

/**
 * Renders every scenario's Action Center entries as CSV with a header row.
 *
 * @example
 * renderCsv([report]).split('\n')[0]; // 'Action ID,Action update time,Device,…'
 */
export function renderCsv(reports: readonly ScenarioReport[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const report of reports) {
    for (const entry of report.run.actionCenter) {
      rows.push(
        [
          entry.id,
          timestampAt(report.startMs, entry.at),
          entry.device,
          entry.actionType,
          entry.actionSource,
          entry.entity,
          entry.status,
          entry.detectionStatus,
          entry.remediatedBy === 'mdav' ? 'Microsoft Defender Antivirus' : 'EDR in block mode',
          entry.artifact,
          report.name,
        ]
          .map(forCsv)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
