// From lists to matcher in one call: fails on any invalid entry, keeps warnings, adds server roles.
import { describe, expect, it } from 'vitest';
import { version } from '../../../engine/core/version.ts';
import { buildExclusionMatcher } from '../../../engine/policy/exclusions/index.ts';

describe('buildExclusionMatcher', () => {
  it('should fail with every issue when any entry is invalid', () => {
    const built = buildExclusionMatcher({ paths: ['*:\\a', 'C:\\ok'], processes: ['a*.exe'] });
    expect(built.ok ? [] : built.issues.map((issue) => issue.path)).toEqual([
      ['paths', 0],
      ['processes', 0],
    ]);
  });

  it('should build with warnings for contextual entries an old device cannot read (§4.4 #45)', () => {
    const built = buildExclusionMatcher({ paths: ['C:\\a\\:{ScanTrigger:OnAccess}'] }, { platform: version('4.18.2204.5') });
    expect(built.ok && built.value.warnings.map((issue) => issue.code)).toEqual(['exclusion_contextual_unsupported']);
    expect(built.ok && built.value.matcher.match({ path: 'C:\\a\\x', trigger: 'on-access' })).toBeUndefined();
  });

  it('should add automatic server-role exclusions after the custom ones', () => {
    const built = buildExclusionMatcher({ extensions: ['vhdx'] }, { serverRoles: { os: 'server-2019', roles: ['hyper-v'] } });
    expect(built.ok && built.value.matcher.match({ path: 'D:\\a.vhdx', trigger: 'on-access' })?.reason.code).toBe(
      'excluded-by-extension',
    );
    expect(built.ok && built.value.matcher.match({ path: 'D:\\a.avhdx', trigger: 'on-access' })?.reason.code).toBe(
      'excluded-by-server-role',
    );
  });
});
