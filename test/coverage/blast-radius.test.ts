import { describe, expect, it } from 'vitest';
import { blastRadius } from '../../engine/coverage/blast-radius.ts';
import { renderBlastRadiusText } from '../../engine/coverage/render-blast-radius-text.ts';
import { scenarioPolicy } from '../../engine/diff/load-policy-source.ts';
import { scenarioFrom } from '../diff/diff-fixture.ts';

const HASH = 'c'.repeat(64);
const behaviour = { primaryAv: 'miss', mdav: 'miss', edr: 'detect' };

// A passive device with EDR in block mode: the temp-folder exclusion stops block mode remediating the dropper.
const fleet = scenarioFrom({
  name: 'blast',
  tenant: { edrBlockMode: true },
  devices: [{ name: 'ws-0', os: 'windows-11', primaryAv: 'non-microsoft' }],
  exclusions: { paths: ['C:\\Users\\*\\AppData\\Local\\Temp\\'], extensions: ['tmp'] },
  indicators: [{ type: 'FileSha256', value: HASH, action: 'Allowed' }],
  timeline: [
    {
      at: '1m',
      artifact: {
        id: 'dropper',
        device: 'ws-0',
        kind: 'behavior',
        class: 'malicious',
        path: 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
        trigger: 'behavior',
        technique: 'T1059.001',
        signals: behaviour,
      },
    },
  ],
});
const policy = scenarioPolicy(fleet, 'blast.json', '');
const radius = (entry: string) => {
  const result = blastRadius(entry, policy, fleet, { generate: 0 });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('blastRadius', () => {
  it('should count the detections a temp-folder exclusion hides from block mode, with the artifact as an example', () => {
    const temp = radius('C:\\Users\\*\\AppData\\Local\\Temp\\');
    expect(temp.kind).toBe('exclusion');
    expect(temp.words).toContain('wildcard folders');
    expect(temp.devices).toEqual({ total: 1, byMode: { passive: 1 }, byOs: { 'windows-11': 1 } });
    expect(temp.hidden.byClass.malicious).toBe(1);
    expect(temp.hidden.byTechnique['T1059.001']).toBe(1);
    expect(temp.hidden.examples.map((example) => example.artifact)).toContain('dropper');
  });

  it('should flag a user-writable folder, enumeration (T1564.012) and block mode not remediating while the alert remains', () => {
    const codes = radius('c:\\users\\*\\appdata\\local\\temp\\').risks.map((risk) => risk.code);
    expect(codes).toEqual(['user_writable_folder', 'enumerable', 'block_mode_no_remediation']);
    const text = renderBlastRadiusText(radius('C:\\Users\\*\\AppData\\Local\\Temp\\'));
    expect(text).toContain('T1564.012');
    expect(text).toMatch(/not remediated, while the EDR alert remains/);
    expect(text).toMatch(/hint: /);
    expect(text).toContain('by technique: T1059.001 1');
    // Cites are footnotes with the source's title and Learn link, never a bare code.
    expect(text).toMatch(/block_mode_no_remediation: .* \(§3\.8 \[\d\]\)$/m);
    expect(text).toMatch(/^\[\d\] §3\.8 Interplay with exclusions and indicators$/m);
    expect(text).toContain('https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode');
  });

  it('should flag an extension-wide entry with a path pattern as the narrower alternative', () => {
    const tmp = radius('tmp').risks.find((risk) => risk.code === 'extension_wide');
    expect(tmp?.message).toContain("never-exclude list");
    expect(tmp?.hint).toContain('D:\\Data\\*.tmp');
  });

  it('should say an indicator is not honoured by block mode (§3.8)', () => {
    const allow = radius(HASH.toUpperCase());
    expect(allow.kind).toBe('indicator');
    expect(allow.risks.map((risk) => [risk.code, risk.cite])).toEqual([['not_honoured_by_block_mode', '§3.8']]);
  });

  it('should refuse an entry that is not in the policy, naming the nearest ones', () => {
    const result = blastRadius('C:\\Users\\*\\AppData\\Local\\Tmp\\', policy, fleet, { generate: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: 'unknown_entry' });
    expect(result.issues[0]!.hint).toContain('C:\\Users\\*\\AppData\\Local\\Temp\\');
  });
});
