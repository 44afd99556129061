/** Per change: how many artifacts it weakened and strengthened, one or two counterexamples with reasons, and where it is written. */
import type { Reason } from '../core/vocabulary.ts';
import type { SimulationInput, TimelineEvent } from '../core/simulation-input.ts';
import { applyPolicy } from './apply-policy.ts';
import type { Flip } from './attribute-flips.ts';
import { verdictFacts } from './compare-verdicts.ts';
import type { DiffPolicy } from './diff-policy.ts';
import { emptyLabelCounts, type ChangeEffect, type FlipExample } from './diff-report.ts';
import { locateEntry } from './locate-entry.ts';
import { PROBE_PREFIX } from './derive-probes.ts';
import { GENERATED_ID } from './generated-id.ts';
import type { PolicyChange } from './policy-change.ts';
import type { PolicyParts } from './policy-delta.ts';
import { replayArtifacts } from './replay.ts';

/** A flip attributed to a change, with what is needed to replay it. */
export interface Attributed {
  readonly flip: Flip;
  readonly scenario: string;
  readonly run: SimulationInput;
  readonly timelineChanges: readonly TimelineEvent[];
}

const origin = (id: string): number => (id.startsWith(PROBE_PREFIX) ? 1 : id.startsWith(`${GENERATED_ID}-`) ? 2 : 0);

/** Counterexamples shown per change. */
export const COUNTEREXAMPLES = 2;

/** A flip as reports show it, without reasons. */
export function flipExample(flip: Flip, scenario: string): FlipExample {
  const { artifact } = flip;
  return {
    scenario,
    artifact: artifact.id,
    device: artifact.device,
    path: artifact.path,
    trigger: artifact.trigger,
    label: flip.label,
    base: verdictFacts(flip.base),
    head: verdictFacts(flip.head),
  };
}

const reasonKey = (reason: Reason) => `${reason.layer}|${reason.code}|${reason.message}`;

/** The flip explained under both sides: the reasons one verdict gives and the other does not (explain on demand). */
function counterexample(item: Attributed, base: PolicyParts, head: PolicyParts): FlipExample {
  const replay = (parts: PolicyParts) =>
    replayArtifacts(applyPolicy(item.run, parts), item.timelineChanges, [item.flip.artifact], [item.flip.seq])[0]!.reasons;
  const [was, is] = [replay(base), replay(head)];
  const [wasKeys, isKeys] = [new Set(was.map(reasonKey)), new Set(is.map(reasonKey))];
  return {
    ...flipExample(item.flip, item.scenario),
    baseOnly: was.filter((reason) => !isKeys.has(reasonKey(reason))),
    headOnly: is.filter((reason) => !wasKeys.has(reasonKey(reason))),
  };
}

/** How bad a change is, for "worst first": weakened artifacts, then false positives added, then the rest. */
function severity(effect: ChangeEffect): number[] {
  const c = effect.counts;
  return [c.weaker, c['fp-added'], c.changed, c.stronger, c['fp-removed']];
}

/**
 * One effect per change, worst first (ties keep the delta's order). The line of an added or changed
 * entry is looked up in HEAD's text, of a removed one in BASE's.
 */
export function summariseChanges(
  changes: readonly PolicyChange[],
  byChange: ReadonlyMap<string, readonly Attributed[]>,
  sides: { base: PolicyParts; head: PolicyParts; baseSource: DiffPolicy; headSource: DiffPolicy },
): ChangeEffect[] {
  const effects = changes.map((change): ChangeEffect => {
    const attributed = byChange.get(change.id) ?? [];
    const counts = emptyLabelCounts();
    for (const item of attributed) counts[item.flip.label]++;
    // Weakened first, and the scenario's own artifacts before probes before generated ones: a trainer wrote those.
    const rank = (item: Attributed) => (item.flip.label === 'weaker' ? 0 : 3) + origin(item.flip.artifact.id);
    const shown = attributed.slice().sort((a, b) => rank(a) - rank(b));
    const removed = change.kind === 'exclusion-removed' || change.kind === 'indicator-removed';
    const place = locateEntry(removed ? sides.baseSource.text : sides.headSource.text, change);
    return {
      change,
      counts,
      counterexamples: shown.slice(0, COUNTEREXAMPLES).map((item) => counterexample(item, sides.base, sides.head)),
      ...place,
    };
  });
  const order = new Map(effects.map((effect, i) => [effect, i]));
  return effects.sort((a, b) => {
    const [x, y] = [severity(a), severity(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return order.get(a)! - order.get(b)!;
  });
}
