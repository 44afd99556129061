/** What `edrsim coverage` reports: per policy entry, how the run used it, split by trigger and device mode. */

/**
 * `decided`: it decided at least one verdict and is not shadowed; `never`: nothing matched it; `shadowed`:
 * every artifact it matched was also matched by another entry (order plays no part); `inert`: an indicator
 * that no engine honouring indicators could act on in the run (only active Defender Antivirus honours them, §5.2).
 */
export type EntryStatus = 'decided' | 'never' | 'shadowed' | 'inert';

/** Counts keyed by trigger (`on-access`, …) and by device mode (`active`, `passive`, …). */
export interface Split {
  readonly byTrigger: Record<string, number>;
  readonly byMode: Record<string, number>;
}

/** One exclusion entry or indicator of a scenario's policy. */
export interface EntryCoverage {
  /** `tenant:paths[0]`, `device:ws-01:extensions[1]`, or an indicator's id (`ioc-1`). */
  readonly key: string;
  readonly kind: 'exclusion' | 'indicator';
  /** The entry as written: `C:\Build\`, `.tmp`, or `Block FileSha256 e3b0c442…`. */
  readonly text: string;
  /** The scenario file it belongs to, and the line and column where it is written (absent when not found, e.g. an import). */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly status: EntryStatus;
  /** Verdicts it decided (the compact verdict's entry), and artifacts it matched at all. */
  readonly decided: number;
  readonly matched: number;
  readonly decidedBy: Split;
  readonly matchedBy: Split;
  /** For `shadowed`: the other entries that matched the same artifacts. */
  readonly shadowedBy?: readonly string[];
}

export interface CoverageReport {
  readonly scenarios: readonly string[];
  readonly entries: readonly EntryCoverage[];
  /** Entries that decided at least one verdict, and their share of all entries in percent (100 when there are none). */
  readonly exercised: number;
  readonly total: number;
  readonly percent: number;
  readonly counts: Readonly<Record<EntryStatus, number>>;
}

/**
 * The share of entries exercised, in percent with one decimal; 100 when there is no entry at all.
 *
 * @example
 * exercisedPercent(1, 3); // 33.3
 */
export function exercisedPercent(exercised: number, total: number): number {
  return total === 0 ? 100 : Math.round((exercised / total) * 1000) / 10;
}
