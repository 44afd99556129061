/** Schema of exclusion lists (§4) and indicators (§5), written inline or imported with `{ from: file }`. */
import { z } from 'zod';
import { INDICATOR_SEVERITIES, INDICATOR_TYPES, WRITTEN_INDICATOR_ACTIONS } from '../../core/indicator-vocabulary.ts';
import { isoTimeSchema } from './common-schema.ts';

const entries = (description: string) => z.array(z.string()).optional().meta({ default: [], description });

/** Defender Antivirus exclusion lists as written; entry grammar is checked by the injected validator. */
export const exclusionListsSchema = z.strictObject({
  paths: entries('file and folder paths, wildcards and %variables% allowed (§4.2)'),
  extensions: entries('file extensions, with or without the dot'),
  processes: entries('process images whose opened files are excluded (§4.1)'),
});

/** `{ from: file }`: a file read relative to the scenario and converted by an injected importer. */
export const importSchema = z
  .strictObject({ from: z.string().min(1) })
  .meta({ description: 'import from a file next to the scenario' });

export const exclusionsInputSchema = z
  .union([exclusionListsSchema, importSchema])
  .meta({ description: 'exclusions (§4), or { from: mppref.json } to import Get-MpPreference output' });

/**
 * One indicator (§5.1, API field names shortened). Used for the JSON Schema, and for structure when no
 * indicator validator is injected; the policy layer's validator owns the value rules.
 */
export const indicatorSchema = z.strictObject({
  type: z.enum(INDICATOR_TYPES),
  value: z.string().min(1),
  action: z.enum(WRITTEN_INDICATOR_ACTIONS),
  groups: z.array(z.string()).optional().meta({ default: [], description: 'device-group names; [] = all devices (§5.3)' }),
  expirationTime: isoTimeSchema.optional().meta({ description: 'the indicator is deleted at this time (§5.1)' }),
  title: z.string().optional(),
  severity: z.enum(INDICATOR_SEVERITIES).optional(),
  generateAlert: z.boolean().optional(),
});

/** `{ from: file.csv, invalidRows? }`: the portal's import CSV; `skip` imports the valid rows, as the portal does (§5, T56). */
export const indicatorImportSchema = z
  .strictObject({
    from: z.string().min(1),
    invalidRows: z.enum(['refuse', 'skip']).optional().meta({
      default: 'refuse',
      description: 'refuse: a bad row is an error; skip: import the valid rows and list each skipped row as a warning',
    }),
  })
  .meta({ description: "import the portal's indicator CSV from a file next to the scenario" });

export const indicatorsInputSchema = z
  .union([z.array(indicatorSchema), indicatorImportSchema])
  .meta({ description: 'indicators (§5), or { from: indicators.csv } to import the portal CSV' });

/** Used for validation when a validator is injected: the list's items are the validator's business. */
export const looseIndicatorsInputSchema = z.union([z.array(z.unknown()), indicatorImportSchema]);

export type ExclusionListsInput = z.output<typeof exclusionListsSchema>;
