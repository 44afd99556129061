/** A generator spec compiled once: normalised class weights, the root rng and the hash tapes. */
import { Rng } from '../../core/random.ts';
import type { GenerateOptions, GenerateSpec } from './generate-spec.ts';
import { hashTapes, type HashTapes } from './hash-tape.ts';
import { scalarIssues } from '../../core/validate-generate-spec.ts';

export interface SynthPlan {
  readonly spec: GenerateSpec;
  /** `Rng.from(seed)`; device d derives `${spec.id}:${d}` from it and never touches it otherwise. */
  readonly root: Rng;
  /** `${spec.id}-`, the start of every artifact id. */
  readonly idPrefix: string;
  /** `${spec.id}:`, the start of each device's stream name (see `root`), joined once per plan. */
  readonly streamPrefix: string;
  /** Cumulative class thresholds on one uniform draw: below `malicious`, then below `maliciousOrPua`. */
  readonly malicious: number;
  readonly maliciousOrPua: number;
  /** Detection chances scaled to 16 bits: a 16-bit draw below this flags (1 → always, 0 → never). */
  readonly primaryAv16: number;
  readonly mdav16: number;
  readonly edr16: number;
  /** The last whole-ms offset inside `[0, window)`; 0 for a window of 0 (every artifact at `at`). */
  readonly lastOffset: number;
  readonly tapes: HashTapes;
  /** `options.deviceIndexes`: the fleet index of each spec device, or undefined. */
  readonly deviceIndexes: ArrayLike<number> | undefined;
}

/**
 * Compiles a spec. Throws a RangeError naming every problem when its scalar fields break the rules of
 * `validateGenerateSpec` (count, at, window, mix, detection): a spec that reached here unvalidated is a
 * bug, and generating nothing for it would lose its artifacts without a word. Device names are checked
 * by `validateGenerateSpec`, which the scenario loader runs: doing it here would cost O(devices) for
 * every single-device stream.
 *
 * @example
 * planGenerator(spec, { seed: 7 }).malicious; // 0.05 for mix { malicious: 5, pua: 2, benign: 93 }
 */
export function planGenerator(spec: GenerateSpec, options: GenerateOptions): SynthPlan {
  const issues = scalarIssues(spec, []);
  if (!Array.isArray(spec.devices))
    issues.push({ code: 'bad_devices', path: ['devices'], message: 'generate.devices: devices must be a list of device names' });
  if (issues.length > 0) throw new RangeError(issues.map((issue) => issue.message).join('; '));
  const { malicious, pua, benign } = spec.mix;
  const total = malicious + pua + benign;
  return {
    spec,
    root: Rng.from(options.seed),
    idPrefix: `${spec.id}-`,
    streamPrefix: `${spec.id}:`,
    malicious: malicious / total,
    // A zero benign weight must never leave a sliver for benign through rounding.
    maliciousOrPua: benign === 0 ? 1 : (malicious + pua) / total,
    primaryAv16: spec.detection.primaryAv * 65536,
    mdav16: spec.detection.mdav * 65536,
    edr16: spec.detection.edr * 65536,
    // A window of 0 (the default) has one instant, `at` itself.
    lastOffset: Math.max(0, Math.ceil(spec.window) - 1),
    tapes: hashTapes(),
    deviceIndexes: options.deviceIndexes,
  };
}
