/** §8.3 cases T32–T37 end to end: real exclusion lists and indicators through the whole pipeline. */
import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../engine/core/artifact.ts';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, deviceWithDefaults, type ExclusionLists } from '../../engine/core/config.ts';
import { runSimulation } from '../../engine/pipeline/run-simulation.ts';

const X = 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe';
const SHA = 'e3'.repeat(32);
const NONE: ExclusionLists = { paths: [], extensions: [], processes: [] };

function run(options: {
  edrBlockMode?: boolean;
  exclusions?: Partial<ExclusionLists>;
  indicators?: unknown[];
  artifact?: Partial<Artifact>;
}) {
  const artifact: Artifact = {
    id: 'x',
    device: 'ws-01',
    at: 0,
    class: 'malicious',
    kind: 'file',
    path: X,
    sha256: SHA,
    process: 'C:\\Tools\\launcher.exe',
    trigger: 'behavior',
    signals: { primaryAv: false, mdav: true, edr: true },
    ...options.artifact,
  };
  const result = runSimulation({
    seed: 0,
    startMs: 0,
    settings: DEFAULT_CONFLICT_SETTINGS,
    tenant: { ...DEFAULT_TENANT, edrBlockMode: options.edrBlockMode ?? true },
    devices: [deviceWithDefaults({ name: 'ws-01', os: 'windows-10', primaryAv: 'non-microsoft' })],
    exclusions: { ...NONE, ...options.exclusions },
    indicators: options.indicators ?? [],
    timeline: [{ kind: 'artifact', at: 0, order: 0, artifact }],
  });
  return { verdict: result.verdicts[0]!, result };
}

describe('§8.3 EDR in block mode with exclusions and indicators', () => {
  it('T32: remediates, shows Blocked in Action Center History, and the alert names Defender Antivirus', () => {
    const { verdict, result } = run({});
    expect(verdict).toMatchObject({ outcome: 'blocked', by: 'edr-block-mode', detectionStatus: 'Blocked', actionCenter: true });
    expect(result.actionCenter).toEqual([
      expect.objectContaining({ status: 'Completed', detectionStatus: 'Blocked', actionSource: 'Automated device action' }),
    ]);
    expect(result.alerts[0]).toMatchObject({ detectionSource: 'WindowsDefenderAv', detectionStatus: 'Blocked' });
    expect(result.devices[0]).toMatchObject({ mode: 'passive', runningMode: 'EDR Block Mode' });
  });

  it('T33: does not remediate under the path exclusion C:\\Users\\*\\AppData\\Local\\Temp, but the EDR alert is raised', () => {
    const { verdict, result } = run({ exclusions: { paths: ['C:\\Users\\*\\AppData\\Local\\Temp'] } });
    expect(verdict).toMatchObject({ outcome: 'detected', by: 'none', actionCenter: false });
    expect(result.alerts).toEqual([
      expect.objectContaining({ detectionSource: 'WindowsDefenderAtp', detectionStatus: 'Detected' }),
    ]);
    expect(verdict.reasons.find((r) => r.code === 'honours-exclusion')?.message).toContain('C:\\Users\\*\\AppData\\Local\\Temp');
  });

  it('T34: still remediates when a SHA-256 Allow indicator matches', () => {
    const { verdict } = run({
      indicators: [{ type: 'FileSha256', value: SHA, action: 'Allowed', title: 't', description: 'd' }],
    });
    expect(verdict).toMatchObject({ by: 'edr-block-mode' });
    expect(verdict.reasons.map((r) => r.code)).toContain('not-consulted');
  });

  it('T35: does not enforce a Block indicator on a file the EDR did not flag', () => {
    const { verdict } = run({
      indicators: [{ type: 'FileSha256', value: SHA, action: 'Block', title: 't', description: 'd' }],
      artifact: { trigger: 'on-access', signals: { primaryAv: false, mdav: false, edr: false } },
    });
    expect(verdict).toMatchObject({ outcome: 'missed', by: 'none' });
    expect(verdict.reasons.map((r) => r.code)).toContain('mdav-passive');
  });

  it('T36: reports a catch-up quick scan finding without remediating when block mode is off', () => {
    const { verdict } = run({
      edrBlockMode: false,
      artifact: { trigger: 'scheduled-scan', scanType: 'quick', signals: { primaryAv: false, mdav: true, edr: false } },
    });
    expect(verdict).toMatchObject({ outcome: 'detected', by: 'none', detectionStatus: 'Detected', actionCenter: false });
  });

  it('T37: a process exclusion for the opener does not apply to an on-demand scan, so block mode remediates', () => {
    const { verdict } = run({ exclusions: { processes: ['C:\\Tools\\launcher.exe'] }, artifact: { trigger: 'on-demand-scan' } });
    expect(verdict).toMatchObject({ by: 'edr-block-mode' });
    const onAccess = run({ exclusions: { processes: ['C:\\Tools\\launcher.exe'] }, artifact: { trigger: 'on-access' } });
    expect(onAccess.verdict).toMatchObject({ outcome: 'detected', by: 'none' });
  });
});

describe('runSimulation on input that skipped the loader', () => {
  it('should keep an invalid exclusion entry as an issue instead of dropping it silently', () => {
    const { result } = run({ exclusions: { paths: ['*:\\Temp'] } });
    expect(result.issues.map((issue) => issue.path)).toEqual([['paths', 0]]);
    expect(result.verdicts).toHaveLength(1);
  });
});
