/** Attribution: for each flipped artifact, the smallest set of policy changes that flips it when applied alone to BASE. */
import type { Artifact } from '../core/artifact.ts';
import type { SimulationInput, TimelineEvent } from '../core/simulation-input.ts';
import { compareVerdicts, verdictCode, type ArtifactLabel } from './compare-verdicts.ts';
import { deltaDebug } from './delta-debug.ts';
import type { PolicyChange } from './policy-change.ts';
import { applyChanges, type PolicyParts } from './policy-delta.ts';
import { replayArtifacts } from './replay.ts';

/** One artifact whose label is not `same`. */
export interface Flip {
  readonly seq: number;
  readonly artifact: Artifact;
  readonly base: number;
  readonly head: number;
  readonly label: ArtifactLabel;
}

/** Flips per scenario that get delta debugging when no single change explains them; the rest stay unattributed. */
export const MAX_DELTA_DEBUGGED = 50;

/** What attribution needs of one scenario: BASE's parts, the delta, and how to build the scenario under some parts. */
export interface AttributionInput {
  readonly base: PolicyParts;
  readonly changes: readonly PolicyChange[];
  readonly inputFor: (parts: PolicyParts) => SimulationInput;
  /** The run's timeline changes at their output positions (`streamDecided`). */
  readonly timelineChanges: readonly TimelineEvent[];
}

/**
 * The causes of each flip (parallel to `flips`, in run order): every single change that alone gives the
 * flip its label, each as a set of one; else the 1-minimal set delta debugging finds over all changes
 * (every change is a candidate: no per-entry prefilter yet); else none (over {@link MAX_DELTA_DEBUGGED}).
 * Each change's context is compiled once, and only the flipped artifacts are replayed against it.
 *
 * @example
 * attributeFlips(input, flips)[0]; // [['c2']]: change c2 alone flips the first artifact
 */
export function attributeFlips(input: AttributionInput, flips: readonly Flip[]): string[][][] {
  const causes: string[][][] = flips.map(() => []);
  if (flips.length === 0) return causes;
  const artifacts = flips.map((flip) => flip.artifact);
  const seqs = flips.map((flip) => flip.seq);
  const labelUnder = (changes: readonly PolicyChange[], which: readonly number[]): ArtifactLabel[] => {
    const verdicts = replayArtifacts(
      input.inputFor(applyChanges(input.base, changes)),
      input.timelineChanges,
      which.map((i) => artifacts[i]!),
      which.map((i) => seqs[i]!),
    );
    return which.map((i, k) => compareVerdicts(flips[i]!.artifact.class, flips[i]!.base, verdictCode(verdicts[k]!)));
  };
  const all = flips.map((_, i) => i);
  for (const change of input.changes) {
    labelUnder([change], all).forEach((label, i) => {
      if (label === flips[i]!.label) causes[i]!.push([change.id]);
    });
  }
  let debugged = 0;
  for (let i = 0; i < flips.length && debugged < MAX_DELTA_DEBUGGED; i++) {
    if (causes[i]!.length > 0 || input.changes.length < 2) continue;
    debugged++;
    const test = (subset: readonly PolicyChange[]) => labelUnder(subset, [i])[0] === flips[i]!.label;
    if (!test(input.changes)) continue;
    causes[i]!.push(deltaDebug(input.changes, test).map((change) => change.id));
  }
  return causes;
}
