/** Block mode keeps remediating until a disable reaches the device, and stops exactly then (contract §3, T29/T30). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../engine/core/artifact.ts';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, deviceWithDefaults } from '../../engine/core/config.ts';
import { runSimulation } from '../../engine/pipeline/run-simulation.ts';
import type { SimulationInput, TimelineEvent } from '../../engine/pipeline/sim-input.ts';

const MINUTE = 60_000;

function disableScenario(disableAt: number, delay: number, artifactTimes: readonly number[]): SimulationInput {
  const artifacts: Artifact[] = artifactTimes.map((at, i) => ({
    id: `a${i}`,
    device: 'ws-01',
    at,
    class: 'malicious',
    kind: 'behavior',
    path: 'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
    trigger: 'behavior',
    signals: { primaryAv: false, mdav: true, edr: true },
  }));
  const timeline: TimelineEvent[] = [
    ...artifacts.map((artifact, order): TimelineEvent => ({ kind: 'artifact', at: artifact.at, order, artifact })),
    // Listed first, so an artifact at the same instant sees it (state at t includes every event at ≤ t).
    { kind: 'change' as const, at: disableAt, order: -1, change: { tenant: { edrBlockMode: false } } },
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  return {
    seed: 0,
    startMs: 0,
    settings: DEFAULT_CONFLICT_SETTINGS,
    tenant: { ...DEFAULT_TENANT, edrBlockMode: true, propagation: { edrBlockModeDisable: delay, edrBlockModeEnable: 0 } },
    devices: [deviceWithDefaults({ name: 'ws-01', os: 'windows-11', primaryAv: 'non-microsoft' })],
    exclusions: { paths: [], extensions: [], processes: [] },
    indicators: [],
    timeline,
  };
}

describe('block-mode disable propagation', () => {
  it('should remediate until t0 + delay and never from then on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }).map((m) => m * MINUTE),
        fc.integer({ min: 0, max: 60 }).map((m) => m * MINUTE),
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 240 * MINUTE }),
            fc.integer({ min: 0, max: 240 }).map((m) => m * MINUTE),
          ),
          { maxLength: 15 },
        ),
        (disableAt, delay, times) => {
          const run = runSimulation(disableScenario(disableAt, delay, times));
          for (const verdict of run.verdicts) {
            const stillOn = verdict.at < disableAt + delay;
            expect(verdict.by).toBe(stillOn ? 'edr-block-mode' : 'none');
          }
        },
      ),
    );
  });

  it('should say disable-pending in the verdict of an artifact remediated during the window (T29)', () => {
    const run = runSimulation(disableScenario(10 * MINUTE, 30 * MINUTE, [25 * MINUTE, 41 * MINUTE]));
    expect(run.verdicts[0]?.reasons.map((r) => r.code)).toContain('disable-pending');
    expect(run.verdicts[1]).toMatchObject({ outcome: 'detected', by: 'none' }); // T30
  });
});
