/** Schema of a timeline change: partial updates of tenant, devices, exclusions and indicators, made by someone (§3.2). */
import { z } from 'zod';
import { addCoreIssues, durationSchema, nameSchema } from './common-schema.ts';
import { devicePatchSchema } from './device-schema.ts';
import { exclusionsInputSchema, indicatorsInputSchema } from './lists-schema.ts';
import { tenantPatchSchema } from './tenant-schema.ts';

export const actorSchema = z
  .strictObject({ user: nameSchema, role: nameSchema })
  .meta({ description: 'any role is accepted; only global-administrator and security-administrator changes apply' });

const CHANGED_KEYS = ['tenant', 'devices', 'exclusions', 'indicators'] as const;

export const changeSchema = z
  .strictObject({
    tenant: tenantPatchSchema.optional().meta({ description: 'merges into the tenant' }),
    devices: z.record(z.string(), devicePatchSchema).optional().meta({ description: 'by device name; merges into that device' }),
    exclusions: exclusionsInputSchema.optional().meta({ description: 'replaces the lists it names' }),
    indicators: indicatorsInputSchema.optional().meta({ description: 'replaces the indicator list' }),
    by: actorSchema.optional(),
  })
  .superRefine((change, ctx) => {
    if (CHANGED_KEYS.some((key) => change[key] !== undefined)) return;
    addCoreIssues(ctx, [
      { code: 'empty_change', message: 'change changes nothing', expected: `at least one of ${CHANGED_KEYS.join(', ')}` },
    ]);
  });

/** `{ at, change }`. */
export const changeEventSchema = z.strictObject({ at: durationSchema, change: changeSchema });

export type ChangeInput = z.output<typeof changeSchema>;
