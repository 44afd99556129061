/** Stable figure ids: every headline figure and curve point of a result as `{ id, value }`, and their min / median / max over repeats. */
import { append, maxOf, minOf } from '../engine/core/append.ts';
import type { BenchDoc, Measurement } from './bench-doc-schema.ts';
import { startupFigures } from './startup-figures.ts';
import { FLEET_ARTIFACTS_PER_DEVICE } from './bench-sizes.ts';

/** One figure of one run, under an id that does not change between runs or versions (bench/README.md lists them). */
export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Which way is an improvement: a rate is better higher, a cost lower. */
  readonly better: 'higher' | 'lower';
  readonly value: number;
}

type Curve = NonNullable<BenchDoc['curves']>['fleet'];

const CURVES: readonly {
  key: 'fleet' | 'exclusionsRealistic' | 'exclusionsAdversarial' | 'indicators' | 'stream';
  id: string;
  of: string;
}[] = [
  { key: 'fleet', id: 'fleet', of: 'devices' },
  { key: 'exclusionsRealistic', id: 'exclusions.realistic', of: 'exclusions (realistic)' },
  { key: 'exclusionsAdversarial', id: 'exclusions.adversarial', of: 'exclusions (adversarial)' },
  { key: 'indicators', id: 'indicators', of: 'indicators' },
  { key: 'stream', id: 'stream', of: 'artifacts in the stream' },
];

/**
 * The fleet curve's id: `fleet10` when every point ran at least FLEET_ARTIFACTS_PER_DEVICE artifacts per
 * device (issue 13's shape), `fleet` for the older curves at 2 per device, whose figures it must not be
 * compared with (the per-device cost weighs 5× more there).
 */
function fleetId(points: Curve): string {
  return (points ?? []).every((point) => (point.artifacts ?? 0) >= FLEET_ARTIFACTS_PER_DEVICE * point.x) ? 'fleet10' : 'fleet';
}

function curveFigures(id: string, of: string, points: Curve): Figure[] {
  if (points === undefined || points.length === 0) return [];
  const figures: Figure[] = [];
  for (const point of points) {
    const at = `${id}.${point.x}`;
    figures.push({
      id: at,
      label: `${id} ${point.x} ${of}, marginal cost`,
      unit: 'ns/artifact',
      better: 'lower',
      value: point.nsPerArtifact,
    });
    if (point.contextCompileNs !== undefined) {
      figures.push({
        id: `${at}.context`,
        label: `${id} ${point.x}: one context compile`,
        unit: 'ns',
        better: 'lower',
        value: point.contextCompileNs,
      });
    }
    if (point.peakRssMb !== undefined) {
      figures.push({ id: `${at}.rss`, label: `${id} ${point.x}: peak RSS`, unit: 'MB', better: 'lower', value: point.peakRssMb });
    }
  }
  const lastPoint = points[points.length - 1];
  if (points.length > 1 && lastPoint !== undefined) {
    figures.push({
      id: `${id}.flatness`,
      label: `${id}: largest point over smallest`,
      unit: '×',
      better: 'lower',
      value: lastPoint.relative,
    });
  }
  return figures;
}

/**
 * The figures of a result (live, or a validated results file of any version) under their stable ids, in
 * a fixed order. Figures an older file lacks are simply absent.
 *
 * @example
 * figuresOf(result).find((figure) => figure.id === 'pipeline.p')?.value; // P in artifacts/s per CPU second
 */
