/** The scenario's timeline as a trainee reads it: artifacts with their ground truth, changes, generators — no verdicts. */
import { maxOf } from '../core/append.ts';
import type { Artifact } from '../core/artifact.ts';
import { formatDuration } from '../core/duration.ts';
import { forTerminal } from '../core/escape.ts';
import type { ActionSpec, ChangeSpec, GenerateSpec, Scenario, TimelineEvent } from '../scenario/index.ts';
import { paint, SGR } from '../report/paint.ts';

const flag = (on: boolean) => (on ? 'would flag' : 'would miss');
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/**
 * Renders every timeline event in time order, one block each, without saying what happened: a
 * change shows who asked for it, not whether it was applied (that is part of the answer, §3.2). With
 * `colour` (default false) the heading is bold.
 *
 * @example
 * renderTimeline(scenario).split('\n')[0]; // 'Timeline'
 */
export function renderTimeline(scenario: Scenario, colour = false): string {
  const width = maxOf(
    scenario.timeline.map((event) => formatDuration(event.at).length),
    3,
  );
  const lines = [paint(colour, SGR.bold, 'Timeline')];
  if (scenario.timeline.length === 0) lines.push('  (nothing happens)');
  for (const event of scenario.timeline) {
    // Ids, names, paths and threats are user text: each described line is escaped here, where it is placed.
    const [head, ...rest] = describe(event, scenario).map(forTerminal);
    const at = formatDuration(event.at).padEnd(width);
    lines.push(`  ${at}  ${head ?? ''}`, ...rest.map((line) => `  ${' '.repeat(width)}    ${line}`));
  }
  return lines.join('\n');
}

/** One timeline event as lines (user text raw): an artifact with its ground truth, a change, a generator — never a verdict. */
export function describe(event: TimelineEvent, scenario: Scenario): string[] {
  switch (event.kind) {
    case 'artifact':
      return artifactLines(event.artifact);
    case 'change':
      return changeLines(event.change);
    case 'generate':
      return generateLines(event.generate, scenario.devices.length);
    case 'action':
      return actionLines(event.action);
  }
}

/** A timeline action as asked, never whether it applied (that is part of the answer, like a change's RBAC). */
function actionLines(action: ActionSpec): string[] {
  const target = [
    action.artifact === undefined ? '' : ` artifact ${action.artifact}`,
    action.device === undefined ? '' : ` device ${action.device}`,
    action.sha256 === undefined ? '' : ` file ${action.sha256}`,
    action.devices === undefined ? '' : ` on ${action.devices === 'all' ? 'all devices' : listed(action.devices)}`,
    action.actionType === undefined ? '' : ` (${action.actionType})`,
    action.moreInstances === true ? ', applied to more instances of the file' : '',
    action.status === undefined ? '' : ` to ${action.status}`,
  ].join('');
  const who = action.by === undefined ? '' : ` requested by ${action.by.user} (${action.by.role})`;
  return [`action ${action.action}:${target}${who}`];
}

function artifactLines(artifact: Artifact): string[] {
  const hashes = (['sha256', 'sha1', 'md5', 'certificate'] as const)
    .filter((key) => artifact[key] !== undefined)
    .map((key) => `${key} ${artifact[key]}`);
  return [
    `artifact ${artifact.id} on ${artifact.device}: ${artifact.class} ${artifact.kind} ${artifact.path}`,
    `trigger ${artifact.trigger}${artifact.scanType ? ` (${artifact.scanType} scan)` : ''}${artifact.process ? `, opened by ${artifact.process}` : ''}`,
    ...(hashes.length > 0 ? [hashes.join(', ')] : []),
    ...(artifact.threat || artifact.technique
      ? [`threat ${artifact.threat ?? '-'}, technique ${artifact.technique ?? '-'}`]
      : []),
    `ground truth: primary AV ${flag(artifact.signals.primaryAv)}, Defender Antivirus ${flag(artifact.signals.mdav)}, EDR sensor ${flag(artifact.signals.edr)}`,
  ];
}

function changeLines(change: ChangeSpec): string[] {
  const who = change.by === undefined ? 'change' : `change requested by ${change.by.user} (${change.by.role})`;
  const what = [
    ...(change.tenant === undefined ? [] : [`tenant: ${settings(change.tenant)}`]),
    ...Object.entries(change.devices ?? {}).map(([name, patch]) => `device ${name}: ${settings(patch)}`),
    ...(change.exclusions === undefined ? [] : [`exclusions replaced: ${settings(change.exclusions)}`]),
    ...(change.indicators === undefined
      ? []
      : [`indicators replaced: ${change.indicators.length} entr${change.indicators.length === 1 ? 'y' : 'ies'}`]),
  ];
  return [who, ...what];
}

function generateLines(generate: GenerateSpec, fleetSize: number): string[] {
  const on = generate.devices.length === fleetSize && fleetSize > 1 ? `all ${fleetSize} devices` : listed(generate.devices);
  const { mix, detection } = generate;
  return [
    `generator ${generate.id}: ${generate.count} random artifacts on ${on} over ${formatDuration(generate.window)}`,
    `mix: malicious ${percent(mix.malicious)}, pua ${percent(mix.pua)}, benign ${percent(mix.benign)}`,
    `chance a layer would flag a threat: primary AV ${percent(detection.primaryAv)}, Defender Antivirus ${percent(detection.mdav)}, EDR sensor ${percent(detection.edr)}`,
  ];
}

function listed(names: readonly string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

/** `edrBlockMode=false, mdav.platform=4.18.2202.4`: a patch flattened to dotted keys. */
function settings(patch: object, prefix = ''): string {
  return Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? settings(value as object, `${prefix}${name}.`)
        : `${prefix}${name}=${Array.isArray(value) ? `[${value.join('; ')}]` : String(value)}`,
    )
    .join(', ');
}
