// §8.5 exclusion test cases T63–T70, plus T33/T37 from §8.3 and C18.
import { describe, expect, it } from 'vitest';
import {
  buildExclusionMatcher,
  checkExclusion,
  mergeExclusionSources,
  parseExclusions,
} from '../../../engine/policy/exclusions/index.ts';

describe('§8.5 exclusion test cases', () => {
  it('should exclude D:\\a\\b.test with extension exclusion `test` (T63)', () => {
    expect(checkExclusion({ extensions: ['test'] }, 'D:\\a\\b.test').excluded).toBe(true);
    expect(checkExclusion({ extensions: ['.test'] }, 'D:\\a\\b.test').excluded).toBe(true);
  });

  it('should not exclude C:\\MyData\\sub\\n.txt with C:\\MyData\\*.txt (T64)', () => {
    expect(checkExclusion({ paths: ['C:\\MyData\\*.txt'] }, 'C:\\MyData\\sub\\n.txt').excluded).toBe(false);
  });

  it('should not exclude C:\\somepath\\Data\\f with C:\\somepath\\*\\Data (T65)', () => {
    expect(checkExclusion({ paths: ['C:\\somepath\\*\\Data'] }, 'C:\\somepath\\Data\\f').excluded).toBe(false);
  });

  it('should scan a file opened by an excluded test.exe in a scheduled full scan (T66)', () => {
    const result = checkExclusion({ processes: ['test.exe'] }, 'C:\\x\\doc.pdf', {
      process: 'C:\\bin\\test.exe',
      trigger: 'scheduled-scan',
      scanType: 'full',
    });
    expect(result.excluded).toBe(false);
    expect(result.lines.join('\n')).toContain('real-time protection only');
  });

  it('should scan .vhdx in a full scan on Server 2019 with Hyper-V (T67)', () => {
    const built = buildExclusionMatcher({}, { serverRoles: { os: 'server-2019', roles: ['hyper-v'] } });
    if (!built.ok) throw new Error('build failed');
    expect(
      built.value.matcher.match({ path: 'E:\\Hyper-V\\disk.vhdx', trigger: 'scheduled-scan', scanType: 'full' }),
    ).toBeUndefined();
    expect(built.value.matcher.match({ path: 'E:\\Hyper-V\\disk.vhdx', trigger: 'on-access' })).toBeDefined();
  });

  it('should scan c:\\documents\\design.doc on demand with an OnAccess contextual exclusion (T68)', () => {
    const lists = { paths: ['c:\\documents\\design.doc\\:{PathType:file,ScanTrigger:OnAccess}'] };
    expect(checkExclusion(lists, 'c:\\documents\\design.doc', { trigger: 'on-demand-scan' }).excluded).toBe(false);
    expect(checkExclusion(lists, 'c:\\documents\\design.doc', { trigger: 'on-access' }).excluded).toBe(true);
  });

  it('should reject an entry with 7 wildcards and one with a wildcard drive letter (T69)', () => {
    const parsed = parseExclusions({ paths: ['C:\\?\\?\\?\\?\\?\\?\\?', '?:\\Data', 'C:\\?\\?\\?\\?\\?\\?'] });
    expect(parsed.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['exclusion_too_many_wildcards', ['paths', 0]],
      ['exclusion_wildcard_drive', ['paths', 1]],
    ]);
  });

  it('should merge policy and local lists with the policy entry winning a conflict (T70)', () => {
    const merged = mergeExclusionSources({
      policy: { paths: ['C:\\A\\:{ScanTrigger:OnAccess}'], extensions: ['log'] },
      local: { paths: ['c:\\a\\', 'C:\\B'], extensions: ['.LOG', 'tmp'] },
    });
    expect(merged.lists).toEqual({
      paths: ['C:\\A\\:{ScanTrigger:OnAccess}', 'C:\\B'],
      extensions: ['log', 'tmp'],
      processes: [],
    });
    expect(merged.reasons.map((reason) => reason.code)).toEqual(['policy-wins', 'duplicate-entry']);
    expect(checkExclusion(merged.lists, 'C:\\A\\x.exe', { trigger: 'on-demand-scan' }).excluded).toBe(false);
  });

  it('should ignore local lists when DisableLocalAdminMerge is on (T70)', () => {
    const merged = mergeExclusionSources(
      { policy: { paths: ['C:\\A'] }, local: { paths: ['C:\\B'] } },
      { disableLocalAdminMerge: true },
    );
    expect(merged.lists.paths).toEqual(['C:\\A']);
    expect(merged.reasons[0]?.code).toBe('local-merge-disabled');
  });
});

describe('§8.3 cases that hinge on exclusions', () => {
  it('should exclude a user temp file with C:\\Users\\*\\AppData\\Local\\Temp on behaviour monitoring (T33)', () => {
    const result = checkExclusion(
      { paths: ['C:\\Users\\*\\AppData\\Local\\Temp'] },
      'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
      { trigger: 'behavior' },
    );
    expect(result.match?.reason.code).toBe('excluded-by-path');
  });

  it('should ignore a process exclusion for a detection by an on-demand scan (T37)', () => {
    const result = checkExclusion({ processes: ['C:\\Tools\\launcher.exe'] }, 'C:\\Users\\bob\\x.exe', {
      process: 'C:\\Tools\\launcher.exe',
      trigger: 'on-demand-scan',
    });
    expect(result.excluded).toBe(false);
  });

  it('should honour a path exclusion in a quick scan by default (C18)', () => {
    expect(
      checkExclusion({ paths: ['D:\\Exchange'] }, 'D:\\Exchange\\db.edb', { trigger: 'scheduled-scan', scanType: 'quick' })
        .excluded,
    ).toBe(true);
  });
});
