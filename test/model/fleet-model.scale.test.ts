import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TENANT, deviceWithDefaults, type DeviceConfig } from '../../engine/core/config.ts';

// Count the expensive calls: xstate transitions and mode resolutions.
const calls = vi.hoisted(() => ({ transition: 0, initialTransition: 0, resolveMode: 0 }));
vi.mock('xstate', async (importOriginal) => {
  const xstate = await importOriginal<typeof import('xstate')>();
  return {
    ...xstate,
    transition: (...args: Parameters<typeof xstate.transition>) => {
      calls.transition++;
      return xstate.transition(...args);
    },
    initialTransition: (...args: Parameters<typeof xstate.initialTransition>) => {
      calls.initialTransition++;
      return xstate.initialTransition(...args);
    },
  };
});
vi.mock('../../engine/model/resolve-mode.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../engine/model/resolve-mode.ts')>();
  return {
    ...original,
    resolveMode: (...args: Parameters<typeof original.resolveMode>) => {
      calls.resolveMode++;
      return original.resolveMode(...args);
    },
  };
});

const { createFleetModel } = await import('../../engine/model/fleet-model.ts');

const TEMPLATES: Partial<DeviceConfig>[] = [
  { os: 'windows-10', primaryAv: 'non-microsoft' },
  { os: 'windows-11' },
  { os: 'server-2022', primaryAv: 'non-microsoft', forceDefenderPassiveMode: 1 },
];
const fleet = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    deviceWithDefaults({ name: `d-${i}`, os: 'windows-10', ...TEMPLATES[i % TEMPLATES.length] }),
  );

describe('createFleetModel — scale (fleets of up to 10^6 devices)', () => {
  it('should create and read 100,000 devices without one xstate transition, resolving once per distinct configuration', () => {
    const devices = fleet(100_000);
    Object.assign(calls, { transition: 0, initialTransition: 0, resolveMode: 0 });
    const model = createFleetModel({ tenant: { ...DEFAULT_TENANT, edrBlockMode: true }, devices });
    let effective = 0;
    for (const state of model.devices()) if (state.edrBlockMode.effective) effective++;
    expect(effective).toBe(100_000);
    expect(calls).toMatchObject({ transition: 0, initialTransition: 0, resolveMode: TEMPLATES.length });
  });

  it('should run one transition for the tenant switch, not one per device', () => {
    const model = createFleetModel({ tenant: { ...DEFAULT_TENANT, edrBlockMode: true }, devices: fleet(30_000) });
    calls.transition = 0;
    model.applyChange({ tenant: { edrBlockMode: false } }, 0);
    model.advanceTo(30 * 60_000);
    for (const state of model.devices()) expect(state.edrBlockMode.effective).toBe(false);
    expect(calls.transition).toBe(2); // turn-off, then due
  });

  it('should give a changed device its own machines and leave the others on the shared profile', () => {
    const model = createFleetModel({ tenant: DEFAULT_TENANT, devices: fleet(30_000) });
    calls.transition = 0;
    model.applyChange({ devices: { 'd-0': { groupPolicyEdrBlockMode: true } } }, 0);
    expect(calls.transition).toBe(2); // mode re-resolution + device switch
    expect(model.device('d-0')?.edrBlockMode.effective).toBe(true);
    expect(model.device('d-3')?.edrBlockMode.effective).toBe(false);
  });
});
