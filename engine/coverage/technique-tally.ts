/** Per ATT&CK technique, how the run's malicious and PUA artifacts fared: blocked, detected, missed. */
import type { Artifact } from '../core/artifact.ts';
import type { Outcome } from '../core/vocabulary.ts';

/** Counts of one technique's artifacts; `missed` includes `allowed` (a threat let through ranks as missed). */
export interface TechniqueCounts {
  blocked: number;
  detected: number;
  missed: number;
}

/** Keyed by technique id (`T1059.001`). */
export type TechniqueTally = Map<string, TechniqueCounts>;

export const emptyTechniques = (): TechniqueTally => new Map();

/**
 * Counts one verdict under its artifact's technique; benign artifacts and those without a technique are skipped.
 *
 * @example
 * tallyTechnique(tally, { class: 'malicious', technique: 'T1059', … }, 'blocked'); // tally.get('T1059').blocked === 1
 */
export function tallyTechnique(tally: TechniqueTally, artifact: Artifact, outcome: Outcome): void {
  const technique = artifact.technique;
  if (technique === undefined || artifact.class === 'benign') return;
  let counts = tally.get(technique);
  if (counts === undefined) tally.set(technique, (counts = { blocked: 0, detected: 0, missed: 0 }));
  if (outcome === 'blocked') counts.blocked++;
  else if (outcome === 'detected') counts.detected++;
  else counts.missed++;
}
