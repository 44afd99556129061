/** The public surface: one library call from a tenant, fleet, policy and stream to verdicts and reports. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFLICT_SETTINGS,
  DEFAULT_TENANT,
  deviceWithDefaults,
  runSimulation,
  type SimulationInput,
} from '../engine/index.ts';

describe('engine/index.ts', () => {
  it('should run a tenant, a fleet, a policy and a generated stream, and return every projection', () => {
    const devices = Array.from({ length: 50 }, (_, i) =>
      deviceWithDefaults({ name: `lt-${i}`, os: 'windows-10', primaryAv: 'non-microsoft' }),
    );
    const input: SimulationInput = {
      seed: 7,
      startMs: 0,
      settings: DEFAULT_CONFLICT_SETTINGS,
      tenant: { ...DEFAULT_TENANT, edrBlockMode: true },
      devices,
      exclusions: { paths: ['C:\\Tools\\'], extensions: [], processes: [] },
      indicators: [],
      timeline: [
        {
          kind: 'generate',
          at: 0,
          order: 0,
          generate: {
            id: 'gen-1',
            at: 0,
            count: 5_000,
            devices: devices.map((d) => d.name),
            window: 3_600_000,
            mix: { malicious: 0.2, pua: 0.05, benign: 0.75 },
            detection: { primaryAv: 0.5, mdav: 0.9, edr: 0.8 },
          },
        },
      ],
    };
    const run = runSimulation(input);
    expect(run.verdicts).toHaveLength(5_000);
    expect(run.counts.artifacts).toBe(5_000);
    expect(run.counts.byBlocker['edr-block-mode']).toBeGreaterThan(0);
    expect(run.actionCenter).toHaveLength(run.counts.actionCenter);
    expect(run.alerts.length).toBe(run.counts.alerts);
    expect(run.devices).toHaveLength(50);
    expect(run.recommendations).toEqual([]); // block mode is on everywhere
    expect(run.verdicts.every((v) => v.reasons.length > 0)).toBe(true);
  });
});
