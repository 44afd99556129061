/** `edrsim explain --artifact`: one verdict's layer-by-layer trace, written to teach from. */
import type { Artifact } from '../core/artifact.ts';
import { formatDuration } from '../core/duration.ts';
import { terminalLine } from '../core/escape.ts';
import { wrapText } from '../core/wrap-text.ts';
import type { AlertSource, Verdict } from '../pipeline/verdict.ts';
import { CiteNotes } from './cite-notes.ts';

/** The portal's label for each API detection source (§6.6, alerts-queue). */
const SOURCE_LABELS: Readonly<Record<AlertSource, string>> = {
  WindowsDefenderAv: 'Antivirus',
  WindowsDefenderAtp: 'EDR',
  CustomerTI: 'Custom TI',
};

const signal = (flag: boolean) => (flag ? 'would flag' : 'would miss');

/** Options of {@link renderTrace} and {@link renderDeviceStatus}. */
export interface TraceOptions {
  /** The terminal's width: lines wrap at spaces to fit it, never inside a word. Default: no wrapping. */
  readonly width?: number;
}

/**
 * Renders the artifact, its ground truth, every reason in order, and the verdict with its alerts and
 * Action Center entry. Each reason's cite gets a footnote number; the footnotes (title and link of each
 * source) end the trace.
 *
 * @example
 * renderTrace(artifact, verdict).includes('verdict: blocked by edr-block-mode'); // true for T32
 */
export function renderTrace(artifact: Artifact, verdict: Verdict, options: TraceOptions = {}): string {
  const notes = new CiteNotes();
  const lines = [
    // Ids, names, paths, threats, reason messages and alert titles are user text: terminalLine escapes them.
    terminalLine`artifact ${artifact.id} on ${artifact.device} at ${formatDuration(artifact.at)}: ${artifact.class} ${artifact.kind} ${artifact.path}`,
    terminalLine`  trigger ${artifact.trigger}${artifact.scanType ? ` (${artifact.scanType} scan)` : ''}${artifact.process ? `, opened by ${artifact.process}` : ''}`,
    ...(artifact.threat || artifact.technique
      ? [terminalLine`  threat ${artifact.threat ?? '-'}, technique ${artifact.technique ?? '-'}`]
      : []),
    `  ground truth: primary AV ${signal(artifact.signals.primaryAv)}, Defender Antivirus ${signal(artifact.signals.mdav)}, EDR sensor ${signal(artifact.signals.edr)}`,
    '',
    ...verdict.reasons.map(
      (reason, index) =>
        terminalLine`${String(index + 1).padStart(2)}. [${reason.layer}] ${reason.message}` +
        (reason.cite ? ` (${notes.ref(reason.cite)})` : ''),
    ),
    '',
    `verdict: ${verdictSummary(verdict)}`,
    ...verdict.alerts.map(
      (alert) =>
        terminalLine`alert: "${alert.title}" (${alert.severity}, source ${SOURCE_LABELS[alert.detectionSource]}, status ${alert.detectionStatus})`,
    ),
    ...(verdict.actionCenterEntry ? [actionCenterLine(verdict.actionCenterEntry)] : []),
    '',
    ...(notes.empty ? [] : [...notes.lines(options.width), '']),
  ];
  return lines.flatMap((line) => wrapText(line, options.width, { hang: '      ' })).join('\n');
}

/**
 * A verdict in one line: outcome, the blocking layer when there is one, detection status, Action Center entry.
 *
 * @example
 * verdictSummary(verdict); // 'blocked by edr-block-mode, detection status Blocked, Action Center entry: yes'
 */
export function verdictSummary(verdict: Pick<Verdict, 'outcome' | 'by' | 'detectionStatus' | 'actionCenter'>): string {
  return `${verdict.outcome}${verdict.by === 'none' ? '' : ` by ${verdict.by}`}, detection status ${verdict.detectionStatus}, Action Center entry: ${verdict.actionCenter ? 'yes' : 'no'}`;
}

function actionCenterLine(entry: { actionType: string; actionSource: string; status: string; detectionStatus: string }): string {
  return terminalLine`Action Center History: ${entry.actionType}, ${entry.actionSource}, ${entry.status}, ${entry.detectionStatus}`;
}
