import fc from 'fast-check';
import { describe, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, type ConflictSettings, type TenantConfig } from '../../engine/core/config.ts';
import { createFleetModel } from '../../engine/model/fleet-model.ts';
import { resolveMode } from '../../engine/model/resolve-mode.ts';
import { deviceBlockModeRequest } from '../../engine/model/block-mode-paths.ts';
import { AdvanceCommand } from './commands/advance-command.ts';
import { checkInvariants } from './commands/check-invariants.ts';
import { DeviceChangeCommand } from './commands/device-change-command.ts';
import { settledSwitch, type FleetSim } from './commands/fleet-sim.ts';
import { RefusedChangeCommand } from './commands/refused-change-command.ts';
import { TenantChangeCommand } from './commands/tenant-change-command.ts';
import { deviceArbitrary, devicePatchArbitrary } from './device.arb.ts';

const MIN = 60_000;
const delay = fc.constantFrom(0, 1, MIN, 30 * MIN);
const step = fc.constantFrom(0, 1, MIN, 10 * MIN, 30 * MIN - 1, 30 * MIN);

const setup = fc.record({
  tenant: fc.record({
    edrBlockMode: fc.boolean(),
    license: fc.constantFrom('plan-1', 'plan-2', 'plan-2') as fc.Arbitrary<TenantConfig['license']>,
    enable: delay,
    disable: delay,
  }),
  devices: fc
    .integer({ min: 1, max: 4 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => deviceArbitrary(`d${i}`)))),
  settings: fc.record({
    smartAppControlUnonboarded: fc.constantFrom('passive', 'disabled') as fc.Arbitrary<
      ConflictSettings['smartAppControlUnonboarded']
    >,
    activeRunningMode: fc.constantFrom('Normal', 'Normal', 'EDR Block Mode') as fc.Arbitrary<
      ConflictSettings['activeRunningMode']
    >,
    server2016BlockMode: fc.constantFrom('current', '2021') as fc.Arbitrary<ConflictSettings['server2016BlockMode']>,
  }),
});

const commands = [
  step.map((by) => new AdvanceCommand({ by })),
  fc.constantFrom('next-due', 'just-before-due').map((target) => new AdvanceCommand(target as 'next-due' | 'just-before-due')),
  fc
    .tuple(
      fc.record(
        {
          edrBlockMode: fc.boolean(),
          license: fc.constantFrom('plan-1', 'plan-2') as fc.Arbitrary<TenantConfig['license']>,
          propagation: fc.record({ edrBlockModeEnable: delay, edrBlockModeDisable: delay }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      step,
      fc.constantFrom(undefined, 'global-administrator', 'security-administrator'),
    )
    .map(([patch, after, role]) => new TenantChangeCommand(patch, after, role)),
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), devicePatchArbitrary, step)
    .map(([device, patch, after]) => new DeviceChangeCommand(device, patch, after)),
  fc
    .constantFrom('role', 'unknown-device', 'past')
    .map((kind) => new RefusedChangeCommand(kind as 'role' | 'unknown-device' | 'past')),
];

describe('createFleetModel — model-based: random changes and clock advances', () => {
  it('should agree with the reference and keep every invariant after every step', () => {
    fc.assert(
      fc.property(setup, fc.commands(commands, { maxCommands: 25 }), ({ tenant: t, devices, settings: s }, cmds) => {
        const tenant: TenantConfig = {
          ...DEFAULT_TENANT,
          edrBlockMode: t.edrBlockMode,
          license: t.license,
          propagation: { edrBlockModeEnable: t.enable, edrBlockModeDisable: t.disable },
        };
        const settings: ConflictSettings = { ...DEFAULT_CONFLICT_SETTINGS, ...s };
        const setupBoth = () => {
          const real = createFleetModel({ tenant, devices, settings });
          const sim: FleetSim = {
            now: 0,
            tenant,
            settings,
            portal: settledSwitch(tenant.edrBlockMode),
            devices: new Map(
              devices.map((config) => [
                config.name,
                {
                  config,
                  mode: resolveMode(config, undefined, settings).mode,
                  path: settledSwitch(deviceBlockModeRequest(config).requested),
                },
              ]),
            ),
          };
          checkInvariants(sim, real);
          return { model: sim, real };
        };
        fc.modelRun(setupBoth, cmds);
      }),
      { numRuns: 150 },
    );
  });
});
