/** Schema of a device, a fleet template and a change's device patch (§1.3–§1.4 inputs, §3.2–§3.4 block-mode settings). */
import { z } from 'zod';
import { deviceWithDefaults } from '../../core/config.ts';
import { OS_NAMES } from '../../core/vocabulary.ts';
import { MAX_FLEET_COUNT } from '../../core/fleet-limits.ts';
import { quote } from '../../core/quote.ts';
import { checkedString, expecting, nameSchema, versionSchema } from './common-schema.ts';
import { exclusionListsSchema, exclusionsInputSchema, importSchema } from './lists-schema.ts';

const DEFAULTS = deviceWithDefaults({ name: 'default', os: 'windows-11' });
const HEX_OR_DECIMAL = /^(?:0x[0-9a-f]+|\d+)$/i;

// §3.4: a DWORD bit set; YAML's core schema already reads 0x1 as 1, a quoted '0x1' is accepted too.
const passiveRemediationSchema = expecting(
  z
    .union([
      z.number().int().min(0).max(0xffffffff),
      checkedString((value) =>
        HEX_OR_DECIMAL.test(value.trim())
          ? undefined
          : {
              code: 'bad_bit_set',
              message: `${quote(value)} is not an integer`,
              expected: 'an integer bit set such as 1 or 0x1',
              received: quote(value),
            },
      ),
    ])
    .transform((value) => (typeof value === 'number' ? value : Number(value.trim())))
    .meta({ description: 'Defender CSP Configuration/PassiveRemediation bit set; 0x1 = EDR in block mode (§3.4)' }),
  'an integer bit set such as 1 or 0x1',
);

const mdavFields = {
  installed: z.boolean().optional(),
  platform: versionSchema.optional(),
  engine: versionSchema.optional(),
  cloudProtection: z.boolean().optional(),
};

/** Every device key but `name` and `os`, all optional: shared by devices, fleet templates and patches. */
function deviceFields(withDefaults: boolean) {
  const d = <T extends z.ZodType>(schema: T, value: unknown, description?: string) =>
    withDefaults ? schema.meta({ default: value, description }) : schema;
  return {
    onboarded: d(z.boolean().optional(), DEFAULTS.onboarded, 'onboarded to Defender for Endpoint'),
    serverAgent: d(z.enum(['unified', 'legacy']).optional(), DEFAULTS.serverAgent, 'Server 2012 R2 / 2016 only (C1)'),
    primaryAv: d(z.enum(['defender', 'non-microsoft']).optional(), DEFAULTS.primaryAv),
    thirdPartyAv: d(
      z.enum(['running', 'expired']).optional(),
      DEFAULTS.thirdPartyAv,
      'state of a non-Microsoft primary AV (§1.4)',
    ),
    securityCenter: d(z.boolean().optional(), DEFAULTS.securityCenter, 'wscsvc running'),
    smartAppControl: d(z.enum(['off', 'on', 'evaluation']).optional(), DEFAULTS.smartAppControl, 'Windows 11'),
    forceDefenderPassiveMode: z.literal([0, 1]).optional().meta({ description: 'server registry value; absent = not set' }),
    turnOffDefenderPolicy: d(
      z.enum(['none', 'before-onboarding', 'after-onboarding']).optional(),
      DEFAULTS.turnOffDefenderPolicy,
      'GPO "Turn off Windows Defender" (§1.4)',
    ),
    tamperProtection: d(z.boolean().optional(), DEFAULTS.tamperProtection),
    mdav: withDefaults
      ? z
          .strictObject({
            installed: mdavFields.installed.meta({ default: DEFAULTS.mdav.installed }),
            platform: mdavFields.platform.meta({ default: DEFAULTS.mdav.platform, description: 'AMProductVersion' }),
            engine: mdavFields.engine.meta({ default: DEFAULTS.mdav.engine, description: 'AMEngineVersion' }),
            cloudProtection: mdavFields.cloudProtection.meta({ default: DEFAULTS.mdav.cloudProtection, description: 'MAPS' }),
          })
          .optional()
      : z.strictObject(mdavFields).optional(),
    passiveRemediation: passiveRemediationSchema.optional(),
    groupPolicyEdrBlockMode: d(z.boolean().optional(), DEFAULTS.groupPolicyEdrBlockMode, 'GPO "Enable EDR in block mode"'),
    tags: d(z.array(z.string()).optional(), DEFAULTS.tags),
    domain: z.string().optional(),
  };
}

const osSchema = z.enum(OS_NAMES);

const deviceExclusions = exclusionsInputSchema.optional().meta({ description: 'added to the global lists for this device' });

/** Where a device's policy comes from besides the scenario's lists (§4.1 local admin merge; Intune antivirus policies). */
const policySources = {
  intune: z
    .union([importSchema, z.array(importSchema).min(1)])
    .optional()
    .meta({
      description:
        'Intune antivirus policies assigned to this device, exported from Graph (configurationPolicies with settings): exclusion lists merge, other settings conflict',
    }),
  localExclusions: exclusionsInputSchema.optional().meta({
    description:
      'lists a local admin set with Set-/Add-MpPreference, merged with the policy lists unless disableLocalAdminMerge (§4.1)',
  }),
  disableLocalAdminMerge: z
    .boolean()
    .optional()
    .meta({ default: false, description: 'Defender CSP DisableLocalAdminMerge: local lists are ignored (§4.1)' }),
};

export const deviceSchema = z.strictObject({
  name: nameSchema,
  os: osSchema,
  ...deviceFields(true),
  exclusions: deviceExclusions,
  ...policySources,
  from: z.string().min(1).optional().meta({
    description:
      'a Get-MpComputerStatus export (text or ConvertTo-Json) giving mdav versions, installed and tamperProtection; give onboarded, primaryAv and mdav.cloudProtection beside it',
  }),
});

/** A fleet template: a device without its name. */
export const deviceTemplateSchema = z.strictObject({
  os: osSchema,
  ...deviceFields(true),
  exclusions: deviceExclusions,
  ...policySources,
});

/** `{ count, namePrefix, template }`: `count` devices named `namePrefix` + a number zero-padded to the width of `count`. */
export const fleetSchema = z.strictObject({
  count: z.number().int().min(1).max(MAX_FLEET_COUNT),
  namePrefix: z
    .string()
    .optional()
    .meta({ default: 'device-', description: 'names are the prefix plus 1…count, zero-padded to the width of count' }),
  template: deviceTemplateSchema,
});

/** A change's device patch: any device key but `name`; `exclusions` replaces the lists it names. */
export const devicePatchSchema = z.strictObject({
  os: osSchema.optional(),
  ...deviceFields(false),
  exclusions: exclusionListsSchema.optional(),
});

export type DeviceInput = z.output<typeof deviceSchema>;
export type DevicePatchInput = z.output<typeof devicePatchSchema>;
export type FleetInput = z.output<typeof fleetSchema>;
