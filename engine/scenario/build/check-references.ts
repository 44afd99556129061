/** Cross-reference checks on the raw document: unique ids and names, and every device, artifact and group reference defined. */
import { formatPath, type Issue, type Path } from '../../core/issue.ts';
import { DEFAULT_NAME_PREFIX, fleetNames } from './build-devices.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import { MAX_FLEET_COUNT } from '../../core/fleet-limits.ts';
import { quoteExcerpt } from '../../core/quote.ts';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Names defined in the document. Device names also match `prefixes` of fleets too broken to expand. */
interface Defined {
  readonly devices: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly artifacts: ReadonlySet<string>;
  readonly generators: readonly string[];
  readonly groups: ReadonlySet<string> | undefined;
}

/** Device names from `devices` and `fleet`, with an issue for each name defined twice (one per fleet). */
function definedDevices(data: Raw, issues: Issue[]): Pick<Defined, 'devices' | 'prefixes'> {
  const first = new Map<string, Path>();
  const prefixes: string[] = [];
  const duplicate = (name: string, path: Path, message: string): Issue => ({
    code: 'duplicate_device',
    path,
    message,
    expected: 'unique device names',
    received: quoteExcerpt(name),
    hint: `${quoteExcerpt(name)} is first defined at ${formatPath(first.get(name) ?? [])}`,
  });
  list(data.devices).forEach((device, index) => {
    const name = isRecord(device) ? text(device.name) : undefined;
    const path = ['devices', index, 'name'];
    if (name === undefined) return;
    if (first.has(name)) issues.push(duplicate(name, path, `device name ${quoteExcerpt(name)} is used twice`));
    else first.set(name, path);
  });
  list(data.fleet).forEach((fleet, index) => {
    if (!isRecord(fleet)) return;
    const count = fleet.count;
    const prefix = fleet.namePrefix ?? DEFAULT_NAME_PREFIX;
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 1 ||
      count > MAX_FLEET_COUNT ||
      typeof prefix !== 'string'
    ) {
      prefixes.push(typeof prefix === 'string' ? prefix : '');
      return;
    }
    const path = ['fleet', index, 'namePrefix'];
    const clashes = fleetNames(count, prefix).filter((name) => {
      if (first.has(name)) return true;
      first.set(name, path);
      return false;
    });
    // One issue per fleet: two fleets with one prefix would otherwise report every member.
    const clash = clashes[0];
    if (clash !== undefined) {
      const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more)` : '';
      issues.push(duplicate(clash, path, `fleet[${index}] makes ${quoteExcerpt(clash)}${more}, a name already used`));
    }
  });
  return { devices: new Set(first.keys()), prefixes };
}

/** Ids of artifacts and generators (unique together), with an issue for each id used twice. */
function definedIds(data: Raw, issues: Issue[]): Pick<Defined, 'artifacts' | 'generators'> {
  const first = new Map<string, Path>();
  const artifacts = new Set<string>();
  const generators: string[] = [];
  let generated = 0;
  const claim = (id: string, path: Path, implicit = false) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, path);
    else {
      issues.push({
        code: 'duplicate_id',
        path,
        message: implicit ? `generator's default id ${quoteExcerpt(id)} is already used` : `id ${quoteExcerpt(id)} is used twice`,
        expected: 'ids unique in the scenario',
        received: quoteExcerpt(id),
        hint: `first used at ${formatPath(earlier)}${implicit ? '; give the generator an id' : ''}`,
      });
    }
  };
  list(data.timeline).forEach((item, index) => {
    if (!isRecord(item)) return;
    if (isRecord(item.artifact)) {
      const id = text(item.artifact.id);
      if (id !== undefined) {
        artifacts.add(id);
        claim(id, ['timeline', index, 'artifact', 'id']);
      }
    }
    if (isRecord(item.generate)) {
      generated += 1;
      const id = text(item.generate.id) ?? `gen-${generated}`;
      generators.push(id);
      claim(id, ['timeline', index, 'generate', item.generate.id === undefined ? 'count' : 'id'], item.generate.id === undefined);
    }
  });
  return { artifacts, generators };
}

function definedGroups(data: Raw, issues: Issue[]): Set<string> | undefined {
  const tenant = isRecord(data.tenant) ? data.tenant : {};
  const names = new Map<string, number>();
  const ranks = new Map<number, number>();
  let complete = true;
  list(tenant.deviceGroups).forEach((group, index) => {
    const name = isRecord(group) ? text(group.name) : undefined;
    const rank = isRecord(group) ? group.rank : undefined;
    const path = ['tenant', 'deviceGroups', index];
    if (name === undefined) complete = false;
    else if (names.has(name))
      issues.push({
        code: 'duplicate_group',
        path: [...path, 'name'],
        message: `device group ${quoteExcerpt(name)} is defined twice`,
        hint: `first at tenant.deviceGroups[${names.get(name)}]`,
      });
    else names.set(name, index);
    // §5.3: a device belongs to the highest-ranked matching group, so two groups cannot share a rank.
    if (typeof rank === 'number' && ranks.has(rank)) {
      issues.push({
        code: 'duplicate_rank',
        path: [...path, 'rank'],
        message: `rank ${rank} is used twice`,
        hint: `tenant.deviceGroups[${ranks.get(rank)}] has it too; ranks decide which group a device joins (§5.3)`,
      });
    } else if (typeof rank === 'number') ranks.set(rank, index);
  });
  return complete ? new Set(names.keys()) : undefined;
}

