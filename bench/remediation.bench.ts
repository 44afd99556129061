/** Remediation throughput benchmark: runs the steps of the chosen mode and assembles the result document. */
import { availableParallelism } from 'node:os';
import type { Timing } from './measure.ts';
import { checkGoals, type BenchFigures, type BenchResult } from './bench-result.ts';
import { benchInput } from './bench-shape.ts';
import { SILENT, type Progress } from './bench-progress.ts';
import { BASE_SHAPE, benchMode, benchSizes, headlineShape, longEnough, type BenchOptions } from './bench-sizes.ts';
import { coreSteps, throughput, type CoreDraft, type Step } from './core-steps.ts';
import { curveSteps, relativeTo, streamSteps, workerSteps, type CurveDraft } from './curve-steps.ts';
import { cpuModel, load1, ratio } from './measure.ts';
import { remediationRate } from './sim-time-figures.ts';
import { medianRun } from './median-run.ts';
import { startupStep } from './startup.ts';
import type { StartupFigures } from './startup-figures.ts';

/**
 * Runs the benchmark: the headline figures (P, G, L, D, latency, virtual-clock figures), then — unless
 * explicit sizes ask for one shape only — the fleet, exclusion, indicator and stream-length curves and
 * the worker comparison. Measures only; writing files is the caller's business. `date` is passed in so
 * the result holds no hidden clock read.
 *
 * @example
 * const result = await runRemediationBench({ quick: true }, createProgress(process.stderr), new Date().toISOString());
 * result.goals.filter((goal) => !goal.met); // what to work on
 */
export async function runRemediationBench(
  options: BenchOptions = {},
  progress: Progress = SILENT,
  date = '',
): Promise<BenchResult> {
  const count = Math.max(1, Math.floor(options.count ?? 1));
  const runs: BenchResult[] = [];
  for (let run = 1; run <= count; run++) {
    const prefix = count === 1 ? '' : `run ${run}/${count}: `;
    runs.push(await runOnce(options, prefixed(progress, prefix), date));
  }
  const sizes = benchSizes(options);
  return medianRun(runs, longEnough(sizes, headlineShape(options, sizes).artifacts));
}

function prefixed(progress: Progress, prefix: string): Progress {
  if (prefix === '') return progress;
  return {
    start: (index, total, label) => progress.start(index, total, prefix + label),
    done: (index, total, label, seconds, detail) => progress.done(index, total, prefix + label, seconds, detail),
    finish: () => progress.finish(),
  };
}

// One whole run; its `repeats` covers itself only (medianRun folds the runs).
async function runOnce(options: BenchOptions, progress: Progress, date: string): Promise<BenchResult> {
  const started = process.hrtime.bigint();
  const loadStart = load1();
  const mode = benchMode(options);
  const sizes = benchSizes(options);
  const shape = headlineShape(options, sizes);
  const input = benchInput(shape);
  const workers = Math.max(2, Math.floor(options.workers ?? 2));
  const core: CoreDraft = {};
  const startup: { startup?: StartupFigures } = {};
  const curves: CurveDraft = { fleet: [], exclusionsRealistic: [], exclusionsAdversarial: [], indicators: [], stream: [] };
  const base = { ...BASE_SHAPE, seed: shape.seed, artifacts: sizes.curve };
  const steps: Step[] = [
    ...coreSteps(input, sizes, core),
    ...(mode === 'shape' ? [] : [...curveSteps(base, sizes, curves), ...streamSteps(base, sizes, curves)]),
    ...(mode !== 'shape' || options.workers !== undefined ? workerSteps(shape, workers, sizes, curves, () => core.counts) : []),
    // Packs and installs the package (≈ 20 s): not in one-shape runs, which measure the pipeline only, nor
    // with size overrides (tests; test/package/ covers the installed package).
    ...(mode === 'shape' || options.sizes !== undefined ? [] : [startupStep(startup)]),
  ];
  for (const [index, step] of steps.entries()) {
    progress.start(index + 1, steps.length, step.label);
    const stepStart = process.hrtime.bigint();
    const detail = await step.run();
    progress.done(index + 1, steps.length, step.label, Number(process.hrtime.bigint() - stepStart) / 1e9, detail);
  }
  progress.finish();

  const assembled = assembleFigures(input, core);
  const figures = startup.startup === undefined ? assembled : { ...assembled, startup: startup.startup };
  const curveResult = {
    fleet: relativeTo(curves.fleet),
    exclusionsRealistic: relativeTo(curves.exclusionsRealistic),
    exclusionsAdversarial: relativeTo(curves.exclusionsAdversarial),
    ...(curves.exclusionMatcher === undefined ? {} : { exclusionMatcher: curves.exclusionMatcher }),
    indicators: relativeTo(curves.indicators),
    stream: relativeTo(curves.stream),
  };
  return {
    date,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    mode,
    options: { ...options, workers, sizes },
    shape,
    load: { start: loadStart, end: load1() },
    durationS: Number(process.hrtime.bigint() - started) / 1e9,
    figures,
    curves: curveResult,
    ...(curves.workers === undefined ? {} : { workers: curves.workers }),
    goals: checkGoals(figures, curveResult, curves.workers, longEnough(sizes, shape.artifacts)),
    repeats: { count: 1, measurements: [] },
  };
}

function assembleFigures(input: ReturnType<typeof benchInput>, core: CoreDraft): BenchFigures {
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`bench: ${what} was not measured`);
    return value;
  };
  const counts = need(core.counts, 'P');
  const pool = (timing: Timing | undefined, what: string) => throughput(need(core.poolSize, 'the pool'), need(timing, what));
  const pipeline = throughput(counts.artifacts, need(core.pipeline, 'P'));
  const generator = throughput(counts.artifacts, need(core.generator, 'G'));
  const loop = pool(core.loop, 'L');
  const rx = pool(core.rx, 'D');
  const context = need(core.context, 'the decision context');
  return {
    pipeline,
    generator,
    loop,
    rx,
    pOverG: ratio(pipeline.perSecond, generator.perSecond),
    dOverL: ratio(rx.perSecond, loop.perSecond),
    pBeyondGNs: pipeline.nsPerArtifact - generator.nsPerArtifact,
    reasons: need(core.reasons, 'the reasons cost'),
    json: need(core.json, 'the JSON speed'),
    ...(core.air === undefined ? {} : { air: core.air }),
    context: { device: context.device, mode: context.mode },
    latency: need(core.latency, 'latency'),
    remediationLatency: need(core.remediationLatency, 'remediation latency'),
    remediationRate: remediationRate(input, counts),
    outcomes: { ...counts.byOutcome },
    blockers: { ...counts.byBlocker },
    alerts: counts.alerts,
    actionCenter: counts.actionCenter,
  };
}
