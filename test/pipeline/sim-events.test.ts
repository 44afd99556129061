import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION, DEFAULT_MIX } from '../../engine/core/generate-spec.ts';
import type { TimelineEvent } from '../../engine/core/simulation-input.ts';
import { deviceWithDefaults } from '../../engine/core/config.ts';
import { createFleetModel } from '../../engine/model/index.ts';
import { isChangeEvent, simEvents } from '../../engine/pipeline/sim-events.ts';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT } from '../../engine/core/config.ts';
import { artifact } from './context-fixture.ts';

/** A generate event at `at`: two artifacts on ws-01 at that instant, unless told otherwise. */
const generate = (at: number, { devices = ['ws-01'], count = 2, window = 0 } = {}): TimelineEvent => ({
  kind: 'generate',
  at,
  order: 9,
  generate: { id: 'gen-1', at, count, devices, window, mix: DEFAULT_MIX, detection: DEFAULT_DETECTION },
});

describe('simEvents', () => {
  it('should put timeline events before generated artifacts at the same instant, in file order, and written artifacts unwrapped', () => {
    const timeline: TimelineEvent[] = [
      { kind: 'change', at: 1000, order: 0, change: { tenant: { edrBlockMode: true } } },
      { kind: 'artifact', at: 1000, order: 1, artifact: artifact({ id: 'written', at: 1000 }) },
      generate(1000),
      { kind: 'change', at: 2000, order: 2, change: {} },
    ];
    const items = [...simEvents({ seed: 1, devices: [deviceWithDefaults({ name: 'ws-01', os: 'windows-11' })], timeline })];
    expect(items.map((item) => (isChangeEvent(item) ? `change@${item.at}` : `${item.id}@${item.at}`))).toEqual([
      'change@1000',
      'written@1000',
      expect.stringMatching(/^gen-1-.*@1000$/),
      expect.stringMatching(/^gen-1-.*@1000$/),
      'change@2000',
    ]);
  });

  it("should give a generated device its fleet index and that device's OS, the first of a repeated name included", () => {
    // Server OSes draw server workloads: the OS the generator gets shows in the artifacts' paths.
    const devices = [
      deviceWithDefaults({ name: 'srv', os: 'server-2022' }),
      deviceWithDefaults({ name: 'ws', os: 'windows-11' }),
      // A repeated name (the loader refuses it; a library caller may not): the model keeps the first.
      deviceWithDefaults({ name: 'srv', os: 'windows-10' }),
    ];
    const model = createFleetModel({ tenant: DEFAULT_TENANT, devices, settings: DEFAULT_CONFLICT_SETTINGS });
    const run = (input: Omit<Parameters<typeof simEvents>[0], 'timeline'>, names: string[]) =>
      [
        ...simEvents({ ...input, timeline: [generate(0, { devices: names, count: 40, window: 3_600_000 })] }, (name) =>
          model.indexOf(name),
        ),
      ].map((item) => (isChangeEvent(item) ? '' : `${item.deviceIndex}:${item.device}:${item.path}`));
    const seen = run({ seed: 3, devices }, ['srv', 'ws', 'nowhere']);
    expect(new Set(seen.map((line) => line.split(':')[0]))).toEqual(new Set(['0', '1', '-1']));
    // The same artifacts as a fleet where the name is not repeated: the first device's OS, server-2022.
    const unique = devices.slice(0, 2);
    expect(seen).toEqual(run({ seed: 3, devices: unique }, ['srv', 'ws', 'nowhere']));
    // Without the model's lookup (explain, tests), the same first device's OS.
    const plain = (names: string[]) =>
      [...simEvents({ seed: 3, devices, timeline: [generate(0, { devices: names, count: 40, window: 3_600_000 })] })].map(
        (item) => (isChangeEvent(item) ? '' : `${item.device}:${item.path}`),
      );
    expect(plain(['srv', 'ws', 'nowhere'])).toEqual(seen.map((line) => line.slice(line.indexOf(':') + 1)));
    // And not those of a fleet whose first srv is a workstation: the OS reaches the generator.
    expect(seen).not.toEqual(run({ seed: 3, devices: [devices[2]!, devices[1]!] }, ['srv', 'ws', 'nowhere']));
  });
});
