import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceGroupConfig } from '../../engine/core/config.ts';
import { OS_NAMES } from '../../engine/core/vocabulary.ts';
import {
  UNGROUPED_DEVICE_GROUP,
  checkDeviceGroups,
  compileDeviceGroups,
  resolveDeviceGroup,
  type DeviceFacts,
} from '../../engine/policy/device-groups.ts';

const ws01: DeviceFacts = { name: 'ws-01', os: 'windows-11', tags: ['Finance', 'vip'], domain: 'corp.contoso.com' };

describe('resolveDeviceGroup', () => {
  it('should put a device matching ranks 2 and 5 only in the rank-2 group (T42)', () => {
    const groups: DeviceGroupConfig[] = [
      { name: 'Finance', rank: 5, match: { tags: ['finance'] } },
      { name: 'Windows 11', rank: 2, match: { os: ['windows-11'] } },
    ];
    const membership = resolveDeviceGroup(ws01, groups);
    expect(membership.name).toBe('Windows 11');
    expect(membership.rank).toBe(2);
    expect(membership.reason).toMatchObject({ layer: 'device-group', code: 'member', cite: '§5.3' });
  });

  it('should put a device no group matches in Ungrouped devices (default)', () => {
    const membership = resolveDeviceGroup(ws01, [{ name: 'Servers', rank: 1, match: { os: ['server-2022'] } }]);
    expect(membership).toMatchObject({ name: UNGROUPED_DEVICE_GROUP, reason: { code: 'ungrouped' } });
    expect(membership.rank).toBeUndefined();
  });

  it('should OR the values of one property and AND the properties', () => {
    const groups: DeviceGroupConfig[] = [
      { name: 'Finance laptops', rank: 1, match: { tags: ['hr', 'finance'], os: ['windows-10', 'windows-11'] } },
    ];
    expect(resolveDeviceGroup(ws01, groups).name).toBe('Finance laptops');
    expect(resolveDeviceGroup({ ...ws01, os: 'server-2019' }, groups).name).toBe(UNGROUPED_DEVICE_GROUP);
    expect(resolveDeviceGroup({ ...ws01, tags: ['sales'] }, groups).name).toBe(UNGROUPED_DEVICE_GROUP);
  });

  it('should compare names, tags and domains case-insensitively and read a trailing * as a prefix', () => {
    expect(resolveDeviceGroup(ws01, [{ name: 'G', rank: 1, match: { names: ['WS-*'] } }]).name).toBe('G');
    expect(resolveDeviceGroup(ws01, [{ name: 'G', rank: 1, match: { names: ['WS-0'] } }]).name).toBe(UNGROUPED_DEVICE_GROUP);
    expect(resolveDeviceGroup(ws01, [{ name: 'G', rank: 1, match: { domains: ['CORP.contoso.com'] } }]).name).toBe('G');
    expect(
      resolveDeviceGroup({ ...ws01, domain: undefined }, [{ name: 'G', rank: 1, match: { domains: ['corp.contoso.com'] } }]).name,
    ).toBe(UNGROUPED_DEVICE_GROUP);
  });

  it('should let a group without rules match every device', () => {
    expect(resolveDeviceGroup(ws01, [{ name: 'Everyone', rank: 3, match: {} }]).name).toBe('Everyone');
  });

  it('should keep list order between groups of equal rank', () => {
    const groups: DeviceGroupConfig[] = [
      { name: 'First', rank: 1, match: {} },
      { name: 'Second', rank: 1, match: {} },
    ];
    expect(resolveDeviceGroup(ws01, groups).name).toBe('First');
  });

  it('should agree with a naive scan of the groups sorted by rank, for any groups and device', () => {
    const value = fc.constantFrom('ws-01', 'WS-01', 'ws-*', 'sql-01', 'finance', 'vip', 'corp.contoso.com', 'other.com');
    const group = fc.record({
      name: fc.string({ minLength: 1, maxLength: 4 }),
      rank: fc.integer({ min: 1, max: 6 }),
      match: fc.record(
        {
          os: fc.subarray([...OS_NAMES]),
          names: fc.array(value, { maxLength: 3 }),
          tags: fc.array(value, { maxLength: 3 }),
          domains: fc.array(value, { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    });
    const device = fc.record({
      name: fc.constantFrom('ws-01', 'sql-01'),
      os: fc.constantFrom(...OS_NAMES),
      tags: fc.subarray(['Finance', 'vip']),
      domain: fc.option(fc.constantFrom('corp.contoso.com', 'other.com'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 5 }), device, (groups, facts) => {
        const eq = (pattern: string, text: string) =>
          pattern.endsWith('*')
            ? text.toLowerCase().startsWith(pattern.slice(0, -1).toLowerCase())
            : pattern.toLowerCase() === text.toLowerCase();
        const naive = [...groups]
          .map((g, i) => ({ g, i }))
          .sort((a, b) => a.g.rank - b.g.rank || a.i - b.i)
          .find(
            ({ g }) =>
              (g.match.os === undefined || g.match.os.includes(facts.os)) &&
              (g.match.names === undefined || g.match.names.some((p) => eq(p, facts.name))) &&
              (g.match.tags === undefined || g.match.tags.some((p) => facts.tags.some((t) => eq(p, t)))) &&
              (g.match.domains === undefined || g.match.domains.some((p) => facts.domain !== undefined && eq(p, facts.domain))),
          );
        expect(compileDeviceGroups(groups).resolve(facts).name).toBe(naive?.g.name ?? UNGROUPED_DEVICE_GROUP);
      }),
      { numRuns: 300 },
    );
  });

  it('should return the same membership object on every call, allocating nothing', () => {
    const compiled = compileDeviceGroups([{ name: 'G', rank: 1, match: { tags: ['vip'] } }]);
    expect(compiled.resolve(ws01)).toBe(compiled.resolve({ ...ws01 }));
  });
});

describe('checkDeviceGroups', () => {
  it('should report repeated ranks and names, bad ranks, the reserved name and more than 10 values', () => {
    const issues = checkDeviceGroups([
      { name: 'A', rank: 1, match: {} },
      { name: 'a', rank: 1, match: {} },
      { name: 'B', rank: 0, match: {} },
      { name: 'Ungrouped devices (default)', rank: 4, match: {} },
      { name: 'C', rank: 5, match: { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) } },
    ]);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['duplicate_rank', [1, 'rank']],
      ['duplicate_group', [1, 'name']],
      ['bad_rank', [2, 'rank']],
      ['reserved_group', [3, 'name']],
      ['too_many_values', [4, 'match', 'tags']],
    ]);
  });

  it('should find nothing wrong with distinct ranks and names', () => {
    expect(
      checkDeviceGroups([
        { name: 'A', rank: 1, match: {} },
        { name: 'B', rank: 2, match: { os: ['windows-10'] } },
      ]),
    ).toEqual([]);
  });
});