export function figuresOf(doc: BenchDoc): Figure[] {
  const f = doc.figures;
  const figures: Figure[] = [
    { id: 'pipeline.p', label: 'P full pipeline', unit: 'artifacts/s', better: 'higher', value: f.pipeline.perSecond },
    { id: 'generator.g', label: 'G generator alone', unit: 'artifacts/s', better: 'higher', value: f.generator.perSecond },
    { id: 'loop.l', label: 'L plain decision loop', unit: 'decisions/s', better: 'higher', value: f.loop.perSecond },
    { id: 'rx.d', label: 'D decision stage through rxjs', unit: 'decisions/s', better: 'higher', value: f.rx.perSecond },
    { id: 'ratio.p-over-g', label: 'P / G', unit: '×', better: 'higher', value: f.pOverG },
    { id: 'ratio.d-over-l', label: 'D / L', unit: '×', better: 'higher', value: f.dOverL },
    {
      id: 'pipeline.beyond-g',
      label: "P's cost beyond G",
      unit: 'ns/artifact',
      better: 'lower',
      // Old files have no field: the same difference, from their P and G.
      value: f.pBeyondGNs ?? f.pipeline.nsPerArtifact - f.generator.nsPerArtifact,
    },
  ];
  if (f.reasons !== undefined) {
    figures.push({ id: 'reasons.ratio', label: 'reasons read / counting', unit: '×', better: 'lower', value: f.reasons.ratio });
  }
  if (f.json !== undefined) {
    figures.push({
      id: 'json.mb-per-s',
      label: 'JSON report to a null sink',
      unit: 'MB/s',
      better: 'higher',
      value: f.json.mbPerSecond,
    });
  }
  if (f.air !== undefined) {
    figures.push({ id: 'air.p-off', label: 'P with AIR off', unit: 'artifacts/s', better: 'higher', value: f.air.offPerSecond });
    figures.push({
      id: 'air.p-on',
      label: 'P with AIR on (Full)',
      unit: 'artifacts/s',
      better: 'higher',
      value: f.air.onPerSecond,
    });
    figures.push({ id: 'air.ratio', label: 'P with AIR on / off', unit: '×', better: 'higher', value: f.air.ratio });
  }
  if (f.latency !== undefined) {
    figures.push({ id: 'latency.p50', label: 'decision latency p50', unit: 'ns', better: 'lower', value: f.latency.p50Ns });
    figures.push({ id: 'latency.p99', label: 'decision latency p99', unit: 'ns', better: 'lower', value: f.latency.p99Ns });
  }
  if (f.startup !== undefined) append(figures, startupFigures(f.startup));
  for (const curve of CURVES) {
    const points = doc.curves?.[curve.key];
    append(figures, curveFigures(curve.key === 'fleet' ? fleetId(points) : curve.id, curve.of, points));
  }
  for (const row of doc.curves?.exclusionMatcher?.rows ?? []) {
    const id = `matcher.${row.kind}.${row.entries}`;
    figures.push({
      id,
      label: `exclusion matcher, ${row.kind}, ${row.entries} entries`,
      unit: 'ns/lookup',
      better: 'lower',
      value: row.nsPerLookup,
    });
  }
  if (doc.workers !== undefined) {
    for (const run of doc.workers.runs) {
      figures.push({
        id: `workers.${run.workers}`,
        label: `${run.workers} worker(s), wall`,
        unit: 'artifacts/s',
        better: 'higher',
        value: run.perSecond,
      });
    }
    // What the passes competed with (since issue 13's fifteenth pass; Linux only): shown beside, never judged.
    for (const run of doc.workers.runs) {
      const competition = [
        ['other-threads', "other threads' CPU a pass", run.otherThreadsMs],
        ['waited', 'time waited for a core a pass', run.waitedMs],
      ] as const;
      for (const [name, what, value] of competition)
        if (value !== undefined)
          figures.push({
            id: `workers.${run.workers}.${name}`,
            label: `${run.workers} worker(s), ${what}`,
            unit: 'ms',
            better: 'lower',
            value,
          });
    }
    figures.push({ id: 'workers.speedup', label: 'worker speed-up', unit: '×', better: 'higher', value: doc.workers.speedup });
    if (doc.workers.firstPassSpeedup !== undefined) {
      figures.push({
        id: 'workers.first-pass.speedup',
        label: 'worker speed-up, first pass',
        unit: '×',
        better: 'higher',
        value: doc.workers.firstPassSpeedup,
      });
    }
    if (doc.workers.pairedSpeedup !== undefined) {
      figures.push({
        id: 'workers.paired.speedup',
        label: 'worker speed-up, median of adjacent pairs',
        unit: '×',
        better: 'higher',
        value: doc.workers.pairedSpeedup,
      });
    }
  }
  return figures;
}

/**
 * The median of `values` (the mean of the middle two for an even count); 0 for none.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Each id's min, median and max over the runs, in the first run's order (an id only some runs have is
 * summarised over those).
 *
 * @example
 * summarise([figuresOf(a), figuresOf(b), figuresOf(c)])[0]; // { id: 'pipeline.p', min, median, max, values: [3 values] }
 */
export function summarise(runs: readonly (readonly Figure[])[]): Measurement[] {
  const byId = new Map<string, { figure: Figure; values: number[] }>();
  for (const figures of runs) {
    for (const figure of figures) {
      const known = byId.get(figure.id);
      if (known === undefined) byId.set(figure.id, { figure, values: [figure.value] });
      else known.values.push(figure.value);
    }
  }
  return [...byId.values()].map(({ figure, values }) => ({
    id: figure.id,
    label: figure.label,
    unit: figure.unit,
    better: figure.better,
    min: minOf(values),
    median: median(values),
    max: maxOf(values),
    values,
  }));
}
