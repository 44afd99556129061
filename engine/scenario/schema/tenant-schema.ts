/** Schema of `tenant` and of a timeline change's tenant patch (§3.2 licence and switch, §3.5 delays, §5.3 groups). */
import { z } from 'zod';
import { DEFAULT_TENANT } from '../../core/config.ts';
import { formatDuration } from '../../core/duration.ts';
import { AUTOMATION_LEVELS, OS_NAMES } from '../../core/vocabulary.ts';
import { durationSchema, isoTimeSchema, nameSchema } from './common-schema.ts';

// §5.3: group membership rules take up to 10 values per property, combined with OR.
const matchValues = <T extends z.ZodType>(item: T) => z.array(item).max(10).optional();

/** §6.5 automation levels, by stable id (§7 C16). */
export const automationLevelSchema = z.enum(AUTOMATION_LEVELS);

export const deviceGroupSchema = z
  .strictObject({
    name: nameSchema,
    rank: z.number().int().min(1).meta({ description: '1 is the highest rank; the first match by rank wins (§5.3)' }),
    match: z.strictObject({
      os: matchValues(z.enum(OS_NAMES)),
      names: matchValues(z.string()),
      tags: matchValues(z.string()),
      domains: matchValues(z.string()),
    }),
    automationLevel: automationLevelSchema
      .optional()
      .meta({ description: "AIR's automation level for the group (§6.5); default: the tenant default; turns AIR on" }),
  })
  .meta({ description: 'a device group (§5.3): properties combine with AND, values with OR' });

export const licenseSchema = z.enum(['plan-1', 'plan-2']);

const propagationDefaults = DEFAULT_TENANT.propagation;

export const propagationSchema = z.strictObject({
  edrBlockModeDisable: durationSchema.optional().meta({
    default: formatDuration(propagationDefaults.edrBlockModeDisable),
    description: '§3.5: disabling takes up to 30 minutes',
  }),
  edrBlockModeEnable: durationSchema
    .optional()
    .meta({ default: formatDuration(propagationDefaults.edrBlockModeEnable), description: 'undocumented (§9)' }),
});

/** The tenant section; every key optional, defaults from `DEFAULT_TENANT` in engine/core/config.ts. */
export const tenantSchema = z.strictObject({
  license: licenseSchema.optional().meta({ default: DEFAULT_TENANT.license }),
  edrBlockMode: z
    .boolean()
    .optional()
    .meta({ default: DEFAULT_TENANT.edrBlockMode, description: 'portal switch "Enable EDR in block mode", tenant-wide' }),
  allowOrBlockFile: z
    .boolean()
    .optional()
    .meta({ default: DEFAULT_TENANT.allowOrBlockFile, description: 'advanced feature needed by file indicators (§5.2)' }),
  deviceGroups: z.array(deviceGroupSchema).optional(),
  propagation: propagationSchema.optional(),
  air: z.boolean().optional().meta({
    default: false,
    description: 'model automated investigation and response (§6.5); also on with createdAt or any automationLevel',
  }),
  createdAt: isoTimeSchema.optional().meta({
    description:
      'when the tenant was created: groups without a level get Full from 2020-08-16, else Semi – all folders (§6.5); default: start; turns AIR on',
  }),
  ungroupedAutomationLevel: automationLevelSchema
    .optional()
    .meta({ description: 'automation level of devices in no group; default: the tenant default; turns AIR on' }),
  autoresolve: z
    .boolean()
    .optional()
    .meta({ default: true, description: 'advanced feature "Autoresolve remediated alerts" (§6.5, T87)' }),
});

/** A change's `tenant`: the same keys, merged into the tenant at the change's time. */
export const tenantPatchSchema = z.strictObject({
  license: licenseSchema.optional(),
  edrBlockMode: z.boolean().optional(),
  allowOrBlockFile: z.boolean().optional(),
  deviceGroups: z.array(deviceGroupSchema).optional(),
  propagation: propagationSchema.optional(),
});

export type TenantInput = z.output<typeof tenantSchema>;
