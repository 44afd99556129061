/** `edrsim diff` cost: a diff over N generated artifacts with up to 10 policy changes against one run of them (issue 15, goal ≤ 2.5×). */
import { pathToFileURL } from 'node:url';
import type { ExclusionLists } from '../engine/core/config.ts';
import { applyPolicy } from '../engine/diff/apply-policy.ts';
import type { DiffPolicy } from '../engine/diff/diff-policy.ts';
import { runDiff } from '../engine/diff/run-diff.ts';
import { streamDecided } from '../engine/diff/replay.ts';
import { verdictCode } from '../engine/diff/compare-verdicts.ts';
import { countSimulation } from '../engine/pipeline/run-simulation.ts';
import { loadScenarioFile } from '../engine/run-scenario.ts';
import { DEFAULT_DETECTION, DEFAULT_MIX } from '../engine/core/generate-spec.ts';

/** The mixed 200-device fleet of the library: passive laptops, active workstations, servers; block mode on. */
export const DIFF_BENCH_FLEET = 'scenarios/10-scale/02-mixed-fleet.yaml';

const BASE: ExclusionLists = {
  paths: ['C:\\Program Files\\Backup\\', 'D:\\SQLData\\*.mdf', 'C:\\Windows\\Temp\\*.log'],
  extensions: ['ldf'],
  processes: ['sqlservr.exe'],
};

/** HEAD: BASE with 10 entry-level changes, some of which touch the generator's places (user Temp, Downloads, Windows\Temp). */
const HEAD: ExclusionLists = {
  paths: ['D:\\SQLData\\*.mdf', 'C:\\Users\\*\\AppData\\Local\\Temp\\', 'C:\\Users\\*\\Downloads\\', 'C:\\Windows\\Temp\\'],
  extensions: ['tmp', 'ps1'],
  processes: ['sqlservr.exe', 'msiexec.exe', 'wmiprvse.exe'],
};

export interface DiffBenchResult {
  readonly artifacts: number;
  readonly changes: number;
  readonly flipped: number;
  readonly probes: number;
  /** One run of the same artifacts under HEAD, count only, ms (median of `repeat`). */
  readonly runMs: number;
  /** One pass of the diff's own stream (`streamDecided`, a code per verdict) under HEAD, ms: the diff's floor is two of these. */
  readonly streamMs: number;
  /** The whole diff (BASE and HEAD runs, probes, attribution), ms (median of `repeat`). */
  readonly diffMs: number;
  readonly ratio: number;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Measures one diff and one plain run over `artifacts` generated artifacts on the mixed fleet.
 *
 * @example
 * runDiffBench({ artifacts: 10_000 }).ratio; // about 2
 */
export function runDiffBench(options: { artifacts?: number; repeat?: number } = {}): DiffBenchResult {
  const artifacts = options.artifacts ?? 100_000;
  const loaded = loadScenarioFile(DIFF_BENCH_FLEET);
  if (!loaded.ok) throw new Error(`${DIFF_BENCH_FLEET} does not load`);
  // The fleet's own 3,000 artifacts are dropped so that both figures count exactly `artifacts`.
  const scenario = { ...loaded.value, timeline: loaded.value.timeline.filter((event) => event.kind === 'change') };
  const side = (source: string, exclusions: ExclusionLists): DiffPolicy => ({ source, what: 'bench', text: '', exclusions });
  const [base, head] = [side('base', BASE), side('head', HEAD)];
  const runs: number[] = [];
  const streams: number[] = [];
  const diffs: number[] = [];
  let last: ReturnType<typeof runDiff> | undefined;
  for (let i = 0; i < (options.repeat ?? 5); i++) {
    let start = performance.now();
    const generate = {
      id: 'diff-gen',
      at: 0,
      count: artifacts,
      devices: scenario.devices.map((device) => device.name),
      os: scenario.devices.map((device) => device.os),
      window: 0,
      mix: DEFAULT_MIX,
      detection: DEFAULT_DETECTION,
    };
    countSimulation(applyPolicy(scenario, head, [{ kind: 'generate', at: 0, order: 0, generate }]));
    runs.push(performance.now() - start);
    start = performance.now();
    const codes: number[] = [];
    streamDecided(
      applyPolicy(scenario, head, [{ kind: 'generate', at: 0, order: 0, generate }]),
      ({ verdict }) => void codes.push(verdictCode(verdict)),
    );
    streams.push(performance.now() - start);
    start = performance.now();
    last = runDiff(base, head, [scenario], { generate: artifacts });
    diffs.push(performance.now() - start);
  }
  if (last === undefined || !last.ok) throw new Error('the diff failed');
  const report = last.value;
  const [runMs, streamMs, diffMs] = [median(runs), median(streams), median(diffs)];
  return {
    artifacts: report.artifacts,
    changes: report.changes.length,
    flipped: report.artifacts - report.counts.same,
    probes: report.probes,
    runMs,
    streamMs,
    diffMs,
    ratio: diffMs / runMs,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const artifacts = Number(process.argv[2] ?? 100_000);
  const result = runDiffBench({ artifacts });
  console.log(
    `diff over ${result.artifacts.toLocaleString('en-US')} artifacts (${result.probes} probes), ${result.changes} changes, ${result.flipped.toLocaleString('en-US')} flipped`,
  );
  console.log(
    `one run: ${result.runMs.toFixed(0)} ms (one pass of the diff's stream: ${result.streamMs.toFixed(0)} ms); diff: ${result.diffMs.toFixed(0)} ms; ratio ${result.ratio.toFixed(2)}x (goal ≤ 2.5x)`,
  );
}
