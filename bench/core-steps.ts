/** The headline figures as steps: P and G interleaved, then L, D and latency, then the virtual-clock figures. */
import type { Artifact } from '../engine/core/artifact.ts';
import type { DeviceContext } from '../engine/pipeline/device-context.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import type { Counts } from '../engine/pipeline/counts.ts';
import type { Throughput } from './bench-result.ts';
import type { BenchSizes } from './bench-sizes.ts';
import { measureAirCost, type AirCost } from './air-stage.ts';
import { decisionContext, measureLatency, measureLoop, measureRx, type Latency } from './decision-stage.ts';
import { best, nsPer, perSecond, type Timing } from './measure.ts';
import { formatRate } from './render-bench-table.ts';
import { remediationLatency, type RemediationLatency } from './sim-time-figures.ts';
import { measureJsonSpeed, measureReasonsCost, type JsonSpeed, type ReasonsCost } from './reasons-stage.ts';
import { measureGenerator, measurePipeline, preGenerate, withArtifacts } from './stream-stage.ts';

/** A unit of the run: a label for the progress line, and work that returns a short result text. */
export interface Step {
  readonly label: string;
  readonly run: () => string | Promise<string>;
}

/** What the core steps measure, filled in as they run. */
export interface CoreDraft {
  pipeline?: Timing;
  generator?: Timing;
  counts?: Counts;
  loop?: Timing;
  rx?: Timing;
  latency?: Latency;
  remediationLatency?: RemediationLatency;
  reasons?: ReasonsCost;
  json?: JsonSpeed;
  air?: AirCost;
  context?: DeviceContext;
  pool?: Artifact[];
  /** Artifacts per pass of L and D (the pool is dropped after the latency step). */
  poolSize?: number;
}

/** Throughput of `artifacts` over a timing, per CPU second. */
export function throughput(artifacts: number, timing: Timing): Throughput {
  return {
    artifacts,
    cpuMs: timing.cpuMs,
    wallMs: timing.wallMs,
    perSecond: perSecond(artifacts, timing.cpuMs),
    nsPerArtifact: nsPer(artifacts, timing.cpuMs),
  };
}

/** The device L, D and latency decide for: the first Defender workstation (active: every layer runs). */
export function contextDevice(input: SimulationInput): string {
  return (input.devices.find((device) => device.primaryAv === 'defender') ?? input.devices[0])?.name ?? '';
}

/**
 * Warm-up, then P and G twice each, alternating (best of two by CPU time), then the decision-stage
 * loops over a pre-generated pool, then remediation latency on the virtual clock.
 */
export function coreSteps(input: SimulationInput, sizes: BenchSizes, draft: CoreDraft): Step[] {
  const artifacts = input.timeline.reduce((n, event) => n + (event.kind === 'generate' ? event.generate.count : 0), 0);
  const rate = (timing: Timing | undefined): string => formatRate(perSecond(artifacts, timing?.cpuMs ?? 0));
  const pipelineRun = (): string => {
    const run = measurePipeline(input);
    draft.pipeline = best(draft.pipeline, run.timing);
    draft.counts = run.counts;
    return rate(run.timing);
  };
  const generatorRun = (): string => {
    const run = measureGenerator(input);
    draft.generator = best(draft.generator, run.timing);
    return rate(run.timing);
  };
  const poolSize = Math.min(sizes.pool, artifacts);
  return [
    {
      label: 'warm-up (JIT)',
      run: () => {
        measurePipeline(withArtifacts(input, Math.min(50_000, artifacts)));
        measureGenerator(withArtifacts(input, Math.min(50_000, artifacts)));
        return '';
      },
    },
    { label: `P full pipeline, ${artifacts.toLocaleString('en-US')} artifacts (1/2)`, run: pipelineRun },
    { label: 'G generator alone (1/2)', run: generatorRun },
    { label: 'P full pipeline (2/2)', run: pipelineRun },
    { label: 'G generator alone (2/2)', run: generatorRun },
    {
      label: `L plain loop and D through rxjs, alternating, over ${poolSize.toLocaleString('en-US')} pre-generated artifacts`,
      run: () => {
        draft.pool = preGenerate(input, poolSize);
        draft.poolSize = draft.pool.length;
        const ctx = decisionContext(input, contextDevice(input));
        draft.context = ctx;
        measureLoop(ctx, draft.pool.slice(0, 10_000), 1);
        // Alternating passes see the same machine load, so D / L compares like with like.
        for (let round = 0; round < sizes.rounds; round++) {
          draft.loop = best(draft.loop, measureLoop(ctx, draft.pool, 1));
          draft.rx = best(draft.rx, measureRx(ctx, draft.pool, 1));
        }
        return `L ${formatRate(perSecond(poolSize, draft.loop?.cpuMs ?? 0))}, D ${formatRate(perSecond(poolSize, draft.rx?.cpuMs ?? 0))}`;
      },
    },
    {
      label: 'decision latency (batches of 64)',
      run: () => {
        draft.latency = measureLatency(draft.context as DeviceContext, draft.pool ?? [], sizes.rounds);
        draft.pool = undefined;
        return `p50 ${draft.latency.p50Ns.toFixed(0)} ns, p99 ${draft.latency.p99Ns.toFixed(0)} ns`;
      },
    },
    {
      label: 'remediation latency on the virtual clock',
      run: () => {
        draft.remediationLatency = remediationLatency(withArtifacts(input, Math.min(sizes.simTime, artifacts)));
        return `${draft.remediationLatency.remediations.toLocaleString('en-US')} entries, p99 ${draft.remediationLatency.p99Ms} ms`;
      },
    },
    {
      label: 'reasons of every verdict read, against counting',
      run: () => {
        draft.reasons = measureReasonsCost(withArtifacts(input, Math.min(sizes.simTime, artifacts)), sizes.rounds);
        return `${draft.reasons.ratio.toFixed(2)}× counting`;
      },
    },
    {
      label: 'P with AIR off and on (Full automation), alternating',
      run: () => {
        draft.air = measureAirCost(withArtifacts(input, Math.min(sizes.simTime, artifacts)), sizes.rounds);
        return `off ${formatRate(draft.air.offPerSecond)}, on ${formatRate(draft.air.onPerSecond)} (${draft.air.ratio.toFixed(2)}×)`;
      },
    },
    {
      label: 'JSON report to a null sink',
      run: () => {
        draft.json = measureJsonSpeed(withArtifacts(input, Math.min(sizes.simTime, artifacts)), 2);
        return `${draft.json.mbPerSecond.toFixed(0)} MB/s`;
      },
    },
  ];
}
