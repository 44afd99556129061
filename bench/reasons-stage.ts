/** What explaining costs: every verdict's reasons read, against counting alone; and the JSON report's writing speed. */
import { countSimulation, streamSimulation } from '../engine/pipeline/run-simulation.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import type { Verdict } from '../engine/pipeline/verdict.ts';
import { renderJson } from '../engine/report/json-report.ts';
import { runScenario } from '../engine/run-scenario.ts';
import type { Scenario } from '../engine/scenario/index.ts';
import { best, timed, type Timing } from './measure.ts';

/** Reasons read against counting, over the same artifacts, best of each (CPU time). */
export interface ReasonsCost {
  readonly artifacts: number;
  readonly countingMs: number;
  readonly reasonsMs: number;
  /** `reasonsMs / countingMs`: 1 while reasons are built eagerly; the goal is ≤ 3 once they are built on demand. */
  readonly ratio: number;
}

/** The contract JSON report of a run written to a sink that only counts bytes (what `run --format json` does, minus the disk). */
export interface JsonSpeed {
  readonly artifacts: number;
  readonly bytes: number;
  readonly cpuMs: number;
  /** MB (10^6 bytes) of JSON per CPU second, everything included: the run, its three replays, projection and writing. */
  readonly mbPerSecond: number;
}

let sink = 0;
/**
 * Reads every reason of a verdict, every field, as a renderer or `explain` would. Rewire point: once the
 * decision builds reasons on demand, this is where the bench asks for them (e.g. `explain(verdict)`).
 */
export function readReasons(verdict: Verdict): void {
  for (const reason of verdict.reasons) sink += reason.layer.length + reason.code.length + reason.message.length;
}

/**
 * The cost of the reasons of every verdict as a ratio to counting: `streamSimulation` with a verdict sink
 * that reads each verdict's reasons, against `countSimulation`, alternating, best of `rounds` each.
 *
 * @example
 * measureReasonsCost(withArtifacts(input, 200_000), 3).ratio; // ≈ 1.0 with eager reasons
 */
export function measureReasonsCost(input: SimulationInput, rounds: number): ReasonsCost {
  let counting: Timing | undefined;
  let reasons: Timing | undefined;
  let artifacts = 0;
  for (let round = 0; round < Math.max(1, rounds); round++) {
    const counted = timed(() => countSimulation(input));
    counting = best(counting, counted.timing);
    artifacts = counted.value.counts.artifacts;
    reasons = best(reasons, timed(() => streamSimulation(input, { verdict: readReasons })).timing);
  }
  const countingMs = counting?.cpuMs ?? 0;
  const reasonsMs = reasons?.cpuMs ?? 0;
  if (sink < 0) throw new Error('unreachable');
  return { artifacts, countingMs, reasonsMs, ratio: countingMs > 0 ? reasonsMs / countingMs : 0 };
}

/** The bench input as a scenario with no expectations, so the engine's own `runScenario` and `renderJson` take it. */
export function benchScenario(input: SimulationInput): Scenario {
  return {
    ...input,
    name: 'bench',
    tags: [],
    start: new Date(input.startMs).toISOString(),
    expect: [],
    file: 'bench.yaml',
    imports: [],
    warnings: [],
  };
}

/**
 * The JSON report's writing speed: `runScenario` then `renderJson` into a sink that counts bytes, best of
 * `rounds` by CPU time.
 *
 * @example
 * measureJsonSpeed(withArtifacts(input, 50_000), 1).mbPerSecond; // ≈ 100 on a loaded 2-core machine
 */
export function measureJsonSpeed(input: SimulationInput, rounds: number): JsonSpeed {
  let fastest: Timing | undefined;
  let bytes = 0;
  let artifacts = 0;
  for (let round = 0; round < Math.max(1, rounds); round++) {
    let written = 0;
    const { value, timing } = timed(() => {
      const report = runScenario(benchScenario(input));
      renderJson([report], (chunk) => void (written += Buffer.byteLength(chunk)));
      return report.run.counts.artifacts;
    });
    fastest = best(fastest, timing);
    bytes = written;
    artifacts = value;
  }
  const cpuMs = fastest?.cpuMs ?? 0;
  return { artifacts, bytes, cpuMs, mbPerSecond: cpuMs > 0 ? bytes / 1e6 / (cpuMs / 1e3) : 0 };
}
