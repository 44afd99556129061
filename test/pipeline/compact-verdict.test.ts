import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { loadScenarioFile } from '../../engine/run-scenario.ts';
import { CompactVerdict } from '../../engine/pipeline/compact-verdict.ts';
import { countVerdict, emptyCounts } from '../../engine/pipeline/counts.ts';
import type { ExclusionLists } from '../../engine/core/config.ts';
import { decidingEntries } from '../../engine/pipeline/deciding-entries.ts';
import { countSimulation, runSimulation } from '../../engine/pipeline/run-simulation.ts';
import type { SimulationInput } from '../../engine/pipeline/sim-input.ts';
import { isVerdict, simulate$ } from '../../engine/pipeline/simulate.ts';
import { alertStatusOf } from '../../engine/pipeline/build-verdict.ts';
import { simulationArb } from '../arbitraries/simulation.arb.ts';
import { ROOT } from '../scenarios/library-hashes.ts';
import { eagerDecide } from './eager-decide.ts';
import { plainArtifact } from '../../engine/pipeline/synth/index.ts';

/** Every compact verdict of a run, each with the eager oracle's verdict over the same context and artifact. */
function pairs(input: SimulationInput): { compact: CompactVerdict; eager: ReturnType<typeof eagerDecide> }[] {
  const found: { compact: CompactVerdict; eager: ReturnType<typeof eagerDecide> }[] = [];
  const lists = tenantListsOverTime(input);
  simulate$(input).subscribe((output) => {
    if (!isVerdict(output)) return void lists.changed(output.status === 'applied');
    if (!(output instanceof CompactVerdict)) throw new Error('simulate$ emitted a verdict that is not compact');
    // The fleet index an artifact carries names its own device: it picks the context without a name lookup.
    const index = output.source.deviceIndex ?? -1;
    if (index >= 0) expect(input.devices[index]?.name).toBe(output.source.device);
    expectEntryIdsNameTheirText(input, lists.now(), output);
    // The oracle runs first, on its own: the compact verdict has explained nothing yet (no memo to lean on),
    // and on the artifact without its key, so the matchers derive everything themselves (issue 13 #1).
    found.push({ eager: eagerDecide(output.ctx, { ...plainArtifact(output.source), key: undefined }), compact: output });
  });
  return found;
}

/** The tenant's exclusion lists as the run's changes leave them, advanced by each change record in order. */
function tenantListsOverTime(input: SimulationInput): { now(): ExclusionLists; changed(applied: boolean): void } {
  const changes = input.timeline.flatMap((event) => (event.kind === 'change' ? [event.change] : []));
  let lists = input.exclusions;
  let next = 0;
  return {
    now: () => lists,
    changed(applied) {
      const change = changes[next++];
      if (applied && change?.exclusions !== undefined) lists = { ...lists, ...change.exclusions };
    },
  };
}

/** How many deciding entries the laws met, by kind: so a law that never met one fails instead of passing vacuously. */
const seen = { tenant: 0, device: 0, 'server-role': 0, indicators: 0 };

/** A compact verdict's deciding entries name, by origin, list and index, the very text the scenario wrote there. */
function expectEntryIdsNameTheirText(input: SimulationInput, tenant: ExclusionLists, verdict: CompactVerdict): void {
  // The exclusion is the one an eager lookup finds (active mode, or an MDAV or EDR detection), whether the decision
  // looked it up or left it to this first read (issue 13, eighth pass: a clean file with no indicator).
  const { ctx, source } = verdict;
  const eager = ctx.mode === 'active' || source.signals.mdav || source.signals.edr ? ctx.exclusionHit(source) : undefined;
  expect(verdict.exclusion).toBe(eager);
  const { exclusion, indicator } = decidingEntries(verdict);
  expect(indicator).toBe(verdict.indicator?.indicator);
  if (indicator !== undefined) seen.indicators++;
  if (exclusion === undefined) return;
  seen[exclusion.origin]++;
  expect(exclusion.id).toBe(`${exclusion.origin}:${exclusion.list}[${exclusion.index}]`);
  const own = input.devices.find((device) => device.name === verdict.device)?.exclusions;
  const lists = exclusion.origin === 'tenant' ? tenant : exclusion.origin === 'device' ? own : undefined;
  if (lists !== undefined) expect(lists[exclusion.list][exclusion.index]).toBe(exclusion.entry.text);
  // The eager decision's exclusion reason is the ref's: one shared object per compiled entry.
  expect(verdict.ctx.exclusions(verdict.source)).toBe(exclusion.reason);
}

/** The law of issue 13 #2: the compact decision and its on-demand explanation equal the eager decision. */
function expectSameAsEager(input: SimulationInput): void {
  for (const { compact, eager } of pairs(input)) {
    const decided = {
      outcome: compact.outcome,
      by: compact.by,
      detectionStatus: compact.detectionStatus,
      actionCenter: compact.actionCenter,
      alerts: Array(compact.alertCount).fill(alertStatusOf(compact.detectionStatus)),
    };
    expect(decided).toEqual({
      outcome: eager.outcome,
      by: eager.by,
      detectionStatus: eager.detectionStatus,
      actionCenter: eager.actionCenter,
      alerts: eager.alerts.map((alert) => alert.detectionStatus),
    });
    expect(compact.plain()).toEqual(eager);
    expect(compact.reasons).toEqual(eager.reasons);
  }
}

describe('decideArtifact: a compact verdict that explains on demand', () => {
  it('should decide and explain every artifact of the scenario library exactly as the eager decision does', () => {
    const files = collectScenarioFiles(['scenarios'], ROOT).files;
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const loaded = loadScenarioFile(`${ROOT}${file}`);
      if (!loaded.ok) throw new Error(`${file} does not load`);
      expectSameAsEager(loaded.value);
    }
    expect(seen.tenant).toBeGreaterThan(0);
    expect(seen.indicators).toBeGreaterThan(0);
  });

  it('should decide and explain every artifact of random streams exactly as the eager decision does', () => {
    fc.assert(
      fc.property(simulationArb, (input) => expectSameAsEager(input)),
      { numRuns: 300 },
    );
  });

  it('should count a run without explaining any verdict, to the same counts as a run that explains all', () => {
    fc.assert(
      fc.property(simulationArb, (input) => {
        // The explained run's verdicts are plain objects: counted from their alerts and entries, not the decision.
        const explained = emptyCounts();
        const run = runSimulation(input);
        for (const verdict of run.verdicts) {
          expect(verdict).not.toBeInstanceOf(CompactVerdict);
          countVerdict(explained, verdict);
        }
        const counted = countSimulation(input).counts;
        expect(counted).toEqual(explained);
        // The tally keeps devices in the order of their first verdict, as the Map of countVerdict does.
        expect([...counted.byDevice.keys()]).toEqual([...explained.byDevice.keys()]);
        // The explaining run's own tally (streamSimulation's, its names by fleet index too) counts the same.
        expect(run.counts).toEqual(explained);
        expect([...run.counts.byDevice.keys()]).toEqual([...explained.byDevice.keys()]);
      }),
      { numRuns: 300 },
    );
  });
});
