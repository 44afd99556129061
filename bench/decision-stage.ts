/** The decision stage measured alone: a plain loop (L), the same through rxjs (D), and per-artifact latency. */
import { from, map } from 'rxjs';
import type { Artifact } from '../engine/core/artifact.ts';
import type { DeviceConfig } from '../engine/core/config.ts';
import { createFleetModel } from '../engine/model/index.ts';
import { createContextCache } from '../engine/pipeline/context-cache.ts';
import { decideArtifact } from '../engine/pipeline/decide-artifact.ts';
import type { DeviceContext } from '../engine/pipeline/device-context.ts';
import { createPolicyState } from '../engine/pipeline/policy-state.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import type { Verdict } from '../engine/pipeline/verdict.ts';
import { best, nsPer, quantile, timed, type Timing } from './measure.ts';

/**
 * The compiled context of one device at time 0, exactly as the pipeline's cache builds it.
 *
 * @example
 * decisionContext(input, 'ws-00001').mode; // 'active'
 */
export function decisionContext(input: SimulationInput, device: string): DeviceContext {
  const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
  return createContextCache(model, createPolicyState(input), input.settings, input.startMs).get(device);
}

/**
 * ns to compile one device's context (the cache's miss path, paid on each device's first artifact),
 * averaged over the first `sample` devices of a fresh cache. Timed through `cache.at(index)`, as the run
 * reaches it: a generated artifact carries its device's fleet index, so the run never looks a name up per
 * device (until the seventh pass of issue 13 this timed `cache.get(name)`, whose name lookup in a map of 10^6
 * names the run does not pay: ≈ 1.3 µs of the 1M point's ≈ 1.9 µs, measured).
 */
export function measureContextCompile(input: SimulationInput, sample: number): number {
  const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
  const cache = createContextCache(model, createPolicyState(input), input.settings, input.startMs);
  const devices = input.devices.slice(0, sample);
  const indexes = devices.map((device) => model.indexOf(device.name) ?? -1);
  cache.get(devices[0]?.name ?? ''); // compiles the shared exclusion matcher: policy set-up, not per device
  const { timing } = timed(() => {
    for (let i = 0; i < devices.length; i++) cache.at(indexes[i] as number, (devices[i] as DeviceConfig).name);
  });
  return nsPer(devices.length, timing.cpuMs);
}

// Every verdict feeds a sink the optimiser cannot see through, so no decision is dead code. It reads the
// outcome, not the reasons: L is the decision with reasons deferred (issue 13), their cost is `reasons.ratio`.
let sink = 0;
const consume = (verdict: Verdict): void => {
  sink += verdict.outcome.length;
};

/** Best pass of `rounds` over the pool with a plain `for` loop: the floor any pipeline stage can reach. */
export function measureLoop(ctx: DeviceContext, pool: readonly Artifact[], rounds: number): Timing {
  let fastest: Timing | undefined;
  for (let round = 0; round < rounds; round++) {
    fastest = best(
      fastest,
      timed(() => {
        for (let i = 0; i < pool.length; i++) consume(decideArtifact(ctx, pool[i] as Artifact));
      }).timing,
    );
  }
  return fastest as Timing;
}

/** Best pass of `rounds` of `from(pool).pipe(map(decide))`: what rxjs adds around the same decision. */
export function measureRx(ctx: DeviceContext, pool: readonly Artifact[], rounds: number): Timing {
  let fastest: Timing | undefined;
  for (let round = 0; round < rounds; round++) {
    fastest = best(
      fastest,
      timed(() => {
        from(pool)
          .pipe(map((artifact) => decideArtifact(ctx, artifact)))
          .subscribe(consume);
      }).timing,
    );
  }
  return fastest as Timing;
}

export interface Latency {
  readonly batch: number;
  readonly samples: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly maxNs: number;
}

/**
 * Per-artifact decision latency: each sample times `batch` consecutive decisions with
 * `process.hrtime.bigint()` (one artifact is below the clock's resolution) and divides by `batch`.
 */
export function measureLatency(ctx: DeviceContext, pool: readonly Artifact[], passes: number, batch = 64): Latency {
  const perPass = Math.floor(pool.length / batch);
  const samples = new Float64Array(perPass * passes);
  let n = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (let b = 0; b < perPass; b++) {
      const first = b * batch;
      const start = process.hrtime.bigint();
      for (let i = first; i < first + batch; i++) consume(decideArtifact(ctx, pool[i] as Artifact));
      samples[n++] = Number(process.hrtime.bigint() - start) / batch;
    }
  }
  samples.sort();
  return { batch, samples: n, p50Ns: quantile(samples, 0.5), p99Ns: quantile(samples, 0.99), maxNs: quantile(samples, 1) };
}
