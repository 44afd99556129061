import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combineIntunePolicies, importIntunePolicy } from '../../../engine/policy/intune/index.ts';

const policies = (name: string) =>
  importIntunePolicy(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')).policies.map((policy) => ({
    policy,
    file: name,
  }));

describe('combineIntunePolicies', () => {
  it("should merge the exclusion lists of every policy into one superset, each entry once (Intune's policy merge)", () => {
    const combined = combineIntunePolicies([...policies('av-exclusions.json'), ...policies('av-additional.json')]);
    // c:\buildagent\work from the second export is the same entry as C:\BuildAgent\work: kept once.
    expect(combined.exclusions).toEqual({
      paths: ['C:\\BuildAgent\\work', '%ProgramData%\\Contoso\\Cache', 'D:\\Symbols'],
      extensions: ['.obj'],
      processes: ['msbuild.exe'],
    });
  });

  it('should report one line per conflicting setting and give the device neither value', () => {
    const combined = combineIntunePolicies([...policies('av-exclusions.json'), ...policies('av-additional.json')]);
    expect(combined.settings).toEqual({ passiveRemediation: 1, disableLocalAdminMerge: true });
    expect(combined.issues).toHaveLength(1);
    expect(combined.issues[0]).toMatchObject({
      code: 'intune_setting_conflict',
      severity: 'warning',
      file: 'av-additional.json',
      line: 60,
      message:
        'cloudProtection conflicts: policy "AV - Build servers" sets true, policy "AV - Cloud off (lab)" sets false; the device gets neither',
    });
  });

  it('should apply a setting two policies agree on, without a conflict', () => {
    const twice = [...policies('custom-passive-remediation.json'), ...policies('av-additional.json').slice(0, 1)];
    const combined = combineIntunePolicies(twice);
    expect(combined.issues).toEqual([]);
    expect(combined.settings.passiveRemediation).toBe(1);
  });
});
