/** What `edrsim diff` reports: the run's label, counts and breakdowns, and each change with its effect. */
import type { Reason } from '../core/vocabulary.ts';
import type { ArtifactLabel, RunLabel, VerdictFacts } from './compare-verdicts.ts';
import type { PolicyChange } from './policy-change.ts';

/** How many artifacts got each label (`same` counts every artifact that did not flip). */
export type LabelCounts = Record<ArtifactLabel, number>;

export const emptyLabelCounts = (): LabelCounts => ({
  same: 0,
  changed: 0,
  weaker: 0,
  stronger: 0,
  'fp-added': 0,
  'fp-removed': 0,
});

/** One artifact that flipped, with both verdicts and, for counterexamples, the reasons only one side gave. */
export interface FlipExample {
  readonly scenario: string;
  readonly artifact: string;
  readonly device: string;
  readonly path: string;
  readonly trigger: string;
  readonly label: ArtifactLabel;
  readonly base: VerdictFacts;
  readonly head: VerdictFacts;
  /** Reasons of BASE's verdict that HEAD's lacks, and the other way round (counterexamples only). */
  readonly baseOnly?: readonly Reason[];
  readonly headOnly?: readonly Reason[];
}

/** One entry-level change and what it did. */
export interface ChangeEffect {
  readonly change: PolicyChange;
  /** Artifacts whose smallest cause includes this change, by label. */
  readonly counts: LabelCounts;
  /** One or two flipped artifacts it causes, with the reasons that differ. */
  readonly counterexamples: readonly FlipExample[];
  /** Line and column (1-based) of the entry in HEAD's file (BASE's for a removal), when found. */
  readonly line?: number;
  readonly column?: number;
}

/** A label count per breakdown value (device mode, trigger, class). */
export type Breakdown = Record<string, LabelCounts>;

export interface DiffReport {
  readonly label: RunLabel;
  readonly base: string;
  readonly head: string;
  readonly scenarios: readonly string[];
  /** Artifacts compared: the scenarios' own, generated and probes. */
  readonly artifacts: number;
  readonly generated: number;
  readonly probes: number;
  /** Probes over {@link MAX_PROBES} per scenario, not run. */
  readonly probesDropped: number;
  readonly counts: LabelCounts;
  readonly byMode: Breakdown;
  readonly byTrigger: Breakdown;
  readonly byClass: Breakdown;
  /** By the artifact's ATT&CK technique (`none` when it names none, as probes). */
  readonly byTechnique: Breakdown;
  /** The changes, worst first: most weakened, then most false positives added, then delta order. */
  readonly changes: readonly ChangeEffect[];
  /** Flipped artifacts no change set could be named for (over the attribution cap). */
  readonly unattributed: number;
  /** The first flipped artifacts, in run order (at most {@link MAX_LISTED_FLIPS}). */
  readonly flips: readonly (FlipExample & { readonly causes: readonly string[] })[];
}

export const MAX_LISTED_FLIPS = 200;
