/** What the generator adds to the one `GenerateSpec` (engine/core): its options and how `count` splits over devices. */
export type { GenerateDetection, GenerateMix, GenerateSpec } from '../../core/generate-spec.ts';

/** Options shared by every generator entry point. */
export interface GenerateOptions {
  /** The scenario seed; every artifact of device d comes from `Rng.from(seed).derive(`${id}:${d}`)`. */
  readonly seed: number;
  /**
   * The fleet index of each of `spec.devices` (−1 for a name the fleet lacks), carried on each artifact as
   * `deviceIndex`. Default: none (every artifact gets −1).
   */
  readonly deviceIndexes?: ArrayLike<number>;
}

/**
 * How many artifacts device `index` of `deviceCount` gets: `count` split as evenly as possible, the
 * remainder going to the first devices, so shards agree on it without talking to each other.
 *
 * @example
 * artifactsOfDevice(10, 3, 0); // 4
 * artifactsOfDevice(10, 3, 2); // 3
 */
export function artifactsOfDevice(count: number, deviceCount: number, index: number): number {
  if (deviceCount <= 0) return 0;
  return Math.floor(count / deviceCount) + (index < count % deviceCount ? 1 : 0);
}
