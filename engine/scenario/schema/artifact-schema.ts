/** Schema of a timeline artifact: one thing that happens on one device, with the ground truth of who would flag it. */
import { z } from 'zod';
import { ARTIFACT_CLASSES, ARTIFACT_KINDS, SCAN_TYPES, TRIGGERS } from '../../core/vocabulary.ts';
import { quote } from '../../core/quote.ts';
import { checkedString, durationSchema, hexSchema, nameSchema } from './common-schema.ts';

const TECHNIQUE = /^T\d{4}(?:\.\d{3})?$/;

const signalSchema = z.enum(['detect', 'miss']);

/** Which engine WOULD flag the artifact if it looked; unset engines default to `detect`, or `miss` for benign. */
export const signalsSchema = z
  .strictObject({
    primaryAv: signalSchema.optional().meta({ description: 'the non-Microsoft primary AV' }),
    mdav: signalSchema.optional().meta({ description: 'Defender Antivirus' }),
    edr: signalSchema.optional().meta({ description: 'the EDR sensor (post-breach, behavioural)' }),
  })
  .meta({ description: 'ground truth; unset engines: detect for malicious and pua, miss for benign' });

export const artifactSchema = z.strictObject({
  id: nameSchema.meta({ description: 'unique in the scenario' }),
  device: nameSchema,
  class: z.enum(ARTIFACT_CLASSES).optional().meta({ default: 'malicious', description: 'ground truth' }),
  kind: z.enum(ARTIFACT_KINDS).optional().meta({ default: 'file' }),
  path: z.string().min(1).meta({ description: "full Windows path; write it in single quotes in YAML: 'C:\\Users\\…'" }),
  sha256: hexSchema('sha256', [64]).optional(),
  sha1: hexSchema('sha1', [40]).optional(),
  md5: hexSchema('md5', [32]).optional(),
  certificate: hexSchema('certificate thumbprint', [40, 64]).optional().meta({ description: 'leaf certificate thumbprint' }),
  process: z.string().min(1).optional().meta({ description: 'the process that opened or started it' }),
  trigger: z
    .enum(TRIGGERS)
    .optional()
    .meta({ default: 'on-access', description: 'default on-access; behavior for kind behavior' }),
  scanType: z.enum(SCAN_TYPES).optional().meta({ default: 'full', description: 'for scheduled-scan and on-demand-scan' }),
  threat: z.string().optional(),
  technique: checkedString((value) =>
    TECHNIQUE.test(value)
      ? undefined
      : {
          code: 'bad_technique',
          message: `technique ${quote(value.slice(0, 40))} is not a MITRE ATT&CK id`,
          expected: 'T followed by 4 digits, optionally .NNN (T1204.002)',
          received: quote(value.slice(0, 40)),
        },
  ).optional(),
  signals: signalsSchema.optional(),
});

/** `{ at, artifact }`. */
export const artifactEventSchema = z.strictObject({ at: durationSchema, artifact: artifactSchema });

export type ArtifactInput = z.output<typeof artifactSchema>;
