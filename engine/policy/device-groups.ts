/** Device-group membership (§5.3): a device belongs to the highest-ranked group whose rules it matches. */
import type { DeviceGroupConfig } from '../core/config.ts';
import type { Issue } from '../core/issue.ts';
import type { OsName, Reason } from '../core/vocabulary.ts';

/** The portal's catch-all group; it cannot be ranked or deleted (§5.3). */
export const UNGROUPED_DEVICE_GROUP = 'Ungrouped devices (default)';

/** What group rules look at (§5.3: device name, domain, tags, OS). */
export interface DeviceFacts {
  readonly name: string;
  readonly os: OsName;
  readonly tags: readonly string[];
  readonly domain?: string;
}

/** The one group a device is in; `rank` is absent for the ungrouped default. */
export interface DeviceGroupMembership {
  readonly name: string;
  readonly rank?: number;
  readonly reason: Reason;
}

export interface CompiledDeviceGroups {
  /** The device's group; returns shared objects, allocates nothing. */
  readonly resolve: (device: DeviceFacts) => DeviceGroupMembership;
}

type Test = (value: string) => boolean;

interface CompiledGroup {
  readonly os?: ReadonlySet<OsName>;
  readonly names?: readonly Test[];
  readonly tags?: readonly Test[];
  readonly domains?: readonly Test[];
  readonly membership: DeviceGroupMembership;
}

const UNGROUPED: DeviceGroupMembership = {
  name: UNGROUPED_DEVICE_GROUP,
  reason: {
    layer: 'device-group',
    code: 'ungrouped',
    message: `no device group matches, so the device is in ${UNGROUPED_DEVICE_GROUP}`,
    cite: '§5.3',
  },
};

/**
 * Compiles group rules once, highest rank first. Values compare case-insensitively; a value ending in
 * `*` matches by prefix (an inference: the portal offers "starts with"). Within a property values are
 * OR-ed, properties are AND-ed; a group with no rules matches every device. Equal ranks keep list order.
 *
 * @example
 * const groups = compileDeviceGroups([{ name: 'Servers', rank: 1, match: { os: ['server-2022'] } }]);
 * groups.resolve({ name: 'sql-01', os: 'server-2022', tags: [] }).name; // 'Servers'
 */
export function compileDeviceGroups(groups: readonly DeviceGroupConfig[]): CompiledDeviceGroups {
  const ordered = groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => a.group.rank - b.group.rank || a.index - b.index)
    .map(({ group }): CompiledGroup => ({
      ...(group.match.os === undefined ? {} : { os: new Set(group.match.os) }),
      ...(group.match.names === undefined ? {} : { names: group.match.names.map(valueTest) }),
      ...(group.match.tags === undefined ? {} : { tags: group.match.tags.map(valueTest) }),
      ...(group.match.domains === undefined ? {} : { domains: group.match.domains.map(valueTest) }),
      membership: {
        name: group.name,
        rank: group.rank,
        reason: {
          layer: 'device-group',
          code: 'member',
          message: `the device is in device group "${group.name}" (rank ${group.rank}), the highest-ranked group it matches`,
          cite: '§5.3',
        },
      },
    }));
  return {
    resolve(device) {
      for (const group of ordered) {
        if (matches(group, device)) return group.membership;
      }
      return UNGROUPED;
    },
  };
}

/**
 * The device's one group: the highest-ranked (rank 1 = highest) matching group, else
 * `Ungrouped devices (default)` (§5.3, T42). Compile once with `compileDeviceGroups` on hot paths.
 *
 * @example
 * resolveDeviceGroup({ name: 'ws-01', os: 'windows-11', tags: ['finance'] }, [
 *   { name: 'Finance', rank: 5, match: { tags: ['finance'] } },
 *   { name: 'Windows', rank: 2, match: { os: ['windows-11'] } },
 * ]).name; // 'Windows'
 */
export function resolveDeviceGroup(device: DeviceFacts, groups: readonly DeviceGroupConfig[]): DeviceGroupMembership {
  return compileDeviceGroups(groups).resolve(device);
}

function matches(group: CompiledGroup, device: DeviceFacts): boolean {
  if (group.os !== undefined && !group.os.has(device.os)) return false;
  if (group.names !== undefined && !group.names.some((test) => test(device.name))) return false;
  if (group.domains !== undefined && !group.domains.some((test) => device.domain !== undefined && test(device.domain)))
    return false;
  if (group.tags !== undefined && !group.tags.some((test) => device.tags.some(test))) return false;
  return true;
}

function valueTest(value: string): Test {
  const lower = value.toLowerCase();
  if (lower.endsWith('*')) {
    const prefix = lower.slice(0, -1);
    return (candidate) => candidate.toLowerCase().startsWith(prefix);
  }
  return (candidate) => candidate.length === lower.length && candidate.toLowerCase() === lower;
}

/**
 * Problems in a group list the portal would refuse: ranks that are not whole numbers ≥ 1 or repeat,
 * repeated names, the reserved default name, more than 10 values for a property (§5.3).
 *
 * @example
 * checkDeviceGroups([{ name: 'A', rank: 1, match: {} }, { name: 'B', rank: 1, match: {} }]);
 * // [{ code: 'duplicate_rank', path: [1, 'rank'], … }]
 */
export function checkDeviceGroups(groups: readonly DeviceGroupConfig[]): Issue[] {
  const issues: Issue[] = [];
  const ranks = new Map<number, string>();
  const names = new Set<string>();
  groups.forEach((group, index) => {
    if (!Number.isInteger(group.rank) || group.rank < 1) {
      issues.push({
        code: 'bad_rank',
        path: [index, 'rank'],
        message: `rank ${group.rank} of group "${group.name}" is not a whole number ≥ 1`,
        expected: '1 (highest), 2, 3, …',
        received: String(group.rank),
      });
    } else if (ranks.has(group.rank)) {
      issues.push({
        code: 'duplicate_rank',
        path: [index, 'rank'],
        message: `rank ${group.rank} of group "${group.name}" is already used by "${ranks.get(group.rank)}"`,
        expected: 'a rank no other group has',
        received: String(group.rank),
        hint: 'each group has its own rank; the portal reorders groups rather than sharing ranks',
      });
    } else ranks.set(group.rank, group.name);
    const key = group.name.toLowerCase();
    if (key === UNGROUPED_DEVICE_GROUP.toLowerCase()) {
      issues.push({
        code: 'reserved_group',
        path: [index, 'name'],
        message: `group name "${group.name}" is reserved for devices no group matches`,
        expected: 'another name',
        received: group.name,
      });
    } else if (names.has(key)) {
      issues.push({
        code: 'duplicate_group',
        path: [index, 'name'],
        message: `group name "${group.name}" is used twice`,
        expected: 'unique group names',
        received: group.name,
      });
    }
    names.add(key);
    for (const property of ['names', 'tags', 'domains'] as const) {
      const values = group.match[property];
      if (values !== undefined && values.length > 10) {
        issues.push({
          code: 'too_many_values',
          path: [index, 'match', property],
          message: `${property} of group "${group.name}" has ${values.length} values; the portal allows 10`,
          expected: 'at most 10 values per property (§5.3)',
          received: String(values.length),
          hint: 'tag the devices and match one tag instead',
        });
      }
    }
  });
  return issues;
}
