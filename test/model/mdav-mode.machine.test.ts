import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { DEFAULT_CONFLICT_SETTINGS, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { mdavModeMachine } from '../../engine/model/mdav-mode.machine.ts';

const server = (given: Partial<DeviceConfig>) =>
  deviceWithDefaults({ name: 's', os: 'server-2022', primaryAv: 'non-microsoft', ...given });
const changes = (...devices: DeviceConfig[]) => {
  let [snapshot] = initialTransition(mdavModeMachine);
  const values: string[] = [String(snapshot.value)];
  for (const device of devices) {
    [snapshot] = transition(mdavModeMachine, snapshot, { type: 'config.changed', device, settings: DEFAULT_CONFLICT_SETTINGS });
    values.push(String(snapshot.value));
  }
  return { values, reasons: snapshot.context.reasons };
};

describe('mdavModeMachine — re-resolution with the previous mode (§1.4)', () => {
  it('should resolve the first configuration without a previous mode (tamper protection does not apply)', () => {
    expect(changes(server({ forceDefenderPassiveMode: 1 })).values).toEqual(['unresolved', 'passive']);
  });

  it('T15: should stay active when tamper protection blocks a later move to passive', () => {
    const { values, reasons } = changes(server({}), server({ forceDefenderPassiveMode: 1 }));
    expect(values).toEqual(['unresolved', 'active', 'active']);
    expect(reasons[0]?.code).toBe('tamper-protection-blocks-passive');
  });

  it('T16: should go passive → active when the key is set to 0 under tamper protection', () => {
    expect(changes(server({ forceDefenderPassiveMode: 1 }), server({ forceDefenderPassiveMode: 0 })).values).toEqual([
      'unresolved',
      'passive',
      'active',
    ]);
  });

  it('should keep the reasons of the latest resolution in context', () => {
    const { reasons } = changes(server({ mdav: { installed: false, platform: '1.0', engine: '1.0', cloudProtection: true } }));
    expect(reasons.map((r) => r.code)).toEqual(['mdav-not-installed']);
  });
});
