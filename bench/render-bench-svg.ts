/** A hand-written SVG chart of the scaling curves: relative cost per artifact against size, log scale. */
import type { BenchResult, CurvePoint } from './bench-result.ts';

interface Series {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly dashed?: boolean;
}

interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
  /** A horizontal goal line (relative cost), if the curve has one. */
  readonly goal?: number;
  /** A note under the title (e.g. peak RSS per point). */
  readonly note?: string;
}

/** Value labels of series 0, 1, 2 sit above, below, and further above their points, so they do not collide. */
const LABEL_DY = [-7, 14, -17];

const W = 360;
const H = 230;
const M = { left: 46, right: 14, top: 28, bottom: 38 };
const BLUE = '#1f6feb';
const RED = '#d1242f';
const GREY = '#6e7781';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const short = (x: number): string => (x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}k` : String(x));
const rel = (points: readonly CurvePoint[]) => points.map((point) => ({ x: point.x, y: point.relative }));

function panel(p: Panel, ox: number, oy: number): string {
  const all = p.series.flatMap((series) => series.points);
  if (all.length === 0) return '';
  const xs = all.map((point) => Math.log10(point.x));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  // Room above the goal line for the legend.
  const yMax = Math.max(2.5, (p.goal ?? 0) * 1.5, ...all.map((point) => point.y * 1.15));
  const px = (x: number): number => ox + M.left + ((Math.log10(x) - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (y: number): number => oy + H - M.bottom - (y / yMax) * (H - M.top - M.bottom);
  const out: string[] = [`<text x="${ox + M.left}" y="${oy + 18}" class="title">${esc(p.title)}</text>`];
  if (p.note !== undefined) out.push(`<text x="${ox + M.left}" y="${oy + 32}" class="note">${esc(p.note)}</text>`);
  // Axes, y grid at whole multiples, x ticks at the measured sizes.
  out.push(`<line x1="${px(10 ** x0)}" y1="${py(0)}" x2="${px(10 ** x1)}" y2="${py(0)}" class="axis"/>`);
  for (let y = 0; y <= yMax; y += yMax > 6 ? 2 : 1) {
    out.push(`<line x1="${px(10 ** x0)}" y1="${py(y)}" x2="${px(10 ** x1)}" y2="${py(y)}" class="grid"/><text x="${ox + M.left - 6}" y="${py(y) + 4}" class="ytick">${y}×</text>`);
  }
  for (const x of [...new Set(all.map((point) => point.x))]) out.push(`<text x="${px(x)}" y="${py(0) + 15}" class="xtick">${short(x)}</text>`);
  out.push(`<text x="${ox + W / 2}" y="${oy + H - 6}" class="xlabel">${esc(p.unit)} (log scale)</text>`);
  if (p.goal !== undefined) out.push(`<line x1="${px(10 ** x0)}" y1="${py(p.goal)}" x2="${px(10 ** x1)}" y2="${py(p.goal)}" class="goal"/><text x="${px(10 ** x0) + 4}" y="${py(p.goal) - 4}" class="goaltext">goal ≤ ${p.goal}×</text>`);
  p.series.forEach((series, index) => {
    const path = series.points.map((point) => `${px(point.x).toFixed(1)},${py(point.y).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${path}" fill="none" stroke="${series.colour}" stroke-width="2"${series.dashed === true ? ' stroke-dasharray="5 4"' : ''}/>`);
    for (const point of series.points) {
      out.push(`<circle cx="${px(point.x).toFixed(1)}" cy="${py(point.y).toFixed(1)}" r="3" fill="${series.colour}"/>`);
      out.push(`<text x="${px(point.x).toFixed(1)}" y="${(py(point.y) + (LABEL_DY[index] ?? -7)).toFixed(1)}" class="val" fill="${series.colour}">${point.y.toFixed(2)}</text>`);
    }
    if (p.series.length > 1) out.push(`<text x="${ox + M.left + 6}" y="${oy + M.top + 12 + index * 13}" class="legend" fill="${series.colour}">${esc(series.name)}</text>`);
  });
  return out.join('\n');
}

