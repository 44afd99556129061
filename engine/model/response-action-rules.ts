/** Manual response actions and their documented limits, as pure checks with reasons (§6.4, T81–T84). */
import type { License } from '../core/config.ts';
import type { ActionType, MdavMode, OsName, Reason } from '../core/vocabulary.ts';

/** The manual response actions the Action Center tracks (§6.4). */
export type ManualActionType = Extract<
  ActionType,
  | 'Isolate device'
  | 'Stop and quarantine file'
  | 'Collect investigation package'
  | 'Run antivirus scan'
  | 'Restrict code execution'
>;

/** Plan 1 (and Defender for Business) has only these manual actions, plus adding a file indicator (§6.4, air-review). */
export const PLAN_1_ACTIONS: ReadonlySet<ManualActionType> = new Set<ManualActionType>([
  'Run antivirus scan',
  'Isolate device',
  'Stop and quarantine file',
]);

/** Stop and quarantine file acts on at most 1,000 devices; beyond, use an indicator (§6.4, T84). */
export const STOP_AND_QUARANTINE_MAX_DEVICES = 1_000;

/** An offline device is retried for up to 3 days for isolation (§6.4, T82). */
export const ISOLATION_RETRY_MS = 3 * 86_400_000;

/** One device a manual action targets, as the fleet model sees it when the action is submitted. */
export interface ResponseTarget {
  readonly name: string;
  readonly os: OsName;
  readonly mode: MdavMode;
}

export interface ResponseRequest {
  readonly action: ManualActionType;
  readonly license: License;
  readonly devices: readonly ResponseTarget[];
}

export interface ResponseCheck {
  /** False when the whole request is refused (licence, device count); per-device refusals are in `devices`. */
  readonly allowed: boolean;
  readonly reason: Reason;
  readonly devices: readonly { readonly name: string; readonly allowed: boolean; readonly reason: Reason }[];
}

const why = (code: string, message: string, cite: string): Reason => ({ layer: 'response', code, message, cite });

// Restrict app execution needs Windows 10 1709+, 11 or Server 2019+ (resp-dev).
const RESTRICT_OS: ReadonlySet<OsName> = new Set<OsName>([
  'windows-10',
  'windows-11',
  'server-2019',
  'server-2022',
  'server-2025',
]);

function perDevice(action: ManualActionType, device: ResponseTarget): { allowed: boolean; reason: Reason } {
  if (action === 'Stop and quarantine file' && device.mode !== 'active' && device.mode !== 'passive')
    return {
      allowed: false,
      reason: why(
        'response-needs-mdav',
        `stop and quarantine needs Defender Antivirus at least passive; it is ${device.mode}`,
        'T83',
      ),
    };
  if (action === 'Restrict code execution' && !RESTRICT_OS.has(device.os))
    return {
      allowed: false,
      reason: why('response-restrict-os', `restrict app execution does not support ${device.os}`, '§6.4'),
    };
  if (action === 'Isolate device' && device.mode === 'passive')
    return {
      allowed: true,
      reason: why('response-isolate-passive', 'isolation works with Defender Antivirus in passive mode', 'T82'),
    };
  return { allowed: true, reason: why('response-allowed', `${action} is supported on ${device.os}`, '§6.4') };
}

/**
 * Checks a manual response action before it is submitted: Plan 1 has only the §6.4 manual actions (no package
 * collection, no app restriction); stop and quarantine refuses more than 1,000 devices (T84) and, per device,
 * Defender Antivirus disabled or not installed (T83); restrict app execution refuses OSes before Windows 10 1709 and
 * Server 2019; isolation is allowed on passive devices (T82).
 *
 * @example
 * checkResponseAction({ action: 'Stop and quarantine file', license: 'plan-2', devices: [{ name: 'pc', os: 'windows-11', mode: 'disabled' }] })
 *   .devices[0]?.allowed; // false (T83)
 */
export function checkResponseAction(request: ResponseRequest): ResponseCheck {
  const refuse = (reason: Reason): ResponseCheck => ({ allowed: false, reason, devices: [] });
  if (request.license === 'plan-1' && !PLAN_1_ACTIONS.has(request.action))
    return refuse(
      why('response-plan-1', `Plan 1 has no "${request.action}": only run AV scan, isolate, stop and quarantine`, '§6.4'),
    );
  if (request.action === 'Stop and quarantine file' && request.devices.length > STOP_AND_QUARANTINE_MAX_DEVICES)
    return refuse(
      why(
        'response-too-many-devices',
        `stop and quarantine targets ${request.devices.length} devices; at most 1,000 (use an indicator)`,
        'T84',
      ),
    );
  const devices = request.devices.map((device) => ({ name: device.name, ...perDevice(request.action, device) }));
  return {
    allowed: true,
    reason: why('response-submitted', `${request.action} submitted to ${devices.length} device(s)`, '§6.4'),
    devices,
  };
}

/**
 * How an isolation submitted at `submittedAt` ends for a device that comes online at `onlineAt` (undefined: never):
 * taken when it comes online within 3 days, `Failed` at the end of the retry window otherwise ([inference]: the
 * machine action API would say `TimeOut`), `Pending` until then. `now` is the instant asked about.
 *
 * @example
 * isolationOutcome(0, 2 * 86_400_000, 3 * 86_400_000); // { status: 'Completed', at: 172800000 }
 */
export function isolationOutcome(
  submittedAt: number,
  onlineAt: number | undefined,
  now: number,
): { readonly status: 'Pending' | 'Completed' | 'Failed'; readonly at?: number } {
  const deadline = submittedAt + ISOLATION_RETRY_MS;
  const reached = onlineAt === undefined ? undefined : Math.max(onlineAt, submittedAt);
  if (reached !== undefined && reached <= deadline)
    return reached <= now ? { status: 'Completed', at: reached } : { status: 'Pending' };
  return now >= deadline ? { status: 'Failed', at: deadline } : { status: 'Pending' };
}
