// `edrsim doctor`'s pure half: mode, the §3.2 checklist with unknowns, and what works per §2.1.
import { describe, expect, it } from 'vitest';
import type { ComputerStatusFacts } from '../../engine/core/device-facts.ts';
import { DEFAULT_CONFLICT_SETTINGS } from '../../engine/core/config.ts';
import { diagnoseStatus, importComputerStatus } from '../../engine/model/index.ts';

function facts(text: string): ComputerStatusFacts {
  const read = importComputerStatus(text);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const PASSIVE = 'AMEngineVersion : 1.1.24090.11\nAMProductVersion : 4.18.24090.11\nAMRunningMode : Passive Mode';
const states = (text: string, cloud?: boolean) =>
  Object.fromEntries(
    diagnoseStatus(
      facts(text),
      cloud === undefined ? {} : { cloudProtection: { value: cloud, line: 9, column: 3 } },
    ).checklist.map((check) => [check.id, check.state]),
  );
const works = (text: string) => Object.fromEntries(diagnoseStatus(facts(text)).capabilities.map((c) => [c.id, c.works]));

describe('diagnoseStatus', () => {
  it('should leave licence, onboarding, OS, cloud protection and the switch unknown for an export alone', () => {
    expect(states(PASSIVE)).toEqual({
      'plan-2': 'unknown',
      onboarded: 'unknown',
      'mdav-active-or-passive': 'met',
      'cloud-protection': 'unknown',
      'platform-version': 'met',
      'engine-version': 'met',
      'supported-os': 'unknown',
      'switched-on': 'unknown',
    });
  });

  it('should judge cloud protection from Get-MpPreference and block mode no when a prerequisite is unmet', () => {
    expect(states(PASSIVE, false)['cloud-protection']).toBe('unmet');
    const diagnosis = diagnoseStatus(facts(PASSIVE), { cloudProtection: { value: false, line: 9, column: 3 } });
    expect(diagnosis.capabilities.find((c) => c.id === 'block-mode')).toMatchObject({ works: 'no', reason: { cite: '§3.2' } });
  });

  it('should name the field each judged line was read from, with its line and column', () => {
    const check = diagnoseStatus(facts(PASSIVE)).checklist.find((c) => c.id === 'platform-version');
    expect(check).toMatchObject({ field: 'AMProductVersion', from: { file: 'status', line: 2, column: 20 } });
  });

  it('should read EDR Block Mode as passive with block mode effective (C3 FAQ reading), and unknown under the mdav-win reading', () => {
    const text = 'AMProductVersion : 4.18.24090.11\nAMRunningMode : EDR Block Mode\nAMServiceEnabled : True';
    const diagnosis = diagnoseStatus(facts(text));
    expect([diagnosis.mode, diagnosis.blockModeEffective]).toEqual(['passive', true]);
    expect(works(text)).toEqual({
      'real-time-protection': 'no',
      scans: 'depends',
      remediation: 'depends',
      indicators: 'no',
      'block-mode': 'yes',
    });
    const mdavWin = diagnoseStatus(facts(text), {}, { ...DEFAULT_CONFLICT_SETTINGS, activeRunningMode: 'EDR Block Mode' });
    expect(mdavWin.mode).toBe('unknown');
    // The service flag still says Defender Antivirus runs.
    expect(mdavWin.checklist.find((c) => c.id === 'mdav-active-or-passive')).toMatchObject({
      state: 'met',
      field: 'AMServiceEnabled',
    });
  });

  it('should read Not running with AMProductVersion 0.0.0.0 as not installed, where nothing works', () => {
    const text = 'AMProductVersion : 0.0.0.0\nAMEngineVersion : 0.0.0.0\nAMRunningMode : Not running\nAMServiceEnabled : False';
    expect(diagnoseStatus(facts(text)).mode).toBe('not-installed');
    expect(new Set(Object.values(works(text)))).toEqual(new Set(['no']));
    expect(states(text)['platform-version']).toBe('unmet');
  });

  it('should say real-time protection is off on an active device whose export says RealTimeProtectionEnabled False', () => {
    const text = 'AMRunningMode : Normal\nRealTimeProtectionEnabled : False';
    expect(works(text)).toMatchObject({
      'real-time-protection': 'no',
      scans: 'yes',
      remediation: 'yes',
      'block-mode': 'depends',
    });
    expect(works('AMRunningMode : Normal')['real-time-protection']).toBe('depends');
  });

  it('should fall back to AMServiceEnabled when the platform predates AMRunningMode', () => {
    const diagnosis = diagnoseStatus(facts('AMProductVersion : 4.18.2001.10\nAMServiceEnabled : True'));
    expect(diagnosis.mode).toBe('unknown');
    expect(diagnosis.modeReason.code).toBe('no-running-mode');
    expect(diagnosis.checklist.find((c) => c.id === 'mdav-active-or-passive')?.state).toBe('met');
  });
});
