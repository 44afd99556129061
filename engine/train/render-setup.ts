/** What a trainee is told before predicting: the fleet with its block-mode-relevant settings, the tenant and the policy. */
import { DEFAULT_MDAV, DEFAULT_TENANT, type DeviceConfig } from '../core/config.ts';
import { formatDuration } from '../core/duration.ts';
import { forTerminal } from '../core/escape.ts';
import { paint, SGR } from '../report/paint.ts';
import { wrapText } from '../core/wrap-text.ts';
import { renderTable } from '../report/table.ts';
import type { Scenario } from '../scenario/index.ts';

/** The defaults a fleet table leaves out, said once under it (the handout prints it too). */
export const LEGEND =
  'Settings not listed are the defaults: Defender Antivirus installed with platform ' +
  `${DEFAULT_MDAV.platform} and engine ${DEFAULT_MDAV.engine}, cloud protection on, tamper protection on, ` +
  'Security Center on, Smart App Control off, unified agent on servers, no CSP or GPO block-mode setting.';

/**
 * Renders the fleet as a table (consecutive devices with the same settings share one row), then the
 * tenant switch, device groups and propagation delays, then the exclusions and indicators. With `colour`
 * (default false; the CLI decides) the headings are bold and the legend dim.
 *
 * @example
 * renderSetup(scenario).startsWith('Fleet (1 device)'); // true
 */
export function renderSetup(scenario: Scenario, colour = false): string {
  const rows: string[][] = [];
  let first: DeviceConfig | undefined;
  let last: DeviceConfig | undefined;
  let count = 0;
  const flush = () => {
    if (first === undefined || last === undefined) return;
    const name = count === 1 ? first.name : `${first.name} … ${last.name} (${count})`;
    rows.push([name, ...cells(first)]);
  };
  for (const device of scenario.devices) {
    if (first !== undefined && key(device) === key(first)) {
      last = device;
      count++;
      continue;
    }
    flush();
    first = last = device;
    count = 1;
  }
  flush();
  const n = scenario.devices.length;
  return [
    paint(colour, SGR.bold, `Fleet (${n} device${n === 1 ? '' : 's'})`),
    indent(renderTable(['device', 'os', 'primary AV', 'onboarded', 'settings'], rows)),
    paint(colour, SGR.dim, indent(wrapText(LEGEND, 96).join('\n'))),
    '',
    paint(colour, SGR.bold, 'Tenant'),
    // Group names, paths and indicator titles are user text; the table escapes its own cells.
    ...tenantLines(scenario).map((line) => `  ${forTerminal(line)}`),
    '',
    paint(colour, SGR.bold, 'Policy'),
    ...policyLines(scenario).map((line) => `  ${forTerminal(line)}`),
  ].join('\n');
}

const indent = (text: string) => text.replace(/^/gm, '  ');

const key = (device: DeviceConfig) => cells(device).join('\u0000');

/** One device's row after its name: os, primary AV, onboarded, and its block-mode-relevant settings that differ from the defaults. */
export function cells(device: DeviceConfig): string[] {
  return [device.os, device.primaryAv, device.onboarded ? 'yes' : 'no', settings(device).join(', ') || '-'];
}

function settings(device: DeviceConfig): string[] {
  const out: string[] = [];
  const { mdav } = device;
  if (device.os === 'server-2012-r2' || device.os === 'server-2016') out.push(`${device.serverAgent} agent`);
  if (device.primaryAv === 'non-microsoft' && device.thirdPartyAv === 'expired') out.push('other antivirus expired');
  if (device.forceDefenderPassiveMode !== undefined) out.push(`ForceDefenderPassiveMode=${device.forceDefenderPassiveMode}`);
  if (device.turnOffDefenderPolicy !== 'none') out.push(`"Turn off Windows Defender" GPO ${device.turnOffDefenderPolicy}`);
  if (!device.securityCenter) out.push('Security Center service disabled');
  if (device.smartAppControl !== 'off') out.push(`Smart App Control ${device.smartAppControl}`);
  if (!device.tamperProtection) out.push('tamper protection off');
  if (!mdav.installed) out.push('Defender Antivirus not installed');
  if (mdav.platform !== DEFAULT_MDAV.platform) out.push(`platform ${mdav.platform}`);
  if (mdav.engine !== DEFAULT_MDAV.engine) out.push(`engine ${mdav.engine}`);
  if (!mdav.cloudProtection) out.push('cloud protection off');
  if (device.passiveRemediation !== undefined) out.push(`CSP PassiveRemediation=0x${device.passiveRemediation.toString(16)}`);
  if (device.groupPolicyEdrBlockMode) out.push('GPO "Enable EDR in block mode" on');
  const { paths, extensions, processes } = device.exclusions;
  const excluded = [...paths, ...extensions.map((e) => `ext ${e}`), ...processes.map((p) => `process ${p}`)];
  if (excluded.length > 0) out.push(`own exclusions: ${excluded.join('; ')}`);
  if (device.tags.length > 0) out.push(`tags ${device.tags.join(' ')}`);
  if (device.domain !== undefined) out.push(`domain ${device.domain}`);
  return out;
}

