import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fail, formatIssues, ok, type Result } from '../../../engine/core/issue.ts';
import { POLICY_LOAD_OPTIONS, runScenarioFile } from '../../../engine/run-scenario.ts';
import type { LoadOptions } from '../../../engine/scenario/index.ts';
import { loaded, problems, yaml } from '../scenario-text.ts';

const source = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url), 'utf8');
const readFile = (relativePath: string): Result<string> => {
  try {
    return ok(source(relativePath));
  } catch {
    return fail([{ code: 'read_failed', path: [], message: 'file not found' }]);
  }
};
const options: LoadOptions = { ...POLICY_LOAD_OPTIONS, readFile };
const device = (...lines: string[]) =>
  yaml('name: demo', 'exclusions: { paths: [C:\\Global] }', 'devices:', '  - name: ws-01', '    os: windows-11', ...lines);

describe('devices[].localExclusions and disableLocalAdminMerge (§4.1)', () => {
  it('should merge local admin entries after the policy entries, leaving out duplicates with a warning', () => {
    const scenario = loaded(
      device("    exclusions: { paths: ['C:\\Policy'] }", "    localExclusions: { paths: ['c:\\global\\', 'C:\\Local'] }"),
      options,
    );
    expect(scenario.devices[0]?.exclusions.paths).toEqual(['C:\\Policy', 'C:\\Local']);
    expect(scenario.warnings.map((w) => [w.code, w.path.join('.'), w.line])).toEqual([
      ['local_exclusion_ignored', 'devices.0.localExclusions', 7],
    ]);
  });

  it('should ignore every local entry, with one warning per list, when disableLocalAdminMerge is true', () => {
    const scenario = loaded(
      device("    localExclusions: { paths: ['C:\\Local'], extensions: [tmp] }", '    disableLocalAdminMerge: true'),
      options,
    );
    expect(scenario.devices[0]?.exclusions).toEqual({ paths: [], extensions: [], processes: [] });
    expect(scenario.warnings.filter((w) => w.code === 'local_exclusion_ignored').map((w) => w.message)).toEqual([
      '1 local paths entries ignored: DisableLocalAdminMerge is on (§4.1)',
      '1 local extensions entries ignored: DisableLocalAdminMerge is on (§4.1)',
    ]);
  });

  it("should take a local admin's Get-MpPreference export with { from }", () => {
    const scenario = loaded(
      device('    localExclusions: { from: local-mppref.json }', '    intune: { from: av-exclusions.json }'),
      options,
    );
    // C:\BuildAgent\work comes from the Intune policy; the local duplicate is left out with a warning.
    expect(scenario.devices[0]?.exclusions.paths).toEqual([
      'C:\\BuildAgent\\work',
      '%ProgramData%\\Contoso\\Cache',
      'C:\\Users\\admin\\Tools',
    ]);
    expect(scenario.devices[0]?.exclusions.processes).toEqual(['msbuild.exe', 'C:\\Tools\\sync.exe']);
    expect(scenario.warnings.filter((w) => w.code === 'local_exclusion_ignored')).toHaveLength(1);
  });

  it('should leave a device without policy sources exactly as before', () => {
    const scenario = loaded(device("    exclusions: { paths: ['C:\\Policy'] }"), options);
    expect(scenario.devices[0]?.exclusions.paths).toEqual(['C:\\Policy']);
    expect(Object.keys(scenario.devices[0] ?? {})).not.toContain('localExclusions');
    expect(scenario.warnings).toEqual([]);
  });
});

