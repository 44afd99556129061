/** Schema of a timeline generator: `count` seeded synthetic artifacts spread over a window. */
import { z } from 'zod';
import { addCoreIssues, durationSchema, nameSchema, probabilitySchema } from './common-schema.ts';
import { DEFAULT_DETECTION, DEFAULT_MIX } from '../../core/generate-spec.ts';
import { quote } from '../../core/quote.ts';

export { DEFAULT_DETECTION, DEFAULT_MIX } from '../../core/generate-spec.ts';

/** Class shares; unset classes are 0 and the shares must add up to 1. */
export const mixSchema = z
  .strictObject({
    malicious: probabilitySchema.optional(),
    pua: probabilitySchema.optional(),
    benign: probabilitySchema.optional(),
  })
  .superRefine((mix, ctx) => {
    const sum = (mix.malicious ?? 0) + (mix.pua ?? 0) + (mix.benign ?? 0);
    if (Math.abs(sum - 1) <= 1e-9) return;
    const missing = (['malicious', 'pua', 'benign'] as const).find((key) => mix[key] === undefined);
    const rest = Math.round((1 - sum) * 1e9) / 1e9;
    addCoreIssues(ctx, [
      {
        code: 'bad_mix',
        message: `mix shares add up to ${Math.round(sum * 1e9) / 1e9}, not 1`,
        expected: 'malicious + pua + benign = 1',
        received: quote(mix),
        hint: missing !== undefined && rest > 0 ? `add ${missing}: ${rest}` : 'unset classes count as 0',
      },
    ]);
  })
  .meta({ default: DEFAULT_MIX });

/** The chance each engine flags a malicious or PUA artifact; unset engines keep the defaults. */
export const detectionSchema = z.strictObject({
  primaryAv: probabilitySchema.optional().meta({ default: DEFAULT_DETECTION.primaryAv }),
  mdav: probabilitySchema.optional().meta({ default: DEFAULT_DETECTION.mdav }),
  edr: probabilitySchema.optional().meta({ default: DEFAULT_DETECTION.edr }),
});

/**
 * The notation of a generator. What a spec may hold (window ≥ 0, count ≥ 0, …) is decided once, by
 * engine/core/validate-generate-spec.ts, which the loader runs on the built spec; here only types,
 * the shares notation, and the file bound on `count` (every artifact costs run time; the engine itself
 * takes more, e.g. the bench's 10^8).
 */
export const generateSchema = z.strictObject({
  id: nameSchema.optional().meta({ description: 'prefix of the generated artifact ids; default gen-1, gen-2, … in file order' }),
  count: z.number().int().max(10_000_000),
  devices: z
    .union([z.literal('all'), z.array(nameSchema).min(1)])
    .optional()
    .meta({ default: 'all', description: 'all, or a list of device names' }),
  window: durationSchema
    .optional()
    .meta({ default: '0s', description: 'artifacts are spread over [at, at + window); 0s (the default) puts them all at `at`' }),
  mix: mixSchema.optional(),
  detection: detectionSchema.optional(),
});

/** `{ at, generate }`. */
export const generateEventSchema = z.strictObject({ at: durationSchema, generate: generateSchema });

export type GenerateInput = z.output<typeof generateSchema>;
