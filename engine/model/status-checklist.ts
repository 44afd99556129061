/** The block-mode checklist of a `Get-MpComputerStatus` export: each §3.2 prerequisite met, unmet or unknown, and from which field. */
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, deviceWithDefaults, type ConflictSettings } from '../core/config.ts';
import type { ReadField, StatusDevice } from '../core/device-facts.ts';
import { reasonFor } from '../core/reason.ts';
import type { Reason } from '../core/vocabulary.ts';
import { blockModeRequirements } from './block-mode-requirements.ts';
import type { RequirementId } from './requirement.ts';

export type CheckState = 'met' | 'unmet' | 'unknown';

/** One line of the checklist: the engine's requirement, its state, and the field it was (or would be) read from. */
export interface StatusCheck {
  /** A §3.2 requirement, or `switched-on`: one of the §3.3 paths turned it on. */
  readonly id: RequirementId | 'switched-on';
  readonly label: string;
  readonly state: CheckState;
  /** `AMProductVersion`, `MAPSReporting (Get-MpPreference)`, … or, when unknown, what would tell it. */
  readonly field: string;
  /** Where the field was read: the status export or the `--mppref` export, with line and column. */
  readonly from?: { readonly file: 'status' | 'mppref'; readonly line: number; readonly column: number };
  readonly reason: Reason;
}

const statusReason = reasonFor('device-status', '§3.2');

/** Facts beside the export: cloud protection from Get-MpPreference `MAPSReporting`, when given. */
export interface ExtraFacts {
  readonly cloudProtection?: ReadField<boolean>;
}

function unknown(id: StatusCheck['id'], label: string, field: string, message: string, cite = '§3.2'): StatusCheck {
  return { id, label, state: 'unknown', field, reason: statusReason(`${id}-unknown`, message, cite) };
}

/**
 * The checklist for a device known only by its export. The engine's own requirements (`blockModeRequirements`,
 * same ids, labels and reasons) judge what the export shows: the mode, `AMProductVersion`,
 * `AMEngineVersion`, and cloud protection when `--mppref` gives `MAPSReporting`. Licence, onboarding and
 * operating system are not in Get-MpComputerStatus, so they stay unknown: nothing is defaulted.
 *
 * @example
 * statusChecklist(statusDevice(facts)).find((c) => c.id === 'onboarded')?.state; // 'unknown'
 */
export function statusChecklist(
  device: StatusDevice,
  extra: ExtraFacts = {},
  settings: ConflictSettings = DEFAULT_CONFLICT_SETTINGS,
): StatusCheck[] {
  const { facts } = device;
  const product = facts.AMProductVersion;
  const engine = facts.AMEngineVersion;
  const cloud = extra.cloudProtection;
  const probe = deviceWithDefaults({
    name: 'status',
    os: 'windows-11',
    mdav: {
      installed: true,
      platform: product?.value ?? '0.0.0.0',
      engine: engine?.value ?? '0.0.0.0',
      cloudProtection: cloud?.value ?? false,
    },
  });
  const engineSays = new Map(
    blockModeRequirements(probe, DEFAULT_TENANT, device.mode ?? 'active', settings).map((r) => [r.id, r] as const),
  );
  const judged = (
    id: RequirementId,
    field: string,
    read: ReadField<unknown>,
    file: 'status' | 'mppref' = 'status',
  ): StatusCheck => {
    const requirement = engineSays.get(id)!;
    const from = { file, line: read.line, column: read.column };
    return { id, label: requirement.label, state: requirement.met ? 'met' : 'unmet', field, from, reason: requirement.reason };
  };
  const label = (id: RequirementId) => engineSays.get(id)!.label;
  const running = facts.AMRunningMode;
  const service = facts.AMServiceEnabled;
  return [
    unknown('plan-2', label('plan-2'), 'tenant licence', "the licence is the tenant's: Get-MpComputerStatus does not show it"),
    unknown(
      'onboarded',
      label('onboarded'),
      'sc.exe query sense',
      'onboarding is not in Get-MpComputerStatus; `sc.exe query sense` shows the EDR sensor running',
      '§1.2',
    ),
    running !== undefined && device.mode !== undefined
      ? judged('mdav-active-or-passive', 'AMRunningMode', running)
      : service !== undefined
        ? {
            id: 'mdav-active-or-passive',
            label: label('mdav-active-or-passive'),
            state: service.value ? 'met' : 'unmet',
            field: 'AMServiceEnabled',
            from: { file: 'status', line: service.line, column: service.column },
            reason: statusReason(
              service.value ? 'service-running' : 'service-stopped',
              `AMServiceEnabled is ${service.value ? 'True: the Defender Antivirus service runs' : 'False: the Defender Antivirus service does not run'}`,
            ),
          }
        : unknown(
            'mdav-active-or-passive',
            label('mdav-active-or-passive'),
            'AMRunningMode',
            'the export has neither AMRunningMode nor AMServiceEnabled',
          ),
    cloud === undefined
      ? unknown(
          'cloud-protection',
          label('cloud-protection'),
          'MAPSReporting (Get-MpPreference)',
          'cloud-delivered protection (MAPS) is in Get-MpPreference, not Get-MpComputerStatus: give --mppref',
        )
      : judged('cloud-protection', 'MAPSReporting (Get-MpPreference)', cloud, 'mppref'),
    product === undefined
      ? unknown('platform-version', label('platform-version'), 'AMProductVersion', 'the export has no AMProductVersion')
      : judged('platform-version', 'AMProductVersion', product),
    engine === undefined
      ? unknown('engine-version', label('engine-version'), 'AMEngineVersion', 'the export has no AMEngineVersion')
      : judged('engine-version', 'AMEngineVersion', engine),
    unknown('supported-os', label('supported-os'), 'operating system', 'the operating system is not in Get-MpComputerStatus'),
    device.blockModeEffective === true && running !== undefined
      ? {
          id: 'switched-on',
          label: 'turned on (portal switch, Group Policy or CSP PassiveRemediation)',
          state: 'met',
          field: 'AMRunningMode',
          from: { file: 'status', line: running.line, column: running.column },
          reason: statusReason('switched-on', 'AMRunningMode is EDR Block Mode: block mode is on and effective', '§3.6'),
        }
      : unknown(
          'switched-on',
          'turned on (portal switch, Group Policy or CSP PassiveRemediation)',
          'tenant setting',
          'the portal switch, the GPO and the CSP are not in Get-MpComputerStatus',
          '§3.3',
        ),
  ];
}
