/** The text report's Action Center part for AIR scenarios: entries by tab and status, investigations, actions (contract §5.4). */
import { formatDuration } from '../core/duration.ts';
import { terminalLine } from '../core/escape.ts';
import type { AirRecords } from '../pipeline/air-state.ts';
import { renderTable } from './table.ts';

/** At most this many entries and investigations are tabled; JSON lists them all. */
const MAX_ROWS = 40;

/**
 * Lines for an AIR run: the AIR and manual Action Center entries (tab, status, who decided), the investigations with
 * their state, and what happened to each timeline action. With `hide`, tab, status, state and outcome are blanks
 * (handouts). Table cells are escaped by `renderTable`; action lines by `terminalLine`.
 *
 * @example
 * airTextLines(run.air.records, false, {}).join('\n'); // 'Action Center (AIR and manual actions)\n…'
 */
export function airTextLines(records: AirRecords, hide: boolean, table: { width?: number }): string[] {
  const blank = (text: string) => (hide ? '____' : text);
  const lines = ['', 'Action Center (AIR and manual actions)'];
  if (records.entries.length === 0) lines.push('  (no entry)');
  else
    lines.push(
      renderTable(
        ['id', 'at', 'device', 'action type', 'artifact', 'tab', 'status', 'decided by'],
        records.entries
          .slice(0, MAX_ROWS)
          .map((entry) => [
            entry.id,
            formatDuration(entry.at),
            entry.device,
            entry.actionType,
            entry.artifact,
            blank(entry.tab),
            blank(entry.status),
            blank(entry.undoneBy ?? entry.decidedBy ?? ''),
          ]),
        table,
      ),
    );
  if (records.entries.length > MAX_ROWS) lines.push(`… and ${records.entries.length - MAX_ROWS} more entries`);
  if (records.investigations.length > 0) {
    lines.push('');
    lines.push(
      renderTable(
        ['investigation', 'device', 'state', 'artifacts'],
        records.investigations
          .slice(0, MAX_ROWS)
          .map((investigation) => [
            String(investigation.id),
            investigation.device,
            blank(investigation.state),
            investigation.artifacts.join(', '),
          ]),
        table,
      ),
    );
    if (records.investigations.length > MAX_ROWS)
      lines.push(`… and ${records.investigations.length - MAX_ROWS} more investigations`);
  }
  for (const action of records.actions)
    lines.push(
      terminalLine`action ${action.action} at ${formatDuration(action.at)}${action.by ? ` by ${action.by}` : ''}: ${blank(action.status)}${
        hide || action.status === 'applied' ? '' : ` — ${action.reasons[0]?.message ?? ''}`
      }`,
    );
  return lines;
}
