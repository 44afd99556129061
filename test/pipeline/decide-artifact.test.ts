import { describe, expect, it } from 'vitest';
import { decideArtifact, decideCode } from '../../engine/pipeline/decide-artifact.ts';
import { decodeVerdict } from '../../engine/pipeline/verdict-code.ts';
import { artifact, context, EXCLUDED } from './context-fixture.ts';

const X = 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe';
const codes = (reasons: readonly { layer: string; code: string }[]) => reasons.map((r) => `${r.layer}:${r.code}`);

describe('decideArtifact: the primary antivirus', () => {
  it('should block by primary-av with detection status none and record nothing in Defender', () => {
    const v = decideArtifact(
      context({ primaryAvRunning: true }),
      artifact({ signals: { primaryAv: true, mdav: true, edr: true } }),
    );
    expect(v).toMatchObject({ outcome: 'blocked', by: 'primary-av', detectionStatus: 'none', actionCenter: false, alerts: [] });
    expect(codes(v.reasons)).toEqual(['primary-av:blocked']);
  });
});

describe('decideArtifact: passive Defender Antivirus with EDR in block mode', () => {
  it('should remediate an EDR detection as Blocked with an Action Center entry (T32)', () => {
    const v = decideArtifact(context(), artifact());
    expect(v).toMatchObject({ outcome: 'blocked', by: 'edr-block-mode', detectionStatus: 'Blocked', actionCenter: true });
    expect(v.actionCenterEntry).toMatchObject({
      actionType: 'Quarantine file',
      status: 'Completed',
      actionSource: 'Automated device action',
    });
    expect(v.alerts).toEqual([
      expect.objectContaining({ detectionSource: 'WindowsDefenderAv', detectionStatus: 'Blocked', severity: 'Low' }),
    ]);
    expect(codes(v.reasons)).toContain('indicator:not-consulted');
  });

  it('should not remediate an excluded artifact, but keep the EDR alert as Detected (T33)', () => {
    const v = decideArtifact(context({ excludedPaths: [X.toLowerCase()] }), artifact());
    expect(v).toMatchObject({ outcome: 'detected', by: 'none', detectionStatus: 'Detected', actionCenter: false });
    expect(v.alerts).toEqual([expect.objectContaining({ detectionSource: 'WindowsDefenderAtp', detectionStatus: 'Detected' })]);
    expect(codes(v.reasons)).toEqual([
      'primary-av:missed',
      'indicator:not-supported-passive',
      'mdav:passive-no-real-time',
      'edr-sensor:detected-despite-exclusion',
      'edr-block-mode:honours-exclusion',
    ]);
  });

  it('should still remediate when an Allow indicator matches, since block mode ignores indicators (T34)', () => {
    const v = decideArtifact(context({ indicators: { ['aa'.repeat(32)]: 'Allowed' } }), artifact());
    expect(v).toMatchObject({ outcome: 'blocked', by: 'edr-block-mode' });
  });

  it('should not enforce a Block indicator on a file the EDR did not flag (T35)', () => {
    const v = decideArtifact(
      context({ indicators: { ['aa'.repeat(32)]: 'Block' } }),
      artifact({ signals: { primaryAv: false, mdav: false, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'missed', by: 'none', detectionStatus: 'none' });
  });

  it('should report but not remediate a scan detection when block mode is off (T36)', () => {
    const v = decideArtifact(
      context({ blockMode: false }),
      artifact({ trigger: 'scheduled-scan', scanType: 'quick', signals: { primaryAv: false, mdav: true, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'detected', by: 'none', detectionStatus: 'Detected', actionCenter: false });
    expect(v.alerts).toEqual([expect.objectContaining({ detectionSource: 'WindowsDefenderAv', detectionStatus: 'Detected' })]);
  });

  it('should say allowed when a passive scan would have flagged an excluded file and no alert exists', () => {
    const v = decideArtifact(
      context({ excludedPaths: [X.toLowerCase()] }),
      artifact({ trigger: 'on-demand-scan', signals: { primaryAv: false, mdav: true, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'allowed', by: 'none', detectionStatus: 'none' });
    expect(v.reasons).toContain(EXCLUDED);
  });

  it('should give the block-mode reasons when block mode is not effective', () => {
    const v = decideArtifact(context({ blockMode: false }), artifact());
    expect(v).toMatchObject({ outcome: 'detected', detectionStatus: 'Detected' });
    expect(codes(v.reasons)).toContain('edr-block-mode:switched-off');
  });
});

describe('decideArtifact: active Defender Antivirus', () => {
  it('should report the exclusion on a clean file with no indicator, looked up only when the verdict’s is read', () => {
    let lookups = 0;
    const ctx = context({ mode: 'active', excludedPaths: [X.toLowerCase()] });
    const counted = {
      ...ctx,
      exclusionHit: (query: Parameters<typeof ctx.exclusionHit>[0]) => (lookups++, ctx.exclusionHit(query)),
    };
    const clean = artifact({ class: 'benign', signals: { primaryAv: false, mdav: false, edr: false } });
    // Excluded or not, a clean file with no indicator is missed: the decision does not need the lookup.
    expect(decodeVerdict(decideCode(counted, clean)).outcome).toBe('missed');
    const v = decideArtifact(counted, clean);
    expect(lookups).toBe(0);
    expect(v.exclusion?.id).toBe('tenant:paths[0]');
    expect(v.exclusion?.id).toBe('tenant:paths[0]');
    expect(lookups).toBe(1);
    expect(decideArtifact(counted, { ...clean, path: 'C:\\other.exe' }).exclusion).toBeUndefined();
  });

  const active = (extra = {}) => context({ mode: 'active', primaryAvRunning: false, ...extra });

  it('should prevent a file MDAV detects on access, with an Informational alert and an Action Center entry', () => {
    const v = decideArtifact(active(), artifact({ trigger: 'on-access' }));
    expect(v).toMatchObject({ outcome: 'blocked', by: 'mdav', detectionStatus: 'Prevented', actionCenter: true });
    expect(v.alerts).toEqual([expect.objectContaining({ severity: 'Informational', detectionSource: 'WindowsDefenderAv' })]);
  });

  it('should label the signature step by the layer that acted, mdav, not indicator (§5.4 step 6)', () => {
    const v = decideArtifact(active(), artifact({ trigger: 'on-access' }));
    expect(codes(v.reasons)).toEqual(['mdav:engine-block', 'mdav:remediated']);
  });

  it('should mark a file that behaviour monitoring stopped as Blocked: behaviour monitoring sees only what already runs (§4.2 BM)', () => {
    const v = decideArtifact(active(), artifact({ kind: 'file', trigger: 'behavior' }));
    expect(v).toMatchObject({ outcome: 'blocked', by: 'mdav', detectionStatus: 'Blocked' });
    expect(v.alerts).toEqual([expect.objectContaining({ severity: 'Low', detectionStatus: 'Blocked' })]);
  });

  it('should mark a stopped process as Blocked rather than Prevented', () => {
    const v = decideArtifact(active(), artifact({ kind: 'process', trigger: 'on-access' }));
    expect(v).toMatchObject({ by: 'mdav', detectionStatus: 'Blocked' });
    expect(v.actionCenterEntry?.actionType).toBe('Stop process');
  });

  it('should block by indicator with an alert but no Action Center entry (T38, §5.5)', () => {
    const v = decideArtifact(
      active({ indicators: { ['aa'.repeat(32)]: 'Block' } }),
      artifact({ trigger: 'on-access', signals: { primaryAv: false, mdav: false, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'blocked', by: 'indicator', detectionStatus: 'Prevented', actionCenter: false });
    expect(v.alerts).toHaveLength(1);
  });

  it('should block by a Block indicator with generateAlert false and raise no alert (§5.5)', () => {
    const v = decideArtifact(
      active({ indicators: { ['aa'.repeat(32)]: 'Block' }, generateAlert: false }),
      artifact({ trigger: 'on-access', signals: { primaryAv: false, mdav: false, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'blocked', by: 'indicator', detectionStatus: 'Prevented', actionCenter: false });
    expect(v.alerts).toEqual([]);
  });

  it('should let an MDAV exclusion beat a Block indicator (T39)', () => {
    const v = decideArtifact(
      active({ excludedPaths: [X.toLowerCase()], indicators: { ['aa'.repeat(32)]: 'Block' } }),
      artifact({ trigger: 'on-access', signals: { primaryAv: false, mdav: false, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'allowed', by: 'none' });
    expect(codes(v.reasons)).toContain('indicator:ioc-overruled');
  });

  it('should let an Allow indicator beat the antivirus block (T43)', () => {
    const v = decideArtifact(
      active({ indicators: { ['aa'.repeat(32)]: 'Allowed' } }),
      artifact({ trigger: 'on-access', signals: { primaryAv: false, mdav: true, edr: false } }),
    );
    expect(v).toMatchObject({ outcome: 'allowed', by: 'none', detectionStatus: 'none' });
  });

  it('should let block mode act on what MDAV did not remediate in active mode by default (§3.9)', () => {
    const v = decideArtifact(active(), artifact({ signals: { primaryAv: false, mdav: false, edr: true } }));
    expect(v).toMatchObject({ outcome: 'blocked', by: 'edr-block-mode' });
  });

  it('should do nothing in active mode when the active-mode setting is none', () => {
    const v = decideArtifact(
      active({ activeModeBlockMode: 'none' }),
      artifact({ signals: { primaryAv: false, mdav: false, edr: true } }),
    );
    expect(v).toMatchObject({ outcome: 'detected', by: 'none' });
    expect(codes(v.reasons)).toContain('edr-block-mode:active-mode-noop');
  });
});

describe('decideArtifact: devices without Defender', () => {
  it('should miss everything Defender would see when MDAV is disabled and the device is not onboarded', () => {
    const v = decideArtifact(context({ mode: 'disabled', primaryAvRunning: false, edrSensor: false }), artifact());
    expect(v).toMatchObject({ outcome: 'missed', by: 'none', detectionStatus: 'none', alerts: [] });
    expect(codes(v.reasons)).toEqual(['mdav:not-running', 'mode:disabled', 'edr-sensor:not-onboarded']);
  });
});
