/** The parts of a results file (`latest.json`, any version) that figure ids are read from, as a zod schema: what `--compare` accepts. */
import { z } from 'zod';
import { StartupSchema } from './startup-figures.ts';

const num = z.number().finite();
const rate = z.object({ perSecond: num, nsPerArtifact: num });
const point = z.object({
  x: num,
  /** Artifacts run at the point (every results file has it; the fleet curve's id depends on it). */
  artifacts: num.optional(),
  nsPerArtifact: num,
  relative: num,
  contextCompileNs: num.optional(),
  peakRssMb: num.optional(),
});
const curve = z.array(point).max(1_000).readonly().optional();

/** One repeated figure as `--count` reports it: min, median and max of its values. */
export const MeasurementSchema = z.object({
  id: z.string().min(1).max(200),
  label: z.string().max(500),
  unit: z.string().max(50),
  better: z.enum(['higher', 'lower']),
  min: num,
  median: num,
  max: num,
  values: z.array(num).max(1_000).readonly(),
});

/**
 * A results file: old ones (before issue 13) have only `figures` and `curves`, newer ones also `repeats`.
 * Every field read is typed here; anything else in the file is ignored (zod strips unknown keys).
 */
export const BenchDocSchema = z.object({
  /** The CPU the file measured (`BenchResult.cpuModel`); files before issue 13's fourteenth pass have none. */
  cpuModel: z.string().max(200).optional(),
  figures: z.object({
    pipeline: rate,
    generator: rate,
    loop: rate,
    rx: rate,
    pOverG: num,
    dOverL: num,
    pBeyondGNs: num.optional(),
    reasons: z.object({ ratio: num }).optional(),
    json: z.object({ mbPerSecond: num }).optional(),
    air: z.object({ offPerSecond: num, onPerSecond: num, ratio: num }).optional(),
    latency: z.object({ p50Ns: num, p99Ns: num }).optional(),
    startup: StartupSchema.optional(),
  }),
  curves: z
    .object({
      fleet: curve,
      exclusionsRealistic: curve,
      exclusionsAdversarial: curve,
      indicators: curve,
      stream: curve,
      exclusionMatcher: z
        .object({
          rows: z
            .array(z.object({ kind: z.string().max(100), entries: num, nsPerLookup: num }))
            .max(1_000)
            .readonly(),
        })
        .optional(),
    })
    .optional(),
  workers: z
    .object({
      speedup: num,
      firstPassSpeedup: num.optional(),
      pairedSpeedup: num.optional(),
      runs: z
        .array(z.object({ workers: num, perSecond: num, otherThreadsMs: num.optional(), waitedMs: num.optional() }))
        .max(100)
        .readonly(),
    })
    .optional(),
  repeats: z.object({ count: num, measurements: z.array(MeasurementSchema).max(10_000).readonly() }).optional(),
});

/** What figure ids are read from: a live result or a validated results file. */
export type BenchDoc = z.infer<typeof BenchDocSchema>;
export type Measurement = z.infer<typeof MeasurementSchema>;
