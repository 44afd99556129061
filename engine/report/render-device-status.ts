/** `edrsim explain --device`: the device as `Get-MpComputerStatus` and `sc query windefend` print it, plus the block-mode checklist. */
import { formatDuration } from '../core/duration.ts';
import { terminalLine } from '../core/escape.ts';
import { wrapText } from '../core/wrap-text.ts';
import { CiteNotes } from './cite-notes.ts';
import type { TraceOptions } from './render-trace.ts';
import type { DeviceState, MpComputerStatus, Recommendation, WinDefendService } from '../model/index.ts';

export interface DeviceStatusView {
  readonly state: DeviceState;
  readonly status: MpComputerStatus;
  readonly service: WinDefendService;
  readonly recommendation: Recommendation;
  readonly at: number;
}

const yesNo = (value: boolean) => (value ? 'True' : 'False');

/**
 * Renders a device's status block, in PowerShell's `Name : Value` layout, then the checklist with ✔/✘; cites
 * are numbered footnotes with their sources' titles and links at the end.
 *
 * @example
 * renderDeviceStatus(view).split('\n')[2]; // 'AMRunningMode                   : EDR Block Mode'
 */
export function renderDeviceStatus(view: DeviceStatusView, options: TraceOptions = {}): string {
  const { state, status, service, recommendation } = view;
  const notes = new CiteNotes();
  const cite = (text: string | undefined) => (text ? ` (${notes.ref(text)})` : '');
  const name = state.config.name;
  const rows: [string, string][] = [
    ['AMRunningMode', status.AMRunningMode],
    ['AMProductVersion', status.AMProductVersion],
    ['AMEngineVersion', status.AMEngineVersion],
    ['AMServiceEnabled', yesNo(status.AMServiceEnabled)],
    ['IsTamperProtected', yesNo(status.IsTamperProtected)],
  ];
  const block = state.edrBlockMode;
  const headline = block.effective
    ? block.pending === 'disable-pending'
      ? 'effective (a disable is propagating)'
      : 'effective'
    : block.pending === 'enable-pending'
      ? 'not effective (an enable is propagating)'
      : 'not effective';
  return [
    // The device name and reason messages (paths, entries) are user text: terminalLine escapes them.
    terminalLine`PS C:\\> Get-MpComputerStatus        # ${name} at ${formatDuration(view.at)}`,
    '',
    ...rows.map(([key, value]) => terminalLine`${key.padEnd(32)}: ${value}`),
    '',
    'C:\\> sc query windefend',
    service.installed
      ? `        STATE              : ${service.state === 'RUNNING' ? '4  RUNNING' : '1  STOPPED'}`
      : '[SC] EnumQueryServicesStatus:OpenService FAILED 1060: The specified service does not exist as an installed service.',
    '',
    `Defender Antivirus mode: ${state.mode}`,
    ...state.modeReasons.map((reason) => terminalLine`  ${reason.message}` + cite(reason.cite)),
    '',
    `EDR in block mode: ${headline}`,
    ...block.requirements.map(
      (requirement) =>
        terminalLine`  ${requirement.met ? '✔' : '✘'} ${requirement.label}: ${requirement.reason.message}` +
        cite(requirement.reason.cite),
    ),
    ...block.reasons.map((reason) => terminalLine`  • ${reason.message}` + cite(reason.cite)),
    '',
    terminalLine`Recommendation "Turn on EDR in block mode": ${recommendation.present ? 'shown' : 'not shown'} — ${recommendation.reason.message}` +
      cite(recommendation.reason.cite),
    '',
    ...(notes.empty ? [] : [...notes.lines(options.width), '']),
  ]
    .flatMap((line) => wrapText(line, options.width, { hang: '      ' }))
    .join('\n');
}
