import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { blockModeSwitchMachine, type BlockModeSwitchEvent } from '../../engine/model/block-mode-switch.machine.ts';
import { mdavModeMachine, type ConfigChangedEvent } from '../../engine/model/mdav-mode.machine.ts';
import { statechartCoverage } from './statechart-coverage.ts';

const configChanged = (device: DeviceConfig): ConfigChangedEvent => ({
  type: 'config.changed',
  device,
  settings: DEFAULT_CONFLICT_SETTINGS,
});
const MODE_EVENTS: readonly ConfigChangedEvent[] = [
  configChanged(deviceWithDefaults({ name: 'a', os: 'windows-10' })),
  configChanged(deviceWithDefaults({ name: 'p', os: 'windows-10', primaryAv: 'non-microsoft' })),
  configChanged(deviceWithDefaults({ name: 'd', os: 'windows-10', primaryAv: 'non-microsoft', onboarded: false })),
  configChanged(
    deviceWithDefaults({
      name: 'n',
      os: 'windows-10',
      mdav: { installed: false, platform: '0.0', engine: '0.0', cloudProtection: false },
    }),
  ),
];
const SWITCH_EVENTS: readonly BlockModeSwitchEvent[] = [
  { type: 'turn-on', at: 0, delay: 0 },
  { type: 'turn-on', at: 0, delay: 10 },
  { type: 'turn-off', at: 0, delay: 0 },
  { type: 'turn-off', at: 0, delay: 10 },
  { type: 'due', at: 5 },
  { type: 'due', at: 10 },
];
const modeCoverage = (events: readonly ConfigChangedEvent[]) =>
  statechartCoverage(mdavModeMachine, events, (snapshot) => String(snapshot.value));
const switchCoverage = (events: readonly BlockModeSwitchEvent[]) =>
  statechartCoverage(blockModeSwitchMachine, events, (snapshot) => `${snapshot.value}@${snapshot.context.dueAt}`);

describe('statechart coverage (@xstate/graph traversal)', () => {
  it('should visit every state and transition of the MDAV mode machine', () => {
    const coverage = modeCoverage(MODE_EVENTS);
    console.info(coverage.report);
    expect(coverage.transitions.total).toBe(20);
    expect(coverage.percent, coverage.report).toBe(100);
  });

  it('should visit every state and transition of the block-mode switch machine, due events included', () => {
    const coverage = switchCoverage(SWITCH_EVENTS);
    console.info(coverage.report);
    expect(coverage.transitions.total).toBe(8);
    expect(coverage.percent, coverage.report).toBe(100);
  });

  it('should report less than 100 % and name what is missing when events leave a transition untaken', () => {
    const coverage = switchCoverage(SWITCH_EVENTS.filter((event) => event.type !== 'due'));
    expect(coverage.percent).toBeLessThan(100);
    expect(coverage.transitions.missing).toEqual(['enabling --due#3--> on', 'disabling --due#7--> off']);
  });

  it('should report a state never reached', () => {
    const coverage = modeCoverage(MODE_EVENTS.slice(0, 1));
    expect(coverage.states.missing).toEqual(['passive', 'disabled', 'not-installed']);
  });
});
