// Cloud protection from Get-MpPreference's MAPSReporting, for `edrsim doctor --mppref`.
import { describe, expect, it } from 'vitest';
import { readCloudProtection } from '../../engine/model/index.ts';

describe('readCloudProtection', () => {
  it('should read MAPSReporting 1 or 2 as on and 0 as off, from the text and the JSON export', () => {
    expect(readCloudProtection('ExclusionPath : {}\nMAPSReporting : 2')).toEqual({
      ok: true,
      value: { value: true, line: 2, column: 17 },
    });
    expect(readCloudProtection('{\n  "ExclusionPath": null,\n  "MAPSReporting": 0\n}')).toEqual({
      ok: true,
      value: { value: false, line: 3, column: 20 },
    });
  });

  it('should say nothing (undefined) when the export has no MAPSReporting', () => {
    expect(readCloudProtection('ExclusionPath : {C:\\Tools}')).toEqual({ ok: true, value: undefined });
  });

  it('should still read it when the exclusion lists are hidden from a non-admin', () => {
    const text = 'ExclusionPath : {N/A: Must be an administrator to view exclusions}\nMAPSReporting : 1';
    expect(readCloudProtection(text)).toMatchObject({ ok: true, value: { value: true, line: 2 } });
  });

  it('should place a value other than 0, 1 or 2 at its line and column', () => {
    const read = readCloudProtection('ExclusionPath : {}\nMAPSReporting : Advanced');
    expect(read.ok || read.issues.map((i) => [i.code, i.line, i.column, i.message])).toEqual([
      ['mp_preference_bad_value', 2, 17, 'MAPSReporting is "Advanced", not 0, 1 or 2'],
    ]);
  });

  it('should refuse a file that is no Get-MpPreference export, or JSON that does not parse, as the exclusions importer does', () => {
    expect(readCloudProtection('AMRunningMode : Normal').ok || 'refused').toBe('refused');
    const broken = readCloudProtection('{ "ExclusionPath": [ }');
    expect(broken.ok || broken.issues[0]?.code).toBe('mp_preference_bad_json');
  });
});
