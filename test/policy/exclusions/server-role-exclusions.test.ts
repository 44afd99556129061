// Automatic server-role exclusions: Server 2016+, real-time only, after custom entries (§4.1, §4.4 #46–48).
import { describe, expect, it } from 'vitest';
import {
  buildExclusionMatcher,
  compileExclusions,
  serverRoleExclusions,
  SERVER_ROLES,
  SERVER_ROLE_LISTS,
  parseExclusions,
} from '../../../engine/policy/exclusions/index.ts';

const hyperV = (os: 'server-2019' | 'server-2012-r2' | 'server-2016' | 'windows-11') =>
  buildExclusionMatcher({}, { serverRoles: { os, roles: ['hyper-v'] } });

describe('serverRoleExclusions', () => {
  it('should exclude D:\\VMs\\a.vhdx on access with the Hyper-V role on Server 2019 (§4.4 #46)', () => {
    const built = hyperV('server-2019');
    if (!built.ok) throw new Error('build failed');
    const match = built.value.matcher.match({ path: 'D:\\VMs\\a.vhdx', trigger: 'on-access' });
    expect(match?.reason.code).toBe('excluded-by-server-role');
    expect(match?.reason.message).toContain('Hyper-V');
  });

  it('should scan D:\\VMs\\a.vhdx in a full scan despite the Hyper-V role (§4.4 #47)', () => {
    const built = hyperV('server-2019');
    if (!built.ok) throw new Error('build failed');
    expect(built.value.matcher.match({ path: 'D:\\VMs\\a.vhdx', trigger: 'scheduled-scan', scanType: 'full' })).toBeUndefined();
    expect(built.value.matcher.match({ path: 'D:\\VMs\\a.vhdx', trigger: 'on-demand-scan', scanType: 'quick' })).toBeUndefined();
  });

  it('should not exclude anything on Server 2012 R2 and say why (§4.4 #48)', () => {
    const built = hyperV('server-2012-r2');
    if (!built.ok) throw new Error('build failed');
    expect(built.value.matcher.match({ path: 'D:\\VMs\\a.vhdx', trigger: 'on-access' })).toBeUndefined();
    expect(serverRoleExclusions({ os: 'server-2012-r2', roles: ['hyper-v'] }).note).toMatch(/2016 and later/);
  });

  it('should not deliver automatic exclusions to a client OS', () => {
    expect(serverRoleExclusions({ os: 'windows-11', roles: ['hyper-v'] }).entries).toEqual([]);
  });

  it('should deliver nothing when DisableAutoExclusions is set', () => {
    const result = serverRoleExclusions({ os: 'server-2022', roles: ['hyper-v'], disableAutoExclusions: true });
    expect(result.entries).toEqual([]);
    expect(result.note).toContain('DisableAutoExclusions');
  });

  it('should exclude files opened by Vmwp.exe on access on Server 2016', () => {
    const built = hyperV('server-2016');
    if (!built.ok) throw new Error('build failed');
    const match = built.value.matcher.match({
      path: 'D:\\x.bin2',
      process: 'C:\\Windows\\System32\\vmwp.exe',
      trigger: 'on-access',
    });
    expect(match?.entry.list).toBe('processes');
  });

  it('should rank every custom exclusion before the automatic ones (§4.1)', () => {
    const custom = parseExclusions({ paths: ['D:\\VMs\\'] }).entries;
    const auto = serverRoleExclusions({ os: 'server-2019', roles: ['hyper-v'] }).entries;
    const matcher = compileExclusions([...auto, ...custom]);
    expect(matcher.entries.at(0)?.role).toBeUndefined();
    expect(matcher.match({ path: 'D:\\VMs\\a.vhdx', trigger: 'on-access' })?.reason.code).toBe('excluded-by-path');
  });

  it('should parse every built-in role list without an issue', () => {
    for (const role of SERVER_ROLES) {
      const lists = SERVER_ROLE_LISTS[role];
      const parsed = parseExclusions(lists);
      expect({ role, issues: parsed.issues }).toEqual({ role, issues: [] });
      expect(parsed.entries.length).toBe(lists.paths.length + lists.extensions.length + lists.processes.length);
    }
  });

  it('should give Hyper-V its nine file types, four folders and two processes (srv-excl)', () => {
    const entries = serverRoleExclusions({ os: 'server-2019', roles: ['hyper-v', 'hyper-v'] }).entries;
    expect(entries.map((entry) => entry.list).sort()).toEqual([
      ...Array(9).fill('extensions'),
      ...Array(4).fill('paths'),
      ...Array(2).fill('processes'),
    ]);
    expect(entries.every((entry) => entry.role === 'Hyper-V')).toBe(true);
  });

  it('should exclude DNS zone logs one folder below Dns on access', () => {
    const built = buildExclusionMatcher({}, { serverRoles: { os: 'server-2022', roles: ['dns'] } });
    if (!built.ok) throw new Error('build failed');
    expect(built.value.matcher.match({ path: 'C:\\Windows\\System32\\dns\\zone\\a.log', trigger: 'on-access' })?.entry.role).toBe(
      'DNS Server',
    );
    expect(built.value.matcher.match({ path: 'C:\\Windows\\System32\\dns\\a.log', trigger: 'on-access' })).toBeUndefined();
  });
});
