/** `edrsim diff` as one library call: two policies, the same artifacts, a label per artifact and per run, with causes. */
import { append } from '../core/append.ts';
import { DEFAULT_DETECTION, DEFAULT_MIX } from '../core/generate-spec.ts';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';
import type { SimulationInput, TimelineEvent } from '../core/simulation-input.ts';
import type { Scenario } from '../scenario/index.ts';
import { applyPolicy, policyChangesInTimeline } from './apply-policy.ts';
import { attributeFlips, type Flip } from './attribute-flips.ts';
import { compareVerdicts, runLabel, verdictCode } from './compare-verdicts.ts';
import { deriveProbes, PROBE_PREFIX } from './derive-probes.ts';
import { GENERATED_ID } from './generated-id.ts';
import type { DiffPolicy } from './diff-policy.ts';
import { emptyLabelCounts, MAX_LISTED_FLIPS, type Breakdown, type DiffReport, type LabelCounts } from './diff-report.ts';
import { flipExample, summariseChanges, type Attributed } from './summarise-changes.ts';
import { alignSides, policyDelta, type PolicyParts } from './policy-delta.ts';
import { streamDecided } from './replay.ts';

/** How a diff runs; every field optional. */
export interface DiffOptions {
  /** Seeded artifacts generated over the scenarios' fleets, split between them. Default 100,000. */
  readonly generate?: number;
  /** Seed of the generated artifacts. Default: each scenario's own `seed`. */
  readonly seed?: number;
  /** Probes from both policies' entries. Default true. */
  readonly probes?: boolean;
  /** The policies whose entries the probes are derived from. Default BASE and HEAD; a law replays one diff's probes in another. */
  readonly probesFrom?: readonly DiffPolicy[];
}

export const DEFAULT_GENERATE = 100_000;

const partsOf = (policy: DiffPolicy): PolicyParts => {
  const { source: _source, what: _what, text: _text, ...parts } = policy;
  return parts;
};

function tally(breakdown: Breakdown, key: string, label: keyof LabelCounts): void {
  (breakdown[key] ??= emptyLabelCounts())[label]++;
}

/** The scenario's timeline with the generated artifacts and the probes added, in run order. */
function diffTimeline(
  scenario: Scenario,
  count: number,
  seed: number | undefined,
  probes: readonly TimelineEvent[],
): SimulationInput {
  const timeline = scenario.timeline.slice();
  let order = timeline.reduce((max, event) => Math.max(max, event.order), 0) + 1;
  const end = timeline.reduce(
    (last, event) => Math.max(last, event.kind === 'generate' ? event.at + event.generate.window : event.at),
    0,
  );
  if (count > 0 && scenario.devices.length > 0) {
    const generate = {
      id: GENERATED_ID,
      at: 0,
      count,
      devices: scenario.devices.map((device) => device.name),
      os: scenario.devices.map((device) => device.os),
      window: end,
      mix: DEFAULT_MIX,
      detection: DEFAULT_DETECTION,
    };
    timeline.push({ kind: 'generate', at: 0, order: order++, generate });
  }
  for (const probe of probes) timeline.push({ ...probe, order: order++ });
  timeline.sort((a, b) => a.at - b.at || a.order - b.order);
  return { ...scenario, seed: seed ?? scenario.seed, timeline };
}

/**
 * Runs every scenario under BASE and under HEAD (each once, streaming, verdicts compact), labels each
 * artifact, and attributes each flip to the smallest set of entry-level changes. Bad input (a timeline
 * change that alters a compared part of the policy) comes back as issues.
 *
 * @example
 * const report = runDiff(base, head, [scenario], { generate: 1000 });
 * if (report.ok) report.value.label; // 'weaker'
 */
