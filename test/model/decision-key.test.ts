import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';
import { OS_NAMES } from '../../engine/core/vocabulary.ts';
import { decisionFlags, decisionKey } from '../../engine/model/decision-key.ts';
import { deviceArbitrary } from './device.arb.ts';

describe('decisionFlags / decisionKey — identity of a configuration for shared decisions', () => {
  it('should give equal flags exactly when the string keys agree on the packed fields', () => {
    fc.assert(
      fc.property(deviceArbitrary('a'), deviceArbitrary('b'), (a, b) => {
        const samePacked = decisionKey(a) === decisionKey(withVersionsOf(b, a));
        expect(decisionFlags(a) === decisionFlags(b)).toBe(samePacked);
      }),
      { numRuns: 300 },
    );
  });

  it('should ignore name, tags, domain and exclusions', () => {
    const a = deviceWithDefaults({ name: 'a', os: 'windows-10' });
    const b = deviceWithDefaults({
      name: 'b',
      os: 'windows-10',
      tags: ['x'],
      domain: 'corp',
      exclusions: { paths: ['C:\\'], extensions: [], processes: [] },
    });
    expect(decisionFlags(a)).toBe(decisionFlags(b));
    expect(decisionKey(a)).toBe(decisionKey(b));
  });

  it('should give every OS its own flags', () => {
    const flags = OS_NAMES.map((os) => decisionFlags(deviceWithDefaults({ name: 'x', os })));
    expect(new Set(flags).size).toBe(OS_NAMES.length);
  });

  it('should refuse to pack a value outside the enums, leaving it to the string key', () => {
    expect(decisionFlags({ ...deviceWithDefaults({ name: 'x', os: 'windows-10' }), os: 'windows-7' } as never)).toBeUndefined();
    expect(
      decisionFlags(deviceWithDefaults({ name: 'x', os: 'windows-10', forceDefenderPassiveMode: 2 as never })),
    ).toBeUndefined();
  });
});

function withVersionsOf(device: DeviceConfig, from: DeviceConfig): DeviceConfig {
  return {
    ...device,
    passiveRemediation: from.passiveRemediation,
    mdav: { ...device.mdav, platform: from.mdav.platform, engine: from.mdav.engine },
  };
}
