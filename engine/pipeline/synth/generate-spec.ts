/** The `generate:` event as the generator sees it: one spec, resolved to milliseconds and device names. */
import type { OsName } from '../../core/vocabulary.ts';

/** Relative weights of the ground-truth classes; normalised by their sum. */
export interface GenerateMix {
  readonly malicious: number;
  readonly pua: number;
  readonly benign: number;
}

/** Chance that each engine would flag a malicious or PUA artifact; benign ones are never flagged. */
export interface GenerateDetection {
  readonly primaryAv: number;
  readonly mdav: number;
  readonly edr: number;
}

/**
 * One `generate:` entry of a scenario timeline, after durations are parsed and `devices: all` is
 * resolved to names (contract §1: `count`, `devices`, `window`, `mix`, `detection`).
 */
export interface GenerateSpec {
  /** Generator id, unique in the scenario (e.g. `gen-3`); prefixes every artifact id. */
  readonly id: string;
  /** ms; start of the window. */
  readonly at: number;
  /** Total artifacts over all devices. */
  readonly count: number;
  /** Device names in scenario order; device i gets `floor(count/N)` artifacts, one more if `i < count % N`. */
  readonly devices: readonly string[];
  /** ms; artifacts spread over `[at, at + window)`. */
  readonly window: number;
  readonly mix: GenerateMix;
  readonly detection: GenerateDetection;
  /**
   * Optional OS of each device, parallel to `devices`. Server OSes draw server workloads (SQL data,
   * IIS, backups, Hyper-V disks); absent means every device is a workstation.
   */
  readonly os?: readonly OsName[];
}

/** Options shared by every generator entry point. */
export interface GenerateOptions {
  /** The scenario seed; every artifact of device d comes from `Rng.from(seed).derive(`${id}:${d}`)`. */
  readonly seed: number;
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