export function runDiff(
  baseSide: DiffPolicy,
  headSide: DiffPolicy,
  scenarios: readonly Scenario[],
  options: DiffOptions = {},
): Result<DiffReport> {
  const issues: Issue[] = [];
  for (const scenario of scenarios) append(issues, policyChangesInTimeline(scenario, [baseSide, headSide]));
  if (issues.length > 0) return fail(issues);
  const aligned = alignSides(baseSide, headSide);
  const [base, head] = [partsOf(aligned.base), partsOf(aligned.head)];
  const changes = policyDelta(base, head);
  const total = options.generate ?? DEFAULT_GENERATE;
  const counts = emptyLabelCounts();
  const byMode: Breakdown = {};
  const byTrigger: Breakdown = {};
  const byClass: Breakdown = {};
  const byTechnique: Breakdown = {};
  const causesByChange = new Map<string, Attributed[]>();
  const listed: DiffReport['flips'][number][] = [];
  let [artifacts, generated, probeCount, dropped, unattributed] = [0, 0, 0, 0, 0];
  scenarios.forEach((scenario, index) => {
    const share = Math.floor(total / scenarios.length) + (index < total % scenarios.length ? 1 : 0);
    const derived =
      options.probes === false
        ? { probes: [], dropped: 0 }
        : deriveProbes(scenario, options.probesFrom?.map(partsOf) ?? [base, head]);
    const probeEvents = derived.probes.map((artifact): TimelineEvent => ({
      kind: 'artifact',
      at: artifact.at,
      order: 0,
      artifact,
    }));
    const run = diffTimeline(scenario, scenario.devices.length > 0 ? share : 0, options.seed, probeEvents);
    if (scenario.devices.length > 0) generated += share;
    probeCount += derived.probes.length;
    dropped += derived.dropped;
    const codes: number[] = [];
    streamDecided(applyPolicy(run, base), ({ verdict }) => void codes.push(verdictCode(verdict)));
    const flips: Flip[] = [];
    let i = 0;
    const timelineChanges = streamDecided(applyPolicy(run, head), ({ seq, artifact, verdict, mode }) => {
      const baseCode = codes[i++];
      if (baseCode === undefined) throw new Error(`diff: HEAD decided more artifacts than BASE in ${scenario.file}`);
      const code = verdictCode(verdict);
      const label = compareVerdicts(artifact.class, baseCode, code);
      counts[label]++;
      if (label === 'same') return;
      const isProbe = artifact.id.startsWith(PROBE_PREFIX);
      tally(byMode, mode ?? 'unknown', label);
      tally(byTrigger, artifact.trigger, label);
      tally(byClass, isProbe ? 'probe' : artifact.class, label);
      tally(byTechnique, artifact.technique ?? 'none', label);
      flips.push({ seq, artifact, base: baseCode, head: code, label });
    });
    if (i !== codes.length) throw new Error(`diff: BASE and HEAD decided different artifacts in ${scenario.file}`);
    artifacts += i;
    const readings = [base.settings ?? scenario.settings, head.settings ?? scenario.settings];
    const causes = attributeFlips(
      { base, changes, inputFor: (parts) => applyPolicy(run, parts), timelineChanges, readings },
      flips,
    );
    flips.forEach((flip, k) => {
      const named = causes[k]!;
      if (named.length === 0) unattributed++;
      if (listed.length < MAX_LISTED_FLIPS)
        listed.push({ ...flipExample(flip, scenario.file), causes: named.map((set) => set.join('+')) });
      for (const id of new Set(named.flat())) {
        const list = causesByChange.get(id) ?? [];
        list.push({ flip, scenario: scenario.file, run, timelineChanges });
        causesByChange.set(id, list);
      }
    });
  });
  const effects = summariseChanges(changes, causesByChange, { base, head, baseSource: aligned.base, headSource: aligned.head });
  return ok({
    label: runLabel(counts.weaker, counts.stronger),
    base: baseSide.source,
    head: headSide.source,
    scenarios: scenarios.map((scenario) => scenario.file),
    artifacts,
    generated,
    probes: probeCount,
    probesDropped: dropped,
    counts,
    byMode,
    byTrigger,
    byClass,
    byTechnique,
    changes: effects,
    unattributed,
    flips: listed,
  });
}
