/** The whole scenario file as one zod schema (contract §1), and the JSON Schema generated from it for editors. */
import { z } from 'zod';
import { DEFAULT_START } from '../../core/duration.ts';
import { actionEventSchema } from './action-schema.ts';
import { artifactEventSchema } from './artifact-schema.ts';
import { changeEventSchema } from './change-schema.ts';
import { isoTimeSchema, nameSchema } from './common-schema.ts';
import { deviceSchema, fleetSchema } from './device-schema.ts';
import { expectationSchema } from './expectation-schema.ts';
import { generateEventSchema } from './generate-schema.ts';
import { exclusionsInputSchema, indicatorsInputSchema } from './lists-schema.ts';
import { settingsSchema } from './settings-schema.ts';
import { tenantSchema } from './tenant-schema.ts';

/** One timeline item: `at` and exactly one of `artifact`, `change`, `generate`, `action`. */
export const timelineEventSchema = z.union([artifactEventSchema, changeEventSchema, generateEventSchema, actionEventSchema]);

/** The keys of a scenario before its sections: identity, seed and start. */
export const headerShape = {
  $schema: z.string().optional().meta({ description: 'JSON Schema of this file, for editors; ignored' }),
  name: nameSchema,
  description: z.string().optional().meta({ description: 'Markdown shown to trainees' }),
  tags: z.array(z.string()).optional().meta({ default: [] }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(0xffffffff)
    .optional()
    .meta({ default: 0, description: 'drives every random choice in the run' }),
  start: isoTimeSchema.optional().meta({ default: DEFAULT_START, description: 'absolute UTC time of offset 0' }),
};

export const scenarioSchema = z
  .strictObject({
    ...headerShape,
    settings: settingsSchema.optional(),
    tenant: tenantSchema.optional(),
    devices: z.array(deviceSchema).optional().meta({ default: [] }),
    fleet: z.array(fleetSchema).optional().meta({ description: 'many devices from one template' }),
    exclusions: exclusionsInputSchema.optional(),
    indicators: indicatorsInputSchema.optional(),
    timeline: z.array(timelineEventSchema).optional().meta({ description: 'events at the same at apply in file order' }),
    expect: z.array(expectationSchema).optional().meta({ description: 'assertions; the run fails if any is false' }),
  })
  .meta({ title: 'edrsim scenario', description: 'A scenario for edrsim: tenant, devices, policy, timeline and expectations.' });

/** The top-level keys, in contract order. */
export const SCENARIO_KEYS = Object.keys(scenarioSchema.shape);

/**
 * The JSON Schema (draft 2020-12) of a scenario file, generated from {@link scenarioSchema}: what a
 * user may write, defaults included. Point an editor at it with
 * `# yaml-language-server: $schema=./scenario.schema.json`, or `"$schema"` in a JSON file.
 *
 * @example
 * Object.keys(scenarioJsonSchema().properties); // ['$schema', 'name', 'description', 'tags', …]
 */
export function scenarioJsonSchema(): Record<string, unknown> & { properties: Record<string, unknown> } {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    // zod drops a meta `default` on the input side of a transform; the file's reader still wants it.
    override(context) {
      const meta = z.globalRegistry.get(context.zodSchema);
      if (meta !== undefined && 'default' in meta) context.jsonSchema.default = meta.default;
    },
  });
  return schema as Record<string, unknown> & { properties: Record<string, unknown> };
}
