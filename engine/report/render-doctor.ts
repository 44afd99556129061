/** `edrsim doctor`'s output: a diagnosed `Get-MpComputerStatus` export as text or JSON. */
import { forJsonText, terminalLine } from '../core/escape.ts';
import type { Reason } from '../core/vocabulary.ts';
import type { StatusCheck, StatusDiagnosis } from '../model/index.ts';
import { CiteNotes } from './cite-notes.ts';

/** The diagnosis and the files it was read from, as the user named them. */
export interface DoctorView {
  readonly diagnosis: StatusDiagnosis;
  readonly status: string;
  readonly mppref?: string;
}

function where(view: DoctorView, check: StatusCheck): string {
  if (check.from === undefined) return check.field;
  const file = check.from.file === 'status' ? view.status : (view.mppref ?? '');
  return `${check.field}, ${file}:${check.from.line}:${check.from.column}`;
}

/**
 * The text report: the mode and `AMRunningMode`, the checklist (met, unmet, unknown, each naming its
 * field), then what works in this mode (yes, no, depends), every reason with its cite as a numbered footnote
 * that gives the source's title and link (wrapped to `width` columns; default none).
 *
 * @example
 * renderDoctorText({ diagnosis, status: 'status.txt' }).split('\n')[2]; // 'Mode: passive (AMRunningMode: Passive Mode, status.txt:3:35)'
 */
export function renderDoctorText(view: DoctorView, width?: number): string {
  const { diagnosis } = view;
  const notes = new CiteNotes();
  const cited = (reason: Reason) => `${reason.message}${reason.cite ? ` (${notes.ref(reason.cite)})` : ''}`;
  const running = diagnosis.runningMode;
  const sources = view.mppref === undefined ? view.status : `${view.status} + ${view.mppref}`;
  const at =
    running === undefined
      ? 'no AMRunningMode'
      : `AMRunningMode: ${running.value}, ${view.status}:${running.line}:${running.column}`;
  return [
    terminalLine`edrsim doctor: ${sources}`,
    '',
    terminalLine`Mode: ${diagnosis.mode} (${at})`,
    terminalLine`  ${cited(diagnosis.modeReason)}`,
    '',
    'EDR in block mode requirements:',
    ...diagnosis.checklist.map(
      (check) => terminalLine`  ${check.state.padEnd(8)} ${check.label}: ${cited(check.reason)} [${where(view, check)}]`,
    ),
    '',
    'What works in this mode:',
    ...diagnosis.capabilities.map((item) => terminalLine`  ${item.works.padEnd(8)} ${item.label}: ${cited(item.reason)}`),
    '',
    ...(notes.empty ? [] : [...notes.lines(width), '']),
  ].join('\n');
}

/**
 * The JSON report: the same facts as the text, field names stable for scripts.
 *
 * @example
 * JSON.parse(renderDoctorJson(view)).checklist[0].state; // 'unknown'
 */
export function renderDoctorJson(view: DoctorView): string {
  const { diagnosis } = view;
  const document = {
    status: view.status,
    ...(view.mppref === undefined ? {} : { mppref: view.mppref }),
    mode: diagnosis.mode,
    runningMode: diagnosis.runningMode ?? null,
    modeReason: diagnosis.modeReason,
    blockModeEffective: diagnosis.blockModeEffective ?? null,
    checklist: diagnosis.checklist.map((check) => ({
      ...check,
      ...(check.from === undefined
        ? {}
        : { from: { ...check.from, file: check.from.file === 'status' ? view.status : (view.mppref ?? '') } }),
    })),
    capabilities: diagnosis.capabilities,
  };
  return `${forJsonText(JSON.stringify(document, null, 2))}\n`;
}
