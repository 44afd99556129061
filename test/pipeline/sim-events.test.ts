import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION, DEFAULT_MIX } from '../../engine/core/generate-spec.ts';
import type { TimelineEvent } from '../../engine/core/simulation-input.ts';
import { deviceWithDefaults } from '../../engine/core/config.ts';
import { isChangeEvent, simEvents } from '../../engine/pipeline/sim-events.ts';
import { artifact } from './context-fixture.ts';

const generate = (at: number): TimelineEvent => ({
  kind: 'generate',
  at,
  order: 9,
  generate: { id: 'gen-1', at, count: 2, devices: ['ws-01'], window: 0, mix: DEFAULT_MIX, detection: DEFAULT_DETECTION },
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
});
