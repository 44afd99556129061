/** The benchmark's stdout: headline figures against their goals, then one table per scaling curve. */
import { forTerminal } from '../engine/core/escape.ts';
import { renderTable } from '../engine/report/table.ts';
import type { BenchResult, CurvePoint, GoalCheck } from './bench-result.ts';
import { FLEET_ARTIFACTS_PER_DEVICE, SIZES } from './bench-sizes.ts';

const int = (value: number): string => Math.round(value).toLocaleString('en-US');

/** `1,234,567 /s`. */
export function formatRate(perSecond: number): string {
  return `${int(perSecond)} /s`;
}

const times = (value: number): string => `${value.toFixed(2)}×`;

function goalCell(goals: readonly GoalCheck[], id: string): [string, string] {
  const goal = goals.find((check) => check.id === id);
  if (goal === undefined) return ['', ''];
  return [goal.goal, goal.judged === false ? 'too short to judge' : goal.met ? 'met' : 'MISSED'];
}

function headline(result: BenchResult): string {
  const { figures: f, goals } = result;
  const rows: string[][] = [
    [
      'P full pipeline (countSimulation)',
      formatRate(f.pipeline.perSecond),
      `${int(f.pipeline.nsPerArtifact)} ns/artifact`,
      ...goalCell(goals, 'p-rate'),
    ],
    [
      'G generator alone (frozen copy)',
      formatRate(f.generator.perSecond),
      `${int(f.generator.nsPerArtifact)} ns/artifact`,
      '',
      '',
    ],
    [
      `L plain loop (${f.context.device}, ${f.context.mode})`,
      formatRate(f.loop.perSecond),
      `${int(f.loop.nsPerArtifact)} ns/artifact`,
      ...goalCell(goals, 'l-rate'),
    ],
    ['D decision stage through rxjs', formatRate(f.rx.perSecond), `${int(f.rx.nsPerArtifact)} ns/artifact`, '', ''],
    ['P / G', f.pOverG.toFixed(2), '', ...goalCell(goals, 'p-over-g')],
    ['D / L', f.dOverL.toFixed(2), '', ...goalCell(goals, 'd-over-l')],
    ...(f.pBeyondGNs === undefined
      ? []
      : [["P's cost beyond G", `${int(f.pBeyondGNs)} ns`, 'per artifact', ...goalCell(goals, 'p-beyond-g')]]),
    // Results written before issue 13 have neither figure.
    ...(f.reasons === undefined
      ? []
      : [
          [
            'reasons read / counting',
            times(f.reasons.ratio),
            `every verdict's reasons read, ${int(f.reasons.artifacts)} artifacts`,
            ...goalCell(goals, 'reasons-cost'),
          ],
        ]),
    // Issue 17: what modelling AIR costs P; older results have no such figure.
    ...(f.air === undefined
      ? []
      : [
          ['P with AIR off', formatRate(f.air.offPerSecond), 'AIR not modelled (the bench fleet)', '', ''],
          ['P with AIR on', formatRate(f.air.onPerSecond), `Full automation, ${times(f.air.ratio)} of off`, '', ''],
        ]),
    ...(f.json === undefined
      ? []
      : [
          [
            'JSON report to a null sink',
            `${f.json.mbPerSecond.toFixed(1)} MB/s`,
            `${int(f.json.bytes / 1e6)} MB for ${int(f.json.artifacts)} artifacts (run, 3 replays, writing)`,
            '',
            '',
          ],
        ]),
    [
      'decision latency p50 / p99',
      `${int(f.latency.p50Ns)} / ${int(f.latency.p99Ns)} ns`,
      `max ${int(f.latency.maxNs)} ns, ${int(f.latency.samples)} samples of ${f.latency.batch}`,
      '',
      '',
    ],
    [
      'remediation latency (virtual clock)',
      `p50 ${f.remediationLatency.p50Ms} / p99 ${f.remediationLatency.p99Ms} ms`,
      `max ${f.remediationLatency.maxMs} ms over ${int(f.remediationLatency.remediations)} Action Center entries`,
      '',
      '',
    ],
    [
      'remediations / simulated hour / device',
      f.remediationRate.perDeviceHour.toFixed(3),
      `block mode ${f.remediationRate.blockModePerDeviceHour.toFixed(3)}; ${int(f.remediationRate.devices)} devices over ${f.remediationRate.simulatedHours} h`,
      '',
      '',
    ],
  ];
  return renderTable(['figure', 'value', 'detail', 'goal', ''], rows);
}

