// Policy (GPO/Intune/ConfigMgr) and local lists: merged by default, the policy wins (§4.1, T70).
import { describe, expect, it } from 'vitest';
import { mergeExclusionSources } from '../../../engine/policy/exclusions/index.ts';

describe('mergeExclusionSources', () => {
  it('should keep policy entries first and add new local ones', () => {
    const merged = mergeExclusionSources({
      policy: { processes: ['C:\\a.exe'] },
      local: { processes: ['C:\\b.exe'], paths: ['D:\\x'] },
    });
    expect(merged.lists).toEqual({ paths: ['D:\\x'], extensions: [], processes: ['C:\\a.exe', 'C:\\b.exe'] });
    expect(merged.reasons).toEqual([]);
  });

  it('should treat spellings of one path as duplicates, env vars expanded', () => {
    const merged = mergeExclusionSources({
      policy: { paths: ['%ProgramFiles%\\App'] },
      local: { paths: ['c:/program files/app/'] },
    });
    expect(merged.lists.paths).toEqual(['%ProgramFiles%\\App']);
    expect(merged.reasons[0]?.message).toContain('duplicates');
  });

  it('should drop a local duplicate of another local entry', () => {
    expect(mergeExclusionSources({ policy: {}, local: { extensions: ['log', '.LOG'] } }).lists.extensions).toEqual(['log']);
  });

  it('should let the policy entry win when the restrictions differ (T70)', () => {
    const merged = mergeExclusionSources({
      policy: { paths: ['C:\\a\\:{ScanType:quick}'] },
      local: { paths: ['C:\\a\\:{ScanType:full}'] },
    });
    expect(merged.lists.paths).toEqual(['C:\\a\\:{ScanType:quick}']);
    expect(merged.reasons.map((reason) => [reason.code, reason.layer])).toEqual([['policy-wins', 'exclusion']]);
  });
});
