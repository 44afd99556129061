/** `--format hunting`: one advanced hunting table as JSON Lines, one row per line, streamed from a replay of each scenario. */
import { forJsonText } from '../core/escape.ts';
import type { HuntingTable } from './hunting-columns.ts';
import { alertEvidenceRow, alertInfoRow, deviceEventRow } from './hunting-rows.ts';
import { recordContext, replayAlerts } from './record-context.ts';
import type { ScenarioReport, Write } from './scenario-report.ts';

/**
 * Writes `table`'s rows for every scenario as JSON Lines: one JSON object per line, with exactly the table's
 * columns (hunting-columns.ts), `null` where the run has no value. Scenarios follow one another in the file; their
 * rows never mix, because `DeviceId` and `AlertId` are derived from the scenario (its name and seed) and the
 * device or alert. A line break inside a path is `\n` in the JSON string, never a new line; invisible characters
 * are `\u` escapes, as in `--format json`. One row is held at a time.
 *
 * @example
 * const lines: string[] = [];
 * renderHunting('AlertInfo', [report], (chunk) => void lines.push(chunk));
 * JSON.parse(lines[0]).AlertId; // 'da639032004600000000_1440410858'
 */
export function renderHunting(table: HuntingTable, reports: readonly ScenarioReport[], write: Write): void {
  for (const report of reports) {
    const ctx = recordContext(report);
    let reportId = 0;
    replayAlerts(report, (item) => {
      const row =
        table === 'AlertInfo'
          ? alertInfoRow(item, ctx)
          : table === 'AlertEvidence'
            ? alertEvidenceRow(item, ctx)
            : deviceEventRow(item, ctx, reportId + 1);
      if (row === undefined) return;
      if (table === 'DeviceEvents') reportId++;
      write(`${forJsonText(JSON.stringify(row))}\n`);
    });
  }
}
