/** fast-check arbitraries for device configurations and patches, biased to the versions the rules compare against. */
import fc from 'fast-check';
import type { DeviceConfig, DevicePatch, MdavConfig } from '../../engine/core/config.ts';
import { OS_NAMES } from '../../engine/core/vocabulary.ts';

// Each side of every threshold: 4.18.2001.10 (§3.2), 4.18.2202.X (§3.3), 4.18.2208.0 (C13).
const PLATFORMS = ['4.18.2001.9', '4.18.2001.10', '4.18.2201.10', '4.18.2202.0', '4.18.2207.9', '4.18.2208.0', '4.18.24090.11'];
const ENGINES = ['1.1.16700.1', '1.1.16700.2', '1.1.24090.11'];

const fields = {
  os: fc.constantFrom(...OS_NAMES),
  onboarded: fc.boolean(),
  serverAgent: fc.constantFrom('unified', 'legacy') as fc.Arbitrary<DeviceConfig['serverAgent']>,
  primaryAv: fc.constantFrom('defender', 'non-microsoft') as fc.Arbitrary<DeviceConfig['primaryAv']>,
  thirdPartyAv: fc.constantFrom('running', 'expired') as fc.Arbitrary<DeviceConfig['thirdPartyAv']>,
  securityCenter: fc.boolean(),
  smartAppControl: fc.constantFrom('off', 'on', 'evaluation') as fc.Arbitrary<DeviceConfig['smartAppControl']>,
  forceDefenderPassiveMode: fc.constantFrom(undefined, 0, 1) as fc.Arbitrary<DeviceConfig['forceDefenderPassiveMode']>,
  turnOffDefenderPolicy: fc.constantFrom('none', 'before-onboarding', 'after-onboarding') as fc.Arbitrary<
    DeviceConfig['turnOffDefenderPolicy']
  >,
  tamperProtection: fc.boolean(),
  passiveRemediation: fc.constantFrom(undefined, 0, 1, 2, 4, 6, 7),
  groupPolicyEdrBlockMode: fc.boolean(),
};

const mdavFields = {
  installed: fc.boolean(),
  platform: fc.constantFrom(...PLATFORMS),
  engine: fc.constantFrom(...ENGINES),
  cloudProtection: fc.boolean(),
};

/** A complete device named `name`; installed MDAV and cloud protection are likelier, as in real fleets. */
export function deviceArbitrary(name: string): fc.Arbitrary<DeviceConfig> {
  return fc
    .record({
      ...fields,
      mdav: fc.record({
        ...mdavFields,
        installed: fc.constantFrom(true, true, true, false),
        cloudProtection: fc.constantFrom(true, true, false),
      }),
    })
    .map(({ forceDefenderPassiveMode, passiveRemediation, ...rest }) => ({
      ...rest,
      name,
      ...(forceDefenderPassiveMode === undefined ? {} : { forceDefenderPassiveMode }),
      ...(passiveRemediation === undefined ? {} : { passiveRemediation }),
      exclusions: { paths: [], extensions: [], processes: [] },
      tags: [],
    }));
}

/** A partial update touching one to three fields, nested `mdav` included. */
export const devicePatchArbitrary: fc.Arbitrary<DevicePatch> = fc.oneof(
  fc.record(fields, { requiredKeys: [] }),
  fc.record({ mdav: fc.record(mdavFields, { requiredKeys: [] }) as fc.Arbitrary<Partial<MdavConfig>> }),
);