function curveTable(
  title: string,
  unit: string,
  points: readonly CurvePoint[],
  extra: readonly [string, (point: CurvePoint) => string][] = [],
): string {
  if (points.length === 0) return '';
  const rows = [
    ['ns per artifact', ...points.map((point) => int(point.nsPerArtifact))],
    ['relative to first', ...points.map((point) => times(point.relative))],
    ...extra.map(([label, cell]) => [label, ...points.map(cell)]),
  ];
  return `${title}\n${renderTable([unit, ...points.map((point) => int(point.x))], rows)}`;
}

/** ` (model)` after the CPU count when the result names its CPU, escaped for the terminal. */
function machine(result: Pick<BenchResult, 'cpuModel'>): string {
  return result.cpuModel === undefined ? '' : ` (${forTerminal(result.cpuModel)})`;
}

/**
 * Renders the whole result as plain text: context line, headline table, curves, workers, goals.
 *
 * @example
 * io.out(renderBenchTable(result));
 */
export function renderBenchTable(result: BenchResult): string {
  const { shape, curves } = result;
  const parts = [
    [
      `edrsim bench — ${result.mode} mode, ${result.date}, node ${result.node}, ${result.cpus} CPUs${machine(result)}, load ${result.load.start} → ${result.load.end}, ${result.durationS.toFixed(0)} s`,
      `shape: ${int(shape.devices)} devices, ${int(shape.artifacts)} artifacts, ${int(shape.exclusions)} exclusions, ${int(shape.indicators)} indicators, seed ${shape.seed}`,
      'rates are per CPU second of this process (one core); compare ratios within a run, not absolute figures across runs',
    ].join('\n'),
    headline(result),
    curveTable(
      `fleet size (marginal cost; at least ${FLEET_ARTIFACTS_PER_DEVICE} artifacts per device; goal: largest ≤ 1.5× smallest)`,
      'devices',
      curves.fleet,
      [
        ['set-up ms', (point) => int(point.setupMs)],
        ['artifacts per device', (point) => (point.artifacts / point.x).toFixed(0)],
        ['ns per context compile', (point) => int(point.contextCompileNs ?? 0)],
      ],
    ),
    curveTable('exclusions, realistic lists (goal: largest ≤ 1.2× smallest)', 'entries', curves.exclusionsRealistic),
    curveTable('exclusions, adversarial lists (C:\\Adv<i>\\*a*a*a*a*a*b)', 'entries', curves.exclusionsAdversarial),
    matcherTable(result),
    curveTable('indicators (goal: largest ≤ 1.2× smallest)', 'indicators', curves.indicators),
    curveTable('stream length (own process each)', 'artifacts', curves.stream, [
      ['artifacts/s', (point) => int((point as { perSecond?: number }).perSecond ?? 0)],
      ['peak RSS MB', (point) => int((point as { peakRssMb?: number }).peakRssMb ?? 0)],
    ]),
    workersTable(result),
    repeatsTable(result),
    goalsLine(result.goals),
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function matcherTable(result: BenchResult): string {
  const matcher = result.curves.exclusionMatcher;
  if (matcher === undefined) return '';
  const sizes = [...new Set(matcher.rows.map((row) => row.entries))];
  const rows = [...new Set(matcher.rows.map((row) => row.kind))].map((kind) => [
    kind,
    ...sizes.map((size) => int(matcher.rows.find((row) => row.kind === kind && row.entries === size)?.nsPerLookup ?? 0)),
  ]);
  return `exclusion matcher alone, ns per lookup (exclusions.bench.ts)\n${renderTable(['entries', ...sizes.map(int)], rows)}`;
}

// With --count N > 1 the figures above are medians; this is their spread, under the ids --compare matches.
function repeatsTable(result: BenchResult): string {
  const repeats = result.repeats;
  if (repeats === undefined || repeats.count < 2) return '';
  const cell = (value: number): string => (Math.abs(value) >= 100 ? int(value) : value.toFixed(2));
  const rows = repeats.measurements.map((m) => [m.id, cell(m.min), cell(m.median), cell(m.max), m.unit]);
  return `${repeats.count} runs: every figure above is the median; min / median / max by figure id\n${renderTable(['id', 'min', 'median', 'max', 'unit'], rows)}`;
}

function workersTable(result: BenchResult): string {
  const workers = result.workers;
  if (workers === undefined) return '';
  const rows = workers.runs.map((run) => [
    String(run.workers),
    formatRate(run.perSecond),
    `${int(run.wallMs)} ms`,
    run.workerMs.map(int).join(' / '),
    run.slices === undefined ? '' : run.slices.join(' / '),
    run.firstPassMs === undefined ? '' : `${int(run.firstPassMs)} ms`,
    run.otherThreadsMs === undefined ? '' : `${int(run.otherThreadsMs)} ms`,
    run.waitedMs === undefined ? '' : `${int(run.waitedMs)} ms`,
  ]);
  const pipeline =
    workers.matchesPipeline === undefined
      ? ''
      : `; ${workers.matchesPipeline ? 'identical to' : 'DIFFERENT from'} countSimulation`;
  const verdict = `${workers.identical ? 'identical' : 'DIFFERENT'} merged counts${pipeline}`;
  // The competition columns only when some run has them (Linux's per-thread scheduler times, since the fifteenth pass).
  const competed = workers.runs.some((run) => run.otherThreadsMs !== undefined);
  const headers = ['workers', 'artifacts/s', 'wall', 'per worker ms', 'slices', 'first pass'];
  const table = renderTable(
    competed ? [...headers, "other threads' CPU", 'workers waited'] : headers,
    competed ? rows : rows.map((row) => row.slice(0, headers.length)),
  );
  // Figures shown beside the judged speed-up, in parentheses.
  const beside = [
    workers.firstPassSpeedup === undefined ? '' : `first pass ${times(workers.firstPassSpeedup)}`,
    workers.pairedSpeedup === undefined ? '' : `median of adjacent pairs ${times(workers.pairedSpeedup)}, not judged`,
  ]
    .filter((part) => part !== '')
    .join('; ');
  const how =
    workers.pairs === undefined
      ? 'wall time of the second pass'
      : `best wall time of ${workers.pairs} alternating passes a round, after ${workers.warmPasses ?? 0} warm-up passes`;
  const split =
    workers.slicesPerPass === undefined
      ? 'sharded by device'
      : `in ${workers.slicesPerPass} slices of the fleet, each taken by the next free worker`;
  const competition = competed
    ? "\nother threads' CPU, workers waited: medians a measured pass (V8's helpers and the main thread; workers ready, no core)"
    : '';
  return `workers, ${int(workers.artifacts)} artifacts ${split} (${how})\n${table}${competition}\nspeed-up ${times(workers.speedup)}${beside === '' ? '' : ` (${beside})`}; ${verdict}`;
}

// Results written before `judged` existed judged every goal.
function goalsLine(goals: readonly GoalCheck[]): string {
  const judged = goals.filter((goal) => goal.judged !== false);
  const met = judged.filter((goal) => goal.met).length;
  const missed = judged.filter((goal) => !goal.met).map((goal) => goal.label);
  const missedText = missed.length === 0 ? '' : ` — missed: ${missed.join('; ')}`;
  const short = goals.filter((goal) => goal.judged === false).map((goal) => goal.label);
  if (short.length === 0) return `goals: ${met} of ${goals.length} met${missedText}`;
  const advice = `run as long as the default mode (${int(SIZES.default.artifacts)} artifacts, no --quick) to judge them`;
  return `goals: ${met} of ${judged.length} judged met${missedText}; too short to judge: ${short.join('; ')} — ${advice}`;
}
