/** The streaming figures: the full pipeline as `edrsim run` counts it (P) and the generator alone (G). */
import type { Artifact } from '../engine/core/artifact.ts';
import type { OsName } from '../engine/core/vocabulary.ts';
import { withDeviceOs } from '../engine/core/generate-spec.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import { countSimulation } from '../engine/pipeline/run-simulation.ts';
import { generateArtifacts, type GenerateSpec } from '../engine/pipeline/synth/index.ts';
import type { Counts } from '../engine/pipeline/counts.ts';
import { generateFrozenArtifacts } from './frozen-generator.ts';
import { best, timed, type Timing } from './measure.ts';

/**
 * The shape's single generate event as `simEvents` hands it to the generator: its start time, and each
 * device's OS so servers draw server workloads.
 */
export function generateSpecOf(input: SimulationInput): GenerateSpec {
  const event = input.timeline.find((item) => item.kind === 'generate');
  if (event === undefined || event.kind !== 'generate') throw new Error('bench input has no generate event');
  const osOf = new Map<string, OsName>(input.devices.map((device) => [device.name, device.os]));
  // As `simEvents` builds it, so the generator sees one hidden class in every run (withDeviceOs).
  return withDeviceOs(
    event.generate,
    event.generate.devices.map((name) => osOf.get(name) ?? 'windows-11'),
  );
}

/**
 * P: `countSimulation`, the code path of `edrsim run` — generate, layers, verdict with reasons, alert and
 * Action Center counting — on the virtual-time stream.
 *
 * @example
 * measurePipeline(input).counts.artifacts; // 1_000_000
 */
export function measurePipeline(input: SimulationInput): { counts: Counts; timing: Timing } {
  const { value, timing } = timed(() => countSimulation(input));
  return { counts: value.counts, timing };
}

/**
 * G: the seeded generator alone, producing and discarding every artifact of the run. It is the frozen
 * copy of the generator (bench/frozen-generator.ts): work the engine moves into artifact creation counts
 * in P, not here.
 */
export function measureGenerator(input: SimulationInput): { artifacts: number; timing: Timing } {
  const spec = generateSpecOf(input);
  let sink = 0;
  const { timing } = timed(() => {
    for (const artifact of generateFrozenArtifacts(spec, { seed: input.seed })) sink += artifact.at & 1;
  });
  if (sink < 0) throw new Error('unreachable');
  return { artifacts: spec.count, timing };
}

/** The first `count` artifacts of the run's stream, held in memory for the decision-stage loops. */
export function preGenerate(input: SimulationInput, count: number): Artifact[] {
  const pool: Artifact[] = [];
  for (const artifact of generateArtifacts(generateSpecOf(input), { seed: input.seed })) {
    if (pool.length >= count) break;
    pool.push(artifact);
  }
  return pool;
}

/** The run's input with `count` artifacts instead: same fleet, lists and seed. */
export function withArtifacts(input: SimulationInput, count: number): SimulationInput {
  const timeline = input.timeline.map((event) =>
    event.kind === 'generate' ? { ...event, generate: { ...event.generate, count } } : event,
  );
  return { ...input, timeline };
}

/** How `marginalCost` times one run: `measurePipeline`, or a scripted stand-in in tests. */
export type PipelineMeasure = (input: SimulationInput) => { counts: Counts; timing: Timing };

/**
 * Marginal cost of one artifact: a run of the input minus a run of one artifact (fleet model, policy
 * compile, generator set-up and the first context), divided by the artifacts in between. A run whose
 * time does not exceed its set-up's (tiny sizes) reports its whole cost per artifact instead.
 *
 * The set-up is run before and after, and the cheaper kept: noise only ever adds time, and a pause subtracted with
 * the set-up made the point look cheaper than it is, which a curve's best-of-rounds then kept. The 10-entry point of
 * the realistic exclusion curve read 249 and 322 ns in rounds whose set-up took 9 ms, against 354–460 ns in the
 * rounds whose set-up took 3 ms (issue 13, sixteenth pass). `afterRun` runs between the run and the second set-up, for
 * a figure that should see the heap the run left rather than a second set-up's garbage.
 */
export function marginalCost(
  input: SimulationInput,
  measure: PipelineMeasure = measurePipeline,
  afterRun: () => void = () => {},
): { nsPerArtifact: number; setupMs: number; timing: Timing; counts: Counts } {
  const one = withArtifacts(input, 1);
  const before = measure(one).timing;
  const run = measure(input);
  afterRun();
  const setup = best(before, measure(one).timing);
  const count = run.counts.artifacts;
  const marginal = count > 1 ? ((run.timing.cpuMs - setup.cpuMs) * 1e6) / (count - 1) : 0;
  // A run too short to rise above the set-up's noise falls back to its whole cost per artifact.
  const nsPerArtifact = marginal > 0 ? marginal : (run.timing.cpuMs * 1e6) / Math.max(1, count);
  return { nsPerArtifact, setupMs: setup.cpuMs, timing: run.timing, counts: run.counts };
}
