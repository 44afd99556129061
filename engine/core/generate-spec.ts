/** The one `generate:` spec type, shared by the scenario loader (which builds it) and the pipeline (which runs it). */
import type { OsName } from './vocabulary.ts';

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

/** Contract §1 defaults for `mix`: 5% malicious, 2% PUA, 93% benign. */
export const DEFAULT_MIX: GenerateMix = Object.freeze({ malicious: 0.05, pua: 0.02, benign: 0.93 });
/** Contract §1 defaults for `detection`. */
export const DEFAULT_DETECTION: GenerateDetection = Object.freeze({ primaryAv: 0.9, mdav: 0.95, edr: 0.8 });
/** Contract §1 default for `window`: 0 ms, every artifact at `at`. */
export const DEFAULT_WINDOW = 0;

/**
 * One `generate:` entry of a scenario timeline, after durations are parsed and `devices: all` is
 * resolved to names (contract §1: `count`, `devices`, `window`, `mix`, `detection`). Its rules live in
 * one place, `validateGenerateSpec`, which the loader and the generator both apply.
 *
 * @example
 * const spec: GenerateSpec = { id: 'gen-1', at: 900_000, count: 1000, devices: ['ws-01'], window: 0,
 *   mix: DEFAULT_MIX, detection: DEFAULT_DETECTION }; // 1000 artifacts, all at 15m
 */
export interface GenerateSpec {
  /** Generator id, unique among artifact and generator ids; default `gen-1`, `gen-2`, … in file order. Prefixes every artifact id. */
  readonly id: string;
  /** ms; start of the window (the timeline event's `at`). */
  readonly at: number;
  /** Total artifacts over all devices. */
  readonly count: number;
  /** Device names in scenario order; device i gets `floor(count/N)` artifacts, one more if `i < count % N`. */
  readonly devices: readonly string[];
  /** ms, default {@link DEFAULT_WINDOW}; artifacts spread over `[at, at + window)`, and 0 puts them all at `at`. */
  readonly window: number;
  readonly mix: GenerateMix;
  readonly detection: GenerateDetection;
  /**
   * Optional OS of each device, parallel to `devices`. Server OSes draw server workloads (SQL data,
   * IIS, backups, Hyper-V disks); absent means every device is a workstation.
   */
  readonly os?: readonly OsName[];
}

/**
 * The spec with each device's OS (`os`, parallel to `devices`): the spec a run hands the generator. Built as one
 * literal, so every run's spec has the same hidden class. An object spread's result gets its hidden class from a
 * cache that a full GC clears: after one, the next run's spec had a new class and the generator's optimised
 * functions, which check it, were thrown away and compiled again (issue 13, fourteenth pass).
 *
 * @example
 * withDeviceOs(spec, ['windows-11']).os; // ['windows-11']
 */
export function withDeviceOs(spec: GenerateSpec, os: readonly OsName[]): GenerateSpec {
  const { id, at, count, devices, window, mix, detection } = spec;
  // Every field, optional ones included: a field added to GenerateSpec and not copied here does not compile.
  const copy: { [K in keyof Required<GenerateSpec>]: GenerateSpec[K] } = { id, at, count, devices, window, mix, detection, os };
  return copy;
}
