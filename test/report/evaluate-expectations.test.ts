import { describe, expect, it } from 'vitest';
import { POLICY_LOAD_OPTIONS, runScenario } from '../../engine/run-scenario.ts';
import { loadScenario } from '../../engine/scenario/index.ts';

const scenario = (expectations: string) => {
  const loaded = loadScenario(
    `name: t
tenant: { edrBlockMode: true }
devices: [{ name: ws-01, os: windows-11, primaryAv: non-microsoft }]
exclusions: { paths: ['C:\\Tools\\'] }
timeline:
  - at: 0m
    artifact: { id: a1, device: ws-01, path: 'C:\\Tools\\x.exe', trigger: behavior, signals: { primaryAv: miss, mdav: detect, edr: detect } }
expect:
${expectations}`,
    't.yaml',
    POLICY_LOAD_OPTIONS,
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.value);
};

describe('evaluateExpectations', () => {
  it('should say what was expected, what happened and why, with the cite', () => {
    const [result] = scenario('  - { artifact: a1, outcome: blocked, by: edr-block-mode, cite: "§3.8" }').expectations;
    expect(result).toMatchObject({ passed: false, cite: '§3.8', kind: 'artifact' });
    expect(result?.message).toBe('artifact a1: outcome blocked, by edr-block-mode — got outcome detected, by none');
    expect(result?.details?.at(-1)).toContain('[edr-block-mode] EDR in block mode honours MDAV exclusions');
  });

  it('should count alerts and Action Center entries through their filters', () => {
    const results = scenario(`  - { alerts: { detectionSource: WindowsDefenderAtp, detectionStatus: Detected, count: 1 } }
  - { actionCenter: { device: ws-01, atMost: 0 } }
  - { alerts: { severity: High, atLeast: 1 } }`).expectations;
    expect(results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(results[2]?.message).toBe('alerts (severity High): expected at least 1, got 0');
  });

  it('should read device state at a time and at the end of the run', () => {
    const results = scenario(`  - { device: ws-01, at: 0m, runningMode: EDR Block Mode }
  - { device: ws-01, mode: active }`).expectations;
    expect(results[0]?.passed).toBe(true);
    expect(results[1]).toMatchObject({
      passed: false,
      message: 'device ws-01 at the end of the run: mode active — got mode passive',
    });
  });

  it('should compute a totals share among the artifacts of a class', () => {
    const [result] = scenario('  - { totals: { class: malicious, outcome: detected, share: { atLeast: 1 } } }').expectations;
    expect(result).toMatchObject({
      passed: true,
      message: 'share of malicious artifacts with outcome detected: expected ≥ 1, got 1.000 (1/1)',
    });
  });
});
