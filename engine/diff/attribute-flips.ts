/** Attribution: for each flipped artifact, the smallest set of policy changes that flips it when applied alone to BASE. */
import type { Artifact } from '../core/artifact.ts';
import type { ConflictSettings } from '../core/config.ts';
import { entryMatcher } from '../policy/entry-matcher.ts';
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
/** Flips per scenario that are attributed at all (the first in run order): bounds the replays of a huge delta. */
export const MAX_ATTRIBUTED = 20_000;
/** Changes ddmin searches at most (O(n²) replays): a larger pool leaves the flip unattributed. */
export const MAX_DDMIN_POOL = 64;

/** What attribution needs of one scenario: BASE's parts, the delta, and how to build the scenario under some parts. */
export interface AttributionInput {
  readonly base: PolicyParts;
  readonly changes: readonly PolicyChange[];
  readonly inputFor: (parts: PolicyParts) => SimulationInput;
  /** The run's timeline changes at their output positions (`streamDecided`). */
  readonly timelineChanges: readonly TimelineEvent[];
  /** The conflict settings of both sides: what an entry means depends on them (`trailingStar`). */
  readonly readings: readonly Partial<ConflictSettings>[];
}

/**
 * Whether a change can touch an artifact: an exclusion entry or an indicator only where it matches under
 * BASE or HEAD (`entryMatcher`, an over-approximation), a device's own entry only on that device; a
 * setting, a tenant switch or a device group anywhere.
 */
export function changeCandidate(
  change: PolicyChange,
  readings: readonly Partial<ConflictSettings>[],
): (artifact: Artifact) => boolean {
  switch (change.kind) {
    case 'exclusion-added':
    case 'exclusion-removed': {
      const matches = entryMatcher({ kind: 'exclusion', list: change.list, text: change.text }, readings);
      const device = change.device;
      return (artifact) => (device === undefined || artifact.device === device) && matches(artifact);
    }
    case 'indicator-added':
    case 'indicator-removed':
    case 'indicator-changed': {
      const sides = [change.base, change.head]
        .filter((raw) => raw !== undefined)
        .map((raw) => entryMatcher({ kind: 'indicator', raw }));
      return (artifact) => sides.some((matches) => matches(artifact));
    }
    default:
      return () => true;
  }
}

/**
 * The causes of each flip (parallel to `flips`, in run order): every single change that alone gives the
 * flip its label, each as a set of one; else the 1-minimal set delta debugging finds over the candidate
 * changes ({@link changeCandidate}), or over all changes should the candidates together not give the
 * label; else none (past {@link MAX_DELTA_DEBUGGED} flips, {@link MAX_DDMIN_POOL} changes, or {@link MAX_ATTRIBUTED} flips). Each change's policy is compiled once, and only
 * the flipped artifacts it can touch are replayed against it.
 *
 * @example
 * attributeFlips(input, flips)[0]; // [['c2']]: change c2 alone flips the first artifact
 */
export function attributeFlips(input: AttributionInput, all: readonly Flip[]): string[][][] {
  const causes: string[][][] = all.map(() => []);
  // Past the cap, flips keep no cause: the report counts them as unattributed instead of running without bound.
  const flips = all.slice(0, MAX_ATTRIBUTED);
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
  const candidates = input.changes.map((change) => changeCandidate(change, input.readings));
  input.changes.forEach((change, c) => {
    const touched = flips.map((_, i) => i).filter((i) => candidates[c]!(artifacts[i]!));
    if (touched.length === 0) return;
    labelUnder([change], touched).forEach((label, k) => {
      if (label === flips[touched[k]!]!.label) causes[touched[k]!]!.push([change.id]);
    });
  });
  let debugged = 0;
  for (let i = 0; i < flips.length && debugged < MAX_DELTA_DEBUGGED; i++) {
    if (causes[i]!.length > 0 || input.changes.length < 2) continue;
    debugged++;
    const test = (subset: readonly PolicyChange[]) => labelUnder(subset, [i])[0] === flips[i]!.label;
    const touching = input.changes.filter((_, c) => candidates[c]!(artifacts[i]!));
    const pool = touching.length > 0 && touching.length <= MAX_DDMIN_POOL && test(touching) ? touching : input.changes;
    if (pool.length > MAX_DDMIN_POOL || (pool === input.changes && !test(pool))) continue;
    causes[i]!.push(deltaDebug(pool, test).map((change) => change.id));
  }
  return causes;
}