describe('devices[].intune', () => {
  it("should apply the combined policies' lists and settings to the device and fleet members", () => {
    const text = yaml(
      'name: demo',
      'devices:',
      '  - name: ws-01',
      '    os: windows-11',
      '    intune: [{ from: av-exclusions.json }, { from: custom-passive-remediation.json }]',
      'fleet:',
      '  - count: 2',
      '    template: { os: windows-10, intune: { from: av-additional.json }, localExclusions: { paths: [C:\\Tmp] } }',
    );
    const scenario = loaded(text, options);
    expect(scenario.devices[0]).toMatchObject({ passiveRemediation: 1, mdav: { cloudProtection: true } });
    expect(scenario.devices[0]?.exclusions.paths).toEqual(['C:\\BuildAgent\\work', '%ProgramData%\\Contoso\\Cache']);
    expect(scenario.devices[1]).toMatchObject({ name: 'device-1', passiveRemediation: 1, mdav: { cloudProtection: false } });
    // The fleet's policy turns local admin merge off: its local list is ignored.
    expect(scenario.devices[2]?.exclusions.paths).toEqual(['c:\\buildagent\\work', 'D:\\Symbols']);
    expect(scenario.imports).toEqual(['av-exclusions.json', 'custom-passive-remediation.json', 'av-additional.json']);
  });

  it('should refuse a device key set both in the scenario and by its Intune policy', () => {
    const text = device('    passiveRemediation: 0', '    intune: { from: custom-passive-remediation.json }');
    expect(problems(text, options)).toContain(
      "demo.yaml:6:25 devices[0].passiveRemediation: passiveRemediation is 0 here, and the device's Intune policy sets it to 1",
    );
  });

  it('should report a policy file that is not an Intune export in that file, quoting none of it', () => {
    const text = device('    intune: { from: api-indicators.json }');
    const shown = problems(text, options);
    expect(shown).toContain('api-indicators.json:1:1 (root): the file is not an Intune policy export');
    expect(shown).not.toContain('12.13.14.15');
  });
});

describe('from: on exclusions and indicators', () => {
  it('should import an Intune export as exclusion lists, warning that its device settings are ignored there', () => {
    const scenario = loaded(yaml('name: demo', 'exclusions: { from: av-additional.json }'), options);
    expect(scenario.exclusions.paths).toEqual(['c:\\buildagent\\work', 'D:\\Symbols']);
    expect(scenario.warnings.map((w) => [w.file, w.code])).toEqual([
      ['av-additional.json', 'intune_setting_ignored'],
      ['av-additional.json', 'intune_setting_ignored'],
      ['av-additional.json', 'intune_setting_ignored'],
    ]);
  });

  it('should import the indicators API JSON with indicators: { from }', () => {
    const scenario = loaded(yaml('name: demo', 'indicators: { from: api-indicators.json }'), options);
    expect(scenario.indicators.map((i) => (i as { value: string }).value)).toEqual([
      '12.13.14.15',
      '220e7d15b011d7fac48f2bd61114db1022197f7f',
      'contoso-updates.example',
    ]);
  });
});

describe('a scenario that takes its policy from Intune, a local admin and the API', () => {
  it('should run with the CSP platform gate applied to PassiveRemediation from Intune (T24) and every expectation met', () => {
    const run = runScenarioFile('test/scenario/fixtures/sources/fleet-policy.yaml');
    if (!run.ok) throw new Error(formatIssues(run.issues));
    expect(run.value.passed).toBe(true);
    const reasons = run.value.namedVerdicts.get('dropper-old')?.reasons.map((r) => r.message) ?? [];
    expect(reasons.join('\n')).toContain('older than 4.18.2202.X');
  });
});

describe('devices[].intune entries', () => {
  it('should check Intune entries with the exclusion grammar and read a policy file once for devices that share it', () => {
    const files: Record<string, string> = {
      'bad.json': JSON.stringify({
        name: 'p',
        settings: [
          {
            settingInstance: {
              settingDefinitionId: 'device_vendor_msft_policy_config_defender_excludedpaths',
              simpleSettingCollectionValue: [{ value: '*:\\Tools' }],
            },
          },
        ],
      }),
    };
    let reads = 0;
    const counting: LoadOptions = {
      ...POLICY_LOAD_OPTIONS,
      readFile: (name) => {
        reads++;
        return ok(files[name] ?? '');
      },
    };
    const text = yaml(
      'name: demo',
      'devices:',
      '  - { name: ws-01, os: windows-11, intune: { from: bad.json } }',
      '  - { name: ws-02, os: windows-11, intune: { from: bad.json } }',
    );
    const shown = problems(text, counting);
    expect(reads).toBe(1);
    expect(shown).toContain('demo.yaml:3:44 devices[0].intune');
    expect(shown).toContain('demo.yaml:4:44 devices[1].intune');
  });
});
