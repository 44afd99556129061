/** Which alerts start an automated investigation, and whether AIR can run on the device at all (§6.5, §6.6). */
import type { DeviceConfig } from '../core/config.ts';
import type { AutomationLevel, InvestigationState, MdavMode, Reason } from '../core/vocabulary.ts';

/** Alert `detectionSource` values the pipeline raises (§6.6; the same words as `AlertSource` in `pipeline/verdict.ts`). */
export type TriggerSource = 'WindowsDefenderAv' | 'WindowsDefenderAtp' | 'CustomerTI';

/** One row of the trigger table: does an alert of this source start (or join) an investigation, and on what basis. */
export interface TriggerRule {
  readonly starts: boolean;
  readonly why: string;
  /** `[inference]` when the docs do not decide it. */
  readonly cite: string;
}

/**
 * The trigger table. air: "in general, an automated investigation starts when an alert is triggered", and alerts
 * raised on the device while one runs join it. Antivirus and EDR alerts are Defender for Endpoint alerts, so they
 * start one; air-results' examples show Antivirus alerts ("… was prevented") with investigation states. Custom TI
 * (indicator) alerts: the docs never say; air-results lists `CustomEnterpriseBlock` alerts as SuccessfullyRemediated,
 * so they start one too [inference].
 */
export const INVESTIGATION_TRIGGERS: Readonly<Record<TriggerSource, TriggerRule>> = {
  WindowsDefenderAv: { starts: true, why: 'an Antivirus alert starts an automated investigation', cite: '§6.5' },
  WindowsDefenderAtp: { starts: true, why: 'an EDR alert starts an automated investigation', cite: '§6.5' },
  CustomerTI: {
    starts: true,
    why: 'a custom TI (indicator) alert starts an automated investigation; the docs are silent, air-results shows such alerts remediated',
    cite: '[inference]',
  },
};

/** Operating systems AIR supports (§6.5, air). Server 1803 is not on the list; 2012 R2 and 2016 need the unified agent. */
const SUPPORTED_OS: ReadonlySet<string> = new Set([
  'windows-10',
  'windows-11',
  'server-2012-r2',
  'server-2016',
  'server-2019',
  'server-2022',
  'server-2025',
]);

/** Whether AIR can investigate on a device, and the `investigationState` it ends in when not. */
export interface AirSupport {
  readonly supported: boolean;
  /** Set when not supported: the state an investigation on this device takes at once. */
  readonly state?: Extract<InvestigationState, 'UnsupportedOs' | 'Failed'>;
  readonly reason: Reason;
}

const air = (code: string, message: string, cite: string): Reason => ({ layer: 'air', code, message, cite });
const support = (state: AirSupport['state'], ...reason: Parameters<typeof air>): AirSupport => ({
  supported: state === undefined,
  ...(state === undefined ? {} : { state }),
  reason: air(...reason),
});

/**
 * Whether AIR runs on a device (§6.5, air): its OS must be on the list (Server 1803 is not; Windows 10's 1709/1803
 * build floors are below every build the simulator models), Server 2012 R2 and 2016 need the unified agent, and
 * Defender Antivirus must be active or passive. An unsupported OS gives `UnsupportedOs`. Defender Antivirus disabled
 * or uninstalled gives `Failed` [inference]: the page says AIR "will not function correctly" (T88), and `Failed` is
 * the state whose definition is an analyzer that could not complete; the API has no state for a missing antivirus.
 *
 * @example
 * airSupport({ os: 'server-1803', serverAgent: 'unified' }, 'active').state; // 'UnsupportedOs'
 * airSupport({ os: 'server-2016', serverAgent: 'unified' }, 'not-installed').state; // 'Failed' (T88)
 */
export function airSupport(device: Pick<DeviceConfig, 'os' | 'serverAgent'>, mode: MdavMode): AirSupport {
  if (!SUPPORTED_OS.has(device.os))
    return support('UnsupportedOs', 'air-unsupported-os', `AIR does not support ${device.os}`, '§6.5');
  if ((device.os === 'server-2012-r2' || device.os === 'server-2016') && device.serverAgent !== 'unified')
    return support('UnsupportedOs', 'air-needs-unified-agent', `AIR on ${device.os} needs the unified agent`, '§6.5');
  if (mode !== 'active' && mode !== 'passive')
    return support(
      'Failed',
      'air-needs-mdav',
      `AIR needs Defender Antivirus active or passive; it is ${mode}, so AIR does not function correctly`,
      'T88, [inference]',
    );
  return support(undefined, 'air-supported', `AIR runs: ${device.os} is supported and Defender Antivirus is ${mode}`, '§6.5');
}

/** What an alert does to AIR on its device: open a new investigation, join the one running there, or nothing. */
export interface AlertInvestigation {
  readonly action: 'open' | 'join' | 'none';
  readonly reason: Reason;
}

/**
 * Decides, for one alert, whether it opens an investigation, joins the device's open one (air: alerts raised on the
 * device while an investigation runs are added to it until it completes), or starts none: under `none` (which Plan 1
 * and No automated response both give, T78) and for a source that starts none. `open` is whether the device has an
 * investigation that has not completed. Whether AIR can run there is `airSupport`'s question, asked when it starts.
 *
 * @example
 * alertInvestigation('WindowsDefenderAv', 'full', false).action; // 'open'
 * alertInvestigation('WindowsDefenderAtp', 'none', false).action; // 'none' (T78)
 */
export function alertInvestigation(source: TriggerSource, level: AutomationLevel, open: boolean): AlertInvestigation {
  if (level === 'none') return { action: 'none', reason: air('air-off', 'no automated response: no investigation', 'T78') };
  const rule = INVESTIGATION_TRIGGERS[source];
  if (!rule.starts)
    return { action: 'none', reason: air('air-no-trigger', `a ${source} alert starts no investigation`, rule.cite) };
  if (open) return { action: 'join', reason: air('air-join', 'the alert joins the investigation running on its device', '§6.5') };
  return { action: 'open', reason: air('air-open', rule.why, rule.cite) };
}
