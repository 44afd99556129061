/** An ATT&CK Navigator layer (format 4.5) of a run's techniques, scored by the share of their artifacts that was blocked. */
import type { TechniqueTally } from './technique-tally.ts';

/** The layer fields edrsim writes; Navigator fills the rest with its defaults. */
export interface NavigatorLayer {
  readonly name: string;
  readonly versions: { readonly attack: string; readonly navigator: string; readonly layer: string };
  readonly domain: 'enterprise-attack';
  readonly description: string;
  readonly sorting: number;
  readonly gradient: { readonly colors: readonly string[]; readonly minValue: number; readonly maxValue: number };
  readonly techniques: readonly { readonly techniqueID: string; readonly score: number; readonly comment: string }[];
}

/** Technique ids Navigator accepts: `T1234` or `T1234.001`; anything else in a scenario is left out of the layer. */
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

/**
 * The layer: one technique per id the run's malicious and PUA artifacts carry, `score` the percentage of them
 * blocked (0–100, whole), `comment` the counts. Techniques sorted by id, so the output is deterministic.
 *
 * @example
 * navigatorLayer(tally, 'edrsim coverage').techniques[0]; // { techniqueID: 'T1059', score: 50, comment: 'blocked 1, detected 0, missed 1 of 2' }
 */
export function navigatorLayer(tally: TechniqueTally, name: string): NavigatorLayer {
  const techniques = Array.from(tally.entries())
    .filter(([id]) => TECHNIQUE_ID.test(id))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([techniqueID, counts]) => {
      const total = counts.blocked + counts.detected + counts.missed;
      return {
        techniqueID,
        score: Math.round((counts.blocked / total) * 100),
        comment: `blocked ${counts.blocked}, detected ${counts.detected}, missed ${counts.missed} of ${total}`,
      };
    });
  return {
    name,
    versions: { attack: '16', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    description: 'edrsim: share of each technique\u2019s malicious and PUA artifacts that was blocked (score, %)',
    sorting: 3,
    gradient: { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 },
    techniques,
  };
}
