/** `--format csv`: the Action Center History export, one row per completed action, modelled on the portal's columns. */
import { timestampAt } from '../core/duration.ts';
import { forCsv } from '../core/escape.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';

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
 * Writes every scenario's Action Center entries as CSV with a header row to `write`, one row at a time:
 * each scenario's entries stream from a replay of its run, skipped when it has none.
 *
 * @example
 * const chunks: string[] = [];
 * renderCsv([report], (chunk) => void chunks.push(chunk));
 * chunks[0]; // 'Action ID,Action update time,Device,…\r\n'
 */
export function renderCsv(reports: readonly ScenarioReport[], write: Write): void {
  write(`${CSV_COLUMNS.join(',')}\r\n`);
  for (const report of reports) {
    const air = report.run.air?.records.entries ?? [];
    // An AIR scenario's own entries follow the layers' (contract §5.4): Status says Pending, TimedOut, Undone…
    const airRows = () => {
      for (const entry of air) {
        const by = entry.actionSource === 'Manual device action' ? 'Manual response action' : 'Automated investigation';
        const cells = [entry.id, timestampAt(report.startMs, entry.decidedAt ?? entry.at), entry.device, entry.actionType];
        const rest = [entry.actionSource, entry.entity, entry.status, '', by, entry.artifact, report.name];
        write(`${cells.concat(rest).map(forCsv).join(',')}\r\n`);
      }
    };
    if (report.run.counts.actionCenter === 0) {
      airRows();
      continue;
    }
    report.replay({
      actionCenter: (entry) => {
        const row = [
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
          .join(',');
        write(`${row}\r\n`);
      },
    });
    airRows();
  }
}
