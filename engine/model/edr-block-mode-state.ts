/** A device's EDR in block mode state: the propagated switches (portal, device paths) combined with the §3.2 requirements. */
import { append, maxOf, minOf } from '../core/append.ts';
import { formatDuration } from '../core/duration.ts';
import type { Reason } from '../core/vocabulary.ts';
import { PORTAL_ON, type DeviceBlockModeRequest } from './block-mode-paths.ts';
import type { BlockModeSwitchState } from './block-mode-switch.machine.ts';
import type { Requirement } from './requirement.ts';
import { reasonFor } from '../core/reason.ts';

export interface EdrBlockModeState {
  /** Remediates now (disable-pending counts as effective). */
  readonly effective: boolean;
  /** Requested by any path, after propagation. */
  readonly switchedOn: boolean;
  readonly pending?: 'disable-pending' | 'enable-pending';
  /** Summary first, then the paths, pending propagation and every unmet requirement. */
  readonly reasons: readonly Reason[];
  readonly requirements: readonly Requirement[];
}

/** Where one switch stands in its propagation. */
export interface SwitchView {
  readonly state: BlockModeSwitchState;
  readonly dueAt: number | undefined;
}

const NOT_SWITCHED_ON =
  'no path turns EDR in block mode on: the portal switch is off, no CSP PassiveRemediation bit 0x1 applies and the GPO is not enabled';

const reason = reasonFor('edr-block-mode');

function anyIn(state: BlockModeSwitchState, views: readonly SwitchView[]): boolean {
  return views.some((view) => view.state === state);
}

function dueTimes(state: BlockModeSwitchState, views: readonly SwitchView[]): number[] {
  return views.filter((view) => view.state === state && view.dueAt !== undefined).map((view) => view.dueAt as number);
}

/**
 * Combines the portal switch and the device-level switch (each after its propagation delay) with the
 * requirements: switched on while any switch is `on` or `disabling` (contract §3: a disable takes
 * effect at exactly t0 + d), effective when switched on and every requirement is met.
 *
 * @example
 * edrBlockModeState(requirements, request, { state: 'disabling', dueAt: 1_800_000 }, { state: 'off', dueAt: undefined });
 * // { effective: true, switchedOn: true, pending: 'disable-pending', … } when all requirements are met
 */
export function edrBlockModeState(
  requirements: readonly Requirement[],
  request: DeviceBlockModeRequest,
  portal: SwitchView,
  device: SwitchView,
): EdrBlockModeState {
  const views = [portal, device];
  const anyOn = anyIn('on', views);
  const switchedOn = anyOn || anyIn('disabling', views);
  const pending =
    !anyOn && switchedOn ? 'disable-pending' : !switchedOn && anyIn('enabling', views) ? 'enable-pending' : undefined;
  const unmet = requirements.filter((requirement) => !requirement.met).map((requirement) => requirement.reason);
  const effective = switchedOn && unmet.length === 0;
  const details: Reason[] = [];
  if (portal.state === 'on') details.push(PORTAL_ON);
  append(details, request.reasons);
  if (pending === 'disable-pending') {
    // §3.5: "can take up to 30 minutes"; the device keeps remediating until the last path lets go.
    const until = formatDuration(maxOf(dueTimes('disabling', views)));
    const message = `EDR in block mode was turned off; it keeps remediating until the change reaches the device at ${until}`;
    details.push(reason('disable-pending', message, '§3.5'));
  } else if (pending === 'enable-pending') {
    const from = formatDuration(minOf(dueTimes('enabling', views)));
    details.push(reason('enable-pending', `EDR in block mode was turned on; it takes effect at ${from}`, '§3.5'));
  } else if (!switchedOn) {
    details.push(reason('not-switched-on', NOT_SWITCHED_ON, '§3.3'));
  }
  const summary = effective
    ? reason('effective', 'EDR in block mode is effective: it remediates what EDR detects on this device', '§3.1')
    : reason(
        'not-effective',
        switchedOn ? 'EDR in block mode is switched on but a requirement is unmet' : 'EDR in block mode is not switched on',
        '§3.2',
      );
  return {
    effective,
    switchedOn,
    ...(pending === undefined ? {} : { pending }),
    reasons: [summary, ...details, ...unmet],
    requirements,
  };
}
