/** Schema of `tenant` and of a timeline change's tenant patch (§3.2 licence and switch, §3.5 delays, §5.3 groups). */
import { z } from 'zod';
import { DEFAULT_TENANT } from '../../core/config.ts';
import { formatDuration } from '../../core/duration.ts';
import { OS_NAMES } from '../../core/vocabulary.ts';
import { durationSchema, nameSchema } from './common-schema.ts';

// §5.3: group membership rules take up to 10 values per property, combined with OR.
const matchValues = <T extends z.ZodType>(item: T) => z.array(item).max(10).optional();

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
