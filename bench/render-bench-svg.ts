/** The bench's SVG chart: throughput, workers and the scaling curves, one panel each, in a two-column grid. */
import { append, maxOf } from '../engine/core/append.ts';
import { WORKERS_GOAL, type BenchResult, type CurvePoint } from './bench-result.ts';
import { renderBarPanel, type BarPanel } from './render-bar-panel.ts';
import { renderCurvePanel, type CurvePanel, type Drawn } from './render-curve-panel.ts';
import { svgText, wrapText } from './svg-text.ts';

const PANEL_W = 480;
const BLUE = '#1f6feb';
const RED = '#d1242f';
const GREY = '#6e7781';
const GREEN = '#1a7f37';
const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const short = (x: number): string => (x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}k` : String(x));
const curve = (points: readonly CurvePoint[]) =>
  points.map((point) => ({ x: point.x, ratio: point.relative, ns: point.nsPerArtifact }));

function throughputPanel(result: BenchResult): BarPanel {
  const f = result.figures;
  const bar = (label: string, subject: typeof f.pipeline, colour: string) => ({
    label,
    value: subject.perSecond,
    text: `${int(subject.perSecond)} /s · ${int(subject.nsPerArtifact)} ns`,
    colour,
  });
  return {
    id: 'throughput',
    title: 'Throughput, artifacts per CPU second (one core)',
    bars: [
      bar('P full pipeline', f.pipeline, BLUE),
      bar('G generator alone', f.generator, GREY),
      bar('L plain loop', f.loop, GREEN),
      bar('D decision stage (rxjs)', f.rx, GREEN),
    ],
    notes: [
      `P / G ${f.pOverG.toFixed(2)} (goal ≥ 0.5) · D / L ${f.dOverL.toFixed(2)} (goal ≥ 0.25)`,
      `L and D decide for ${f.context.device} (${f.context.mode}); ns per artifact beside each rate`,
    ],
  };
}

function workersPanel(result: BenchResult): BarPanel | undefined {
  const workers = result.workers;
  const one = workers?.runs.find((run) => run.workers === 1);
  if (workers === undefined || one === undefined) return undefined;
  const pipeline =
    workers.matchesPipeline === undefined
      ? ''
      : `, ${workers.matchesPipeline ? 'identical to' : 'DIFFERENT from'} countSimulation`;
  const verdict = `${workers.identical ? 'identical' : 'DIFFERENT'} merged counts${pipeline}`;
  const first = workers.firstPassSpeedup === undefined ? '' : `, first pass ${workers.firstPassSpeedup.toFixed(2)}×`;
  return {
    id: 'workers',
    // The pass the figure is: a warmed pool's best since the ninth pass (`pairs`), a fresh pool's second before it.
    title: `Workers, ${int(workers.artifacts)} artifacts by device (wall, ${workers.pairs === undefined ? '2nd pass' : 'warmed'})`,
    bars: workers.runs.map((run) => ({
      label: `${run.workers} worker${run.workers === 1 ? '' : 's'}`,
      value: run.perSecond,
      text: `${int(run.perSecond)} /s · ${int(run.wallMs)} ms`,
      colour: run.workers === 1 ? GREY : BLUE,
    })),
    notes: [
      `speed-up ${workers.speedup.toFixed(2)}× (goal ≥ ${WORKERS_GOAL}×)${first}; ${verdict}`,
      `per worker: ${workers.runs.map((run) => run.workerMs.map(int).join(' / ')).join('; ')} ms`,
    ],
    goal: { value: one.perSecond * WORKERS_GOAL, label: `goal: ${WORKERS_GOAL}× one worker` },
  };
}

function curvePanels(result: BenchResult): CurvePanel[] {
  const { curves } = result;
  const matcher = curves.exclusionMatcher?.rows.filter((row) => row.kind === 'realistic') ?? [];
  const matcherBase = matcher[0]?.nsPerLookup ?? 0;
  const panels: CurvePanel[] = [
    {
      id: 'fleet',
      title: 'Fleet size',
      note: 'ns per artifact (marginal), relative to the smallest fleet',
      unit: 'devices',
      series: [{ name: 'pipeline', colour: BLUE, points: curve(curves.fleet) }],
    },
    {
      id: 'exclusions',
      title: 'Exclusions',
      note: 'ns per artifact (matcher: per lookup), relative to 10 entries',
      unit: 'entries',
      goal: 2,
      series: [
        { name: 'realistic (pipeline)', colour: BLUE, points: curve(curves.exclusionsRealistic) },
        { name: 'adversarial (pipeline)', colour: RED, points: curve(curves.exclusionsAdversarial) },
        {
          name: 'realistic (matcher alone)',
          colour: GREY,
          dashed: true,
          points: matcher.map((row) => ({
            x: row.entries,
            ratio: matcherBase > 0 ? row.nsPerLookup / matcherBase : 0,
            ns: row.nsPerLookup,
          })),
        },
      ],
    },
    {
      id: 'indicators',
      title: 'Indicators',
      note: 'ns per artifact, relative to the fewest indicators',
      unit: 'indicators',
      series: [{ name: 'pipeline', colour: BLUE, points: curve(curves.indicators) }],
    },
    {
      id: 'stream',
      title: 'Stream length (own process each)',
      note: `peak RSS ${curves.stream.map((point) => `${short(point.x)}: ${point.peakRssMb.toFixed(0)} MB`).join(', ')} (goal < 300 MB at 10M)`,
      unit: 'artifacts',
      series: [{ name: 'pipeline', colour: BLUE, points: curve(curves.stream) }],
    },
  ];
  return panels
    .map((panel) => ({ ...panel, series: panel.series.filter((series) => series.points.length > 0) }))
    .filter((panel) => panel.series.length > 0);
}

/**
 * Renders a result as a standalone SVG (no scripts, no external resources): the throughput of P, G, L
 * and D, the worker comparison when measured, and every measured curve. A one-shape run (explicit sizes)
 * has no curves and gets the throughput panel (and workers, if asked): never a title over nothing.
 *
 * @example
 * writeFileSync('.bench/latest.svg', renderBenchSvg(result));
 */
export function renderBenchSvg(result: BenchResult): string {
  const draw: ((ox: number, oy: number) => Drawn)[] = [
    (ox, oy) => renderBarPanel(throughputPanel(result), ox, oy, PANEL_W),
    ...[workersPanel(result)]
      .filter((panel) => panel !== undefined)
      .map((panel) => (ox: number, oy: number) => renderBarPanel(panel, ox, oy, PANEL_W)),
    ...curvePanels(result).map((panel) => (ox: number, oy: number) => renderCurvePanel(panel, ox, oy, PANEL_W)),
  ];
  // One column when there is one panel (a one-shape run without workers), else two.
  const width = Math.min(2, draw.length) * PANEL_W;
  const { shape } = result;
  const head = [
    `${result.date}, node ${result.node}, ${result.platform}, ${result.cpus} CPUs${result.cpuModel === undefined ? '' : ` (${result.cpuModel})`}, load ${result.load.start} → ${result.load.end}, ${result.durationS.toFixed(0)} s`,
    `${int(shape.devices)} devices, ${int(shape.artifacts)} artifacts, ${int(shape.exclusions)} exclusions, ${int(shape.indicators)} indicators, seed ${shape.seed}; compare ratios within a run`,
  ].flatMap((line) => wrapText(line, 11, width - 32));
  const parts: string[] = [];
  let y = 50 + head.length * 15;
  for (let index = 0; index < draw.length; index += 2) {
    // Each row is as tall as its taller panel, so a panel never runs into the one below.
    const row = draw.slice(index, index + 2).map((panel, column) => panel(column * PANEL_W, y));
    append(
      parts,
      row.map((drawn) => drawn.svg),
    );
    y += maxOf(row.map((drawn) => drawn.height)) + 16;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="DejaVu Sans, Verdana, sans-serif">`,
    `<rect width="${width}" height="${y}" fill="#ffffff"/>`,
    svgText(16, 24, `edrsim bench — ${result.mode} mode`, 15, { weight: 600 }),
    ...head.map((line, index) => svgText(16, 42 + index * 15, line, 11, { fill: '#57606a' })),
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
