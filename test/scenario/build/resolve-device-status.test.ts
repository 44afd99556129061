// `devices: [{ from: status.json }]`: versions from a Get-MpComputerStatus export, missing facts and contradictions as load errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../engine/run-scenario.ts';

const STATUS =
  'AMEngineVersion : 1.1.24090.11\nAMProductVersion : 4.18.24090.11\nAMRunningMode : Passive Mode\nIsTamperProtected : False\n';

function load(device: string, status = STATUS) {
  const dir = mkdtempSync(join(tmpdir(), 'edrsim-from-'));
  writeFileSync(join(dir, 'status.txt'), status);
  writeFileSync(join(dir, 's.yaml'), `name: t\ndevices:\n  - name: ws\n    from: status.txt\n    os: windows-11\n${device}`);
  return loadScenarioFile(join(dir, 's.yaml'), [], { importRoot: dir });
}

const GIVEN = '    onboarded: true\n    primaryAv: non-microsoft\n    mdav: { cloudProtection: true }\n';

describe('a device loaded from Get-MpComputerStatus', () => {
  it('should take the versions and tamper protection from the export and the rest from the scenario', () => {
    const loaded = load(GIVEN);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const device = loaded.value.devices[0]!;
    expect(device.mdav).toEqual({ installed: true, platform: '4.18.24090.11', engine: '1.1.24090.11', cloudProtection: true });
    expect([device.tamperProtection, device.onboarded, device.primaryAv]).toEqual([false, true, 'non-microsoft']);
    expect(loaded.value.imports.some((file) => file.endsWith('status.txt'))).toBe(true);
    expect('from' in device).toBe(false);
    expect(loaded.value.warnings).toEqual([]);
  });

  it('should warn when the facts written resolve to another mode than the export shows', () => {
    const loaded = load('    onboarded: true\n    primaryAv: defender\n    mdav: { cloudProtection: true }\n');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.warnings.map((w) => [w.code, w.severity, w.line])).toEqual([['device_from_mode_mismatch', 'warning', 4]]);
    expect(loaded.value.warnings[0]?.message).toMatch(
      /^status\.txt:3:17 shows AMRunningMode "Passive Mode" \(passive\), but the facts written here resolve to active: /,
    );
  });

  it('should name every fact the export lacks at the from: line, defaulting none', () => {
    const loaded = load('');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues.map((i) => [i.code, i.line, i.column, i.message.split(' ')[0]])).toEqual([
      ['device_from_missing_fact', 4, 11, 'onboarded'],
      ['device_from_missing_fact', 4, 11, 'primaryAv'],
      ['device_from_missing_fact', 4, 11, 'mdav.cloudProtection'],
    ]);
    expect(loaded.issues[1]?.hint).toBe('add primaryAv: defender or non-microsoft to this device');
  });

  it('should ask for a version the export does not have (0.0.0.0 when Defender Antivirus is not running)', () => {
    const loaded = load(
      GIVEN,
      'AMEngineVersion : 0.0.0.0\nAMProductVersion : 4.18.24090.11\nAMRunningMode : Not running\nIsTamperProtected : False\n',
    );
    expect(loaded.ok || loaded.issues.map((i) => i.message)).toEqual([
      'mdav.engine is not in "status.txt": the export has no usable AMEngineVersion, so the scenario must give it beside from:',
    ]);
  });

  it('should accept a fact given both ways when they agree, and refuse a contradiction at the scenario key', () => {
    expect(load(`${GIVEN}    tamperProtection: false\n`).ok).toBe(true);
    const loaded = load(`${GIVEN}    tamperProtection: true\n`);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues[0]).toMatchObject({
      code: 'device_from_conflict',
      line: 9,
      message: 'tamperProtection is true here, but status.txt:4:21 says IsTamperProtected false',
    });
  });

  it("should report the export's own bad content in the export, at its line and column", () => {
    const loaded = load(GIVEN, 'AMProductVersion : 4.18.24090.11\nAMServiceEnabled : sometimes\n');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues[0]).toMatchObject({ code: 'computer_status_bad_value', line: 2, column: 20 });
    expect(loaded.issues[0]?.file).toMatch(/status\.txt$/);
  });

  it('should refuse a file that is not an export, without quoting it', () => {
    const loaded = load(GIVEN, 'API_KEY=s3cret\n');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues[0]?.code).toBe('computer_status_unrecognised');
    expect(JSON.stringify(loaded.issues)).not.toContain('s3cret');
  });
});