function unknownReference(kind: string, value: string, path: Path, known: ReadonlySet<string>, where: string): Issue {
  return {
    code: `unknown_${kind}`,
    path,
    message: `${kind} ${quoteExcerpt(value)} is not defined`,
    expected: `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} ${where}`,
    received: quoteExcerpt(value),
    hint: didYouMean(value, known),
  };
}

/**
 * Every cross-reference problem in the raw document at once: duplicate device names, duplicate artifact or generator ids,
 * duplicate device-group names and ranks, and references to devices (artifacts, changes, generators,
 * expectations), artifacts (expectations) and device groups (indicators) that are not defined, each
 * with "did you mean". References to an id a generator makes (`gen-1-…`) are accepted.
 *
 * @example
 * checkReferences({ devices: [{ name: 'ws-01' }], timeline: [{ artifact: { id: 'a', device: 'ws-1' } }] })[0]?.hint;
 * // 'did you mean "ws-01"?'
 */
export function checkReferences(data: Raw): Issue[] {
  const issues: Issue[] = [];
  const ids = definedIds(data, issues);
  const defined: Defined = { ...definedDevices(data, issues), groups: definedGroups(data, issues), ...ids };
  const device = (value: unknown, path: Path) => {
    if (typeof value !== 'string' || defined.devices.has(value) || defined.prefixes.some((prefix) => value.startsWith(prefix)))
      return;
    issues.push(unknownReference('device', value, path, defined.devices, 'from devices or fleet'));
  };
  const artifact = (value: unknown, path: Path) => {
    if (typeof value !== 'string' || defined.artifacts.has(value)) return;
    if (defined.generators.some((id) => value.startsWith(`${id}-`))) return;
    issues.push(unknownReference('artifact', value, path, defined.artifacts, 'id from the timeline'));
  };
  list(data.timeline).forEach((item, index) => {
    if (!isRecord(item)) return;
    const path = ['timeline', index];
    if (isRecord(item.artifact)) device(item.artifact.device, [...path, 'artifact', 'device']);
    if (isRecord(item.change) && isRecord(item.change.devices)) {
      for (const name of Object.keys(item.change.devices)) device(name, [...path, 'change', 'devices', name]);
    }
    if (isRecord(item.change)) checkGroups(item.change.indicators, [...path, 'change', 'indicators'], defined.groups, issues);
    if (isRecord(item.generate))
      list(item.generate.devices).forEach((name, i) => device(name, [...path, 'generate', 'devices', i]));
    if (typeof item.action === 'string') {
      device(item.device, [...path, 'device']);
      artifact(item.artifact, [...path, 'artifact']);
      list(item.devices).forEach((name, i) => device(name, [...path, 'devices', i]));
    }
  });
  list(data.expect).forEach((item, index) => {
    if (!isRecord(item)) return;
    const path = ['expect', index];
    if (item.artifact !== undefined) artifact(item.artifact, [...path, 'artifact']);
    else if (item.device !== undefined) device(item.device, [...path, 'device']);
    for (const key of ['actionCenter', 'alerts', 'recommendation', 'totals', 'actionCenterEntry', 'investigation']) {
      const inner = item[key];
      if (!isRecord(inner)) continue;
      device(inner.device, [...path, key, 'device']);
      if (key !== 'recommendation' && key !== 'totals') artifact(inner.artifact, [...path, key, 'artifact']);
    }
  });
  checkGroups(data.indicators, ['indicators'], defined.groups, issues);
  return issues;
}

/** §5.3: an indicator is scoped to device groups by name; every name must be a defined group. */
function checkGroups(indicators: unknown, path: Path, groups: ReadonlySet<string> | undefined, issues: Issue[]): void {
  if (groups === undefined) return;
  list(indicators).forEach((indicator, index) => {
    if (!isRecord(indicator)) return;
    list(indicator.groups).forEach((group, i) => {
      if (typeof group === 'string' && !groups.has(group)) {
        issues.push({
          ...unknownReference('group', group, [...path, index, 'groups', i], groups, 'name from tenant.deviceGroups'),
          code: 'unknown_group',
        });
      }
    });
  });
}