/**
 * Renders the curves of a result as a standalone SVG (no scripts, no external fonts): fleet size,
 * exclusions (pipeline realistic and adversarial, matcher alone), indicators and stream length, each
 * as cost per artifact relative to its smallest point.
 *
 * @example
 * writeFileSync('bench/results/latest.svg', renderBenchSvg(result));
 */
export function renderBenchSvg(result: BenchResult): string {
  const { curves, figures } = result;
  const matcher = curves.exclusionMatcher?.rows.filter((row) => row.kind === 'realistic') ?? [];
  const matcherBase = matcher[0]?.nsPerLookup ?? 0;
  const panels: Panel[] = [
    { title: 'Fleet size', unit: 'devices', series: [{ name: 'pipeline', colour: BLUE, points: rel(curves.fleet) }] },
    {
      title: 'Exclusions',
      unit: 'entries',
      goal: 2,
      series: [
        { name: 'realistic (pipeline)', colour: BLUE, points: rel(curves.exclusionsRealistic) },
        { name: 'adversarial (pipeline)', colour: RED, points: rel(curves.exclusionsAdversarial) },
        { name: 'realistic (matcher alone)', colour: GREY, dashed: true, points: matcher.map((row) => ({ x: row.entries, y: matcherBase > 0 ? row.nsPerLookup / matcherBase : 0 })) },
      ],
    },
    { title: 'Indicators', unit: 'indicators', series: [{ name: 'pipeline', colour: BLUE, points: rel(curves.indicators) }] },
    {
      title: 'Stream length',
      note: `peak RSS ${curves.stream.map((point) => `${short(point.x)}: ${point.peakRssMb.toFixed(0)} MB`).join(', ')} (goal < 300 MB at 10M)`,
      unit: 'artifacts',
      series: [{ name: 'pipeline', colour: BLUE, points: rel(curves.stream) }],
    },
  ];
  const drawn = panels.filter((p) => p.series.some((series) => series.points.length > 0));
  const rows = Math.ceil(drawn.length / 2);
  const width = 2 * W;
  const height = 56 + rows * H;
  const workers = result.workers === undefined ? '' : `, ${result.workers.runs.at(-1)?.workers ?? 0} workers ${result.workers.speedup.toFixed(2)}×`;
  const summary = `P ${Math.round(figures.pipeline.perSecond).toLocaleString('en-US')} artifacts/s, P/G ${figures.pOverG.toFixed(2)}, D/L ${figures.dOverL.toFixed(2)}${workers}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    '<style>.title{font-size:13px;font-weight:600}.axis{stroke:#24292f}.grid{stroke:#d0d7de;stroke-dasharray:2 3}.goal{stroke:#bf8700;stroke-width:1.5;stroke-dasharray:6 3}',
    '.goaltext{font-size:10px;fill:#bf8700}.ytick{font-size:10px;text-anchor:end;fill:#57606a}.xtick{font-size:10px;text-anchor:middle;fill:#57606a}',
    '.xlabel{font-size:10px;text-anchor:middle;fill:#57606a}.val{font-size:9px;text-anchor:middle}.legend{font-size:10px}.note{font-size:10px;fill:#57606a}.head{font-size:14px;font-weight:600}.sub{font-size:11px;fill:#57606a}</style>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="22" class="head">edrsim bench — cost per artifact relative to the smallest size</text>`,
    `<text x="16" y="40" class="sub">${esc(`${result.date}, node ${result.node}, ${result.mode} mode: ${summary}`)}</text>`,
    ...drawn.map((p, index) => panel(p, (index % 2) * W, 50 + Math.floor(index / 2) * H)),
    '</svg>',
    '',
  ].join('\n');
}
