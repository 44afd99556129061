import { describe, expect, it } from 'vitest';
import { coverageFindings } from '../../engine/coverage/coverage-findings.ts';
import { measureCoverage } from '../../engine/coverage/measure-coverage.ts';
import { scenarioFrom } from '../diff/diff-fixture.ts';

const HASH = 'a'.repeat(64);
const detect = { primaryAv: 'miss', mdav: 'detect', edr: 'detect' };
const file = (id: string, device: string, path: string, extra: object = {}) => ({
  at: `${id.slice(1)}m`,
  artifact: { id, device, kind: 'file', class: 'malicious', path, trigger: 'on-access', signals: detect, ...extra },
});

const folders = scenarioFrom({
  name: 'folders',
  devices: [{ name: 'ws-0', os: 'windows-11' }],
  exclusions: { paths: ['C:\\Build\\', 'C:\\Build\\out\\', 'D:\\Never\\'] },
  indicators: [{ type: 'FileSha256', value: HASH, action: 'BlockAndRemediate' }],
  timeline: [
    file('a1', 'ws-0', 'C:\\Build\\x.exe'),
    file('a2', 'ws-0', 'C:\\Build\\out\\m.exe'),
    file('a3', 'ws-0', 'C:\\Users\\bob\\evil.exe', { sha256: HASH, technique: 'T1204.002' }),
  ],
});

const byKey = (scenario = folders) => new Map(measureCoverage([scenario]).report.entries.map((entry) => [entry.key, entry]));

describe('measureCoverage', () => {
  it('should count decided N from the entries the compact verdicts name, split by trigger and mode', () => {
    const outer = byKey().get('tenant:paths[0]')!;
    expect(outer).toMatchObject({ status: 'decided', decided: 2, matched: 2 });
    expect(outer.decidedBy).toEqual({ byTrigger: { 'on-access': 2 }, byMode: { active: 2 } });
    expect(byKey().get('ioc-1')).toMatchObject({ kind: 'indicator', status: 'decided', decided: 1 });
  });

  it('should call a folder inside an excluded folder shadowed, and name the entry that covers it', () => {
    expect(byKey().get('tenant:paths[1]')).toMatchObject({ status: 'shadowed', decided: 0, matched: 1, shadowedBy: ['tenant:paths[0]'] });
  });

  it('should call shadowed whatever the order of the entries (the inner folder written first)', () => {
    const swapped = scenarioFrom(rawFolders(['C:\\Build\\out\\', 'C:\\Build\\']));
    const entries = byKey(swapped);
    expect(entries.get('tenant:paths[0]')).toMatchObject({ status: 'shadowed', decided: 1 });
    expect(entries.get('tenant:paths[1]')).toMatchObject({ status: 'decided', decided: 1, matched: 2 });
  });

  it('should not call an Allow indicator shadowed by a Block on the same file: that is a conflict (§5.4), not redundancy', () => {
    const conflict = scenarioFrom({
      name: 'conflict',
      devices: [{ name: 'ws-0', os: 'windows-11' }],
      indicators: [
        { type: 'FileSha256', value: HASH, action: 'BlockAndRemediate' },
        { type: 'FileSha256', value: HASH, action: 'Allowed' },
      ],
      timeline: [file('a1', 'ws-0', 'C:\\x.exe', { sha256: HASH })],
    });
    const entries = byKey(conflict);
    expect([entries.get('ioc-1')?.status, entries.get('ioc-2')?.status]).toEqual(['decided', 'decided']);
  });

  it('should call an entry nothing matched never, and report it as a finding at its line', () => {
    const measured = measureCoverage([folders], () => 'exclusions:\n  paths: [x, "D:\\\\Never\\\\"]\n');
    expect(measured.report.entries.find((entry) => entry.key === 'tenant:paths[2]')).toMatchObject({ status: 'never', line: 2 });
    const findings = coverageFindings(measured.report);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['edrsim-coverage-shadowed', 'edrsim-coverage-never']);
    expect(findings[1]).toMatchObject({ level: 'warning', location: { file: 'law.json', line: 2, column: 15 } });
  });

  it('should call an indicator inert when every device is passive (indicators are honoured by active MDAV only, §5.2)', () => {
    const passive = scenarioFrom({
      name: 'passive',
      devices: [{ name: 'ws-0', os: 'windows-11', primaryAv: 'non-microsoft' }],
      indicators: [{ type: 'FileSha256', value: HASH, action: 'BlockAndRemediate' }],
      timeline: [file('a1', 'ws-0', 'C:\\x.exe', { sha256: HASH })],
    });
    expect(byKey(passive).get('ioc-1')).toMatchObject({ status: 'inert', decided: 0, matched: 1 });
  });

  it('should give the exercised share and the count per status', () => {
    const { report } = measureCoverage([folders]);
    expect(report).toMatchObject({ exercised: 2, total: 4, percent: 50, counts: { decided: 2, never: 1, shadowed: 1, inert: 0 } });
  });

  it('should tally techniques of malicious artifacts by outcome for the Navigator layer', () => {
    const { techniques } = measureCoverage([folders]);
    expect(Array.from(techniques.entries())).toEqual([['T1204.002', { blocked: 1, detected: 0, missed: 0 }]]);
  });
});

function rawFolders(paths: string[]): object {
  return {
    name: 'swapped',
    devices: [{ name: 'ws-0', os: 'windows-11' }],
    exclusions: { paths },
    timeline: [file('a1', 'ws-0', 'C:\\Build\\x.exe'), file('a2', 'ws-0', 'C:\\Build\\out\\m.exe')],
  };
}
