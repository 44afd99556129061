/** A diffed scenario under one side's policy: the parts the side carries replace the scenario's own. */
import type { DeviceConfig } from '../core/config.ts';
import type { Issue } from '../core/issue.ts';
import type { SimulationInput, TimelineEvent } from '../core/simulation-input.ts';
import type { Scenario } from '../scenario/index.ts';
import type { DiffPolicy } from './diff-policy.ts';

/**
 * The simulation of `scenario` with `policy` applied, over `timeline` (default the scenario's own): the
 * tenant's switches and groups, settings, global lists, indicators and each named device's own lists
 * replace the scenario's where the policy carries them.
 *
 * @example
 * const input = applyPolicy(scenario, head); // the same fleet and artifacts, HEAD's exclusions
 */
export function applyPolicy(
  scenario: SimulationInput,
  policy: Omit<DiffPolicy, 'source' | 'what' | 'text'>,
  timeline: readonly TimelineEvent[] = scenario.timeline,
): SimulationInput {
  const own = policy.deviceExclusions;
  const devices: readonly DeviceConfig[] =
    own === undefined
      ? scenario.devices
      : scenario.devices.map((device) =>
          own[device.name] === undefined ? device : { ...device, exclusions: own[device.name]! },
        );
  return {
    seed: scenario.seed,
    startMs: scenario.startMs,
    settings: policy.settings ?? scenario.settings,
    tenant: policy.tenant === undefined ? scenario.tenant : { ...scenario.tenant, ...policy.tenant },
    devices,
    exclusions: policy.exclusions ?? scenario.exclusions,
    indicators: policy.indicators ?? scenario.indicators,
    timeline,
  };
}

/**
 * A timeline `change` that alters a part of the policy either side carries: the diff compares two
 * policies, not two timelines, so such a scenario is bad input (one issue per change).
 *
 * @example
 * policyChangesInTimeline(scenario, [base, head]); // [{ code: 'policy_change_in_timeline', … }]
 */
export function policyChangesInTimeline(scenario: Scenario, sides: readonly DiffPolicy[]): Issue[] {
  const carries = (part: 'tenant' | 'settings' | 'exclusions' | 'indicators' | 'deviceExclusions') =>
    sides.some((side) => side[part] !== undefined);
  const issues: Issue[] = [];
  for (const event of scenario.timeline) {
    if (event.kind !== 'change') continue;
    const change = event.change;
    const parts: string[] = [];
    if (carries('exclusions') && change.exclusions !== undefined) parts.push('exclusions');
    if (carries('indicators') && change.indicators !== undefined) parts.push('indicators');
    const tenant = change.tenant ?? {};
    if (carries('tenant') && ('edrBlockMode' in tenant || 'allowOrBlockFile' in tenant || 'deviceGroups' in tenant))
      parts.push('tenant');
    if (carries('deviceExclusions') && Object.values(change.devices ?? {}).some((patch) => patch.exclusions !== undefined)) {
      parts.push('device exclusions');
    }
    if (parts.length === 0) continue;
    issues.push({
      code: 'policy_change_in_timeline',
      path: ['timeline', event.order, 'change'],
      file: scenario.file,
      message: `the timeline change at ${event.at} ms alters the ${parts.join(' and ')} that the diff compares: a diff compares two policies, not two timelines`,
      hint: 'diff a scenario without policy changes in its timeline, or move the change into BASE or HEAD',
    });
  }
  return issues;
}
