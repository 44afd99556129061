import { describe, expect, it } from 'vitest';
import { AUTOMATION_LEVELS, type AutomationLevel } from '../../engine/core/vocabulary.ts';
import {
  airLicensed,
  defaultAutomationLevel,
  deviceAutomationLevel,
  remediationTab,
} from '../../engine/model/automation-level.ts';
import type { AirVerdict } from '../../engine/policy/indicators/air-verdict.ts';

const tab = (level: AutomationLevel, verdict: AirVerdict, path?: string) => remediationTab(level, verdict, path).tab;

describe('remediationTab — pending vs automatic per automation level and folder (§6.5, T71–T78)', () => {
  it.each([
    ['T71', 'semi-core-folders', 'Malicious', 'C:\\Windows\\System32\\evil.dll', 'pending'],
    ['T72', 'semi-core-folders', 'Malicious', 'C:\\Users\\u\\Downloads\\evil.exe', 'history'],
    ['T73', 'semi-non-temp-folders', 'Malicious', 'C:\\Users\\u\\AppData\\Local\\Temp\\x.exe', 'history'],
    ['T74', 'semi-non-temp-folders', 'Malicious', 'C:\\ProgramData\\x.exe', 'pending'],
    ['T75', 'semi-all-folders', 'Malicious', 'C:\\Users\\u\\Downloads\\evil.exe', 'pending'],
    ['§6.5 full', 'full', 'Malicious', 'C:\\Windows\\System32\\evil.dll', 'history'],
  ] as const)('%s: %s, %s on %s → %s', (_case, level, verdict, path, expected) => {
    expect(tab(level, verdict, path)).toBe(expected);
  });

  it('T76: should put a Suspicious verdict on Pending under every Full or Semi level, wherever the file is', () => {
    for (const level of AUTOMATION_LEVELS.filter((l) => l !== 'none'))
      for (const path of ['C:\\Users\\u\\AppData\\Local\\Temp\\x.exe', 'C:\\Windows\\x.exe', undefined])
        expect(tab(level, 'Suspicious', path), `${level} ${path}`).toBe('pending');
  });

  it('T77: should propose no action for No threats found under any level', () => {
    for (const level of AUTOMATION_LEVELS) expect(tab(level, 'No threats found', 'C:\\Windows\\x.exe')).toBe('none');
  });

  it('T78: should add nothing under No automated response, whatever the verdict', () => {
    for (const verdict of ['Malicious', 'Suspicious', 'No threats found'] as const)
      expect(tab('none', verdict, 'C:\\x.exe')).toBe('none');
    expect(remediationTab('none', 'Malicious').reason.cite).toBe('T78');
  });

  it('C15: should count Program Files as core for semi-core-folders and as temporary for semi-non-temp-folders', () => {
    const path = 'C:\\Program Files\\Contoso\\agent.exe';
    expect(tab('semi-core-folders', 'Malicious', path)).toBe('pending');
    expect(tab('semi-non-temp-folders', 'Malicious', path)).toBe('history');
    expect(remediationTab('semi-core-folders', 'Malicious', path).reason.message).toContain('\\program files\\*');
  });

  it('should read Program Files (x86) literally: temporary for non-temp, not core (on neither core page)', () => {
    const path = 'C:\\Program Files (x86)\\Contoso\\agent.exe';
    expect(tab('semi-core-folders', 'Malicious', path)).toBe('history');
    expect(tab('semi-non-temp-folders', 'Malicious', path)).toBe('history');
  });

  it('should canonicalise the path first (case, `/`, `..`) and match on any local drive', () => {
    expect(tab('semi-core-folders', 'Malicious', 'd:/WINDOWS/temp/../System32/x.dll')).toBe('pending');
    expect(tab('semi-non-temp-folders', 'Malicious', 'C:\\Users\\u\\Desktop\\..\\Downloads\\x.exe')).toBe('history');
  });

  it('should need the file to be inside the folder: the folder itself, a sibling, a deeper user segment do not match', () => {
    expect(tab('semi-core-folders', 'Malicious', 'C:\\Windows')).toBe('history');
    expect(tab('semi-core-folders', 'Malicious', 'C:\\WindowsApps\\x.exe')).toBe('history');
    // `\users\*\downloads\*`: the `*` between separators is exactly one folder.
    expect(tab('semi-non-temp-folders', 'Malicious', 'C:\\Users\\a\\b\\Downloads\\x.exe')).toBe('pending');
  });

  it('should treat UNC and relative paths, and evidence without a path, as in no listed folder [inference]', () => {
    expect(tab('semi-core-folders', 'Malicious', '\\\\srv\\share\\windows\\x.exe')).toBe('history');
    expect(tab('semi-non-temp-folders', 'Malicious', 'windows\\temp\\x.exe')).toBe('pending');
    expect(tab('semi-core-folders', 'Malicious')).toBe('history');
    expect(tab('semi-non-temp-folders', 'Malicious')).toBe('pending');
  });
});

describe('defaultAutomationLevel and deviceAutomationLevel (§6.5)', () => {
  it('should default to Full for tenants created on or after 2020-08-16 and to Semi – all folders before', () => {
    expect(defaultAutomationLevel(Date.UTC(2020, 7, 16))).toBe('full');
    expect(defaultAutomationLevel(Date.UTC(2020, 7, 16) - 1)).toBe('semi-all-folders');
  });

  it("should take the group's own level, the ungrouped level for an ungrouped device, and the tenant default otherwise", () => {
    const tenant = { createdAt: Date.UTC(2019, 0, 1), license: 'plan-2' as const, ungroupedAutomationLevel: 'none' as const };
    expect(deviceAutomationLevel({ ...tenant, group: { automationLevel: 'semi-core-folders' } })).toBe('semi-core-folders');
    expect(deviceAutomationLevel({ ...tenant, group: {} })).toBe('semi-all-folders');
    expect(deviceAutomationLevel(tenant)).toBe('none');
    expect(deviceAutomationLevel({ createdAt: Date.UTC(2024, 0, 1), license: 'plan-2' })).toBe('full');
  });

  it('should give Plan 1 no AIR: level none whatever the group says', () => {
    expect(airLicensed('plan-1')).toBe(false);
    expect(deviceAutomationLevel({ createdAt: 0, license: 'plan-1', group: { automationLevel: 'full' } })).toBe('none');
  });
});