/** The tenant's licence, block-mode switch, advanced feature, propagation and device groups, one line each (user text raw). */
export function tenantLines(scenario: Scenario): string[] {
  const { tenant } = scenario;
  const lines = [
    `licence: Defender for Endpoint ${tenant.license === 'plan-1' ? 'Plan 1' : 'Plan 2'}`,
    `portal switch "Enable EDR in block mode": ${tenant.edrBlockMode ? 'on' : 'off'}`,
    `advanced feature "Allow or block file": ${tenant.allowOrBlockFile ? 'on' : 'off'}`,
  ];
  const { propagation } = tenant;
  if (
    propagation.edrBlockModeDisable !== DEFAULT_TENANT.propagation.edrBlockModeDisable ||
    propagation.edrBlockModeEnable !== DEFAULT_TENANT.propagation.edrBlockModeEnable
  ) {
    const after = (ms: number) => (ms === 0 ? 'immediately' : `after ${formatDuration(ms)}`);
    lines.push(
      `propagation: switching off reaches devices ${after(propagation.edrBlockModeDisable)}, switching on ${after(propagation.edrBlockModeEnable)}`,
    );
  }
  for (const group of [...tenant.deviceGroups].sort((a, b) => a.rank - b.rank)) {
    const match = Object.entries(group.match).map(([field, values]) => `${field} ${(values as readonly string[]).join('|')}`);
    const level = group.automationLevel === undefined ? '' : `; automation level ${group.automationLevel}`;
    lines.push(`device group "${group.name}" (rank ${group.rank}): ${match.join(' and ') || 'every device'}${level}`);
  }
  if (tenant.air === true) {
    // The facts AIR's level follows (§6.5), not the level it derives from them: that is often the question.
    const created =
      tenant.createdAt === undefined ? '' : `, tenant created ${new Date(tenant.createdAt).toISOString().slice(0, 10)}`;
    lines.push(
      `automated investigation and response (AIR): on${created}`,
      `ungrouped devices' automation level: ${tenant.ungroupedAutomationLevel ?? 'not set (the tenant default)'}`,
      `advanced feature "Autoresolve remediated alerts": ${tenant.autoresolve === false ? 'off' : 'on'}`,
    );
  }
  return lines;
}

/** The exclusions and indicators, one line each, as an admin would read them (user text raw). */
export function policyLines(scenario: Scenario): string[] {
  const { paths, extensions, processes } = scenario.exclusions;
  const lines = [
    `path exclusions: ${paths.join('; ') || 'none'}`,
    `extension exclusions: ${extensions.join('; ') || 'none'}`,
    `process exclusions: ${processes.join('; ') || 'none'}`,
  ];
  if (scenario.indicators.length === 0) return [...lines, 'indicators: none'];
  return [...lines, 'indicators:', ...scenario.indicators.map((entry) => `  - ${indicator(entry)}`)];
}

// Indicators stay raw in the scenario (policy/indicators parses them); show what an admin would see.
function indicator(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return JSON.stringify(entry);
  const { type, value, action, groups, title, expirationTime } = entry as Record<string, unknown>;
  const scope = Array.isArray(groups) && groups.length > 0 ? `groups ${groups.join(', ')}` : 'all devices';
  return [
    `${String(action)} ${String(type)} ${String(value)}`,
    typeof title === 'string' ? `"${title}"` : '',
    `(${scope}${typeof expirationTime === 'string' ? `, expires ${expirationTime}` : ''})`,
  ]
    .filter(Boolean)
    .join(' ');
}
