/** One scaling curve of the bench's SVG: cost relative to the smallest size on a log x axis, labels that never collide. */
import { append, maxOf, minOf } from '../engine/core/append.ts';
import { overlaps, placeLabel, round1, svgText, textBox, textWidth, type Box } from './svg-text.ts';

export interface CurveSeries {
  readonly name: string;
  readonly colour: string;
  readonly dashed?: boolean;
  /** `ratio` to the series' first point, and the absolute cost it stands for. */
  readonly points: readonly { readonly x: number; readonly ratio: number; readonly ns: number }[];
}

export interface CurvePanel {
  /** Stable id, written as `data-panel`. */
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  /** What x counts, e.g. `devices`. */
  readonly unit: string;
  readonly series: readonly CurveSeries[];
  /** A horizontal goal line, as a ratio. */
  readonly goal?: number;
}

/** A drawn part of the chart: its markup and the height it took. */
export interface Drawn {
  readonly svg: string;
  readonly height: number;
}

const PLOT = { left: 56, right: 22, height: 150 };
const GOLD = '#bf8700';
const MUTED = '#57606a';
const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const short = (x: number): string => (x >= 1e6 ? `${x / 1e6}M` : x >= 1e3 ? `${x / 1e3}k` : String(x));

/**
 * Draws a curve panel at (ox, oy), `width` wide: title, note, the plot box (axes, goal line, series, each
 * point labelled `ratio× ns` where it collides with nothing), then the legend below the plot, outside it.
 *
 * @example
 * renderCurvePanel({ id: 'fleet', title: 'Fleet size', unit: 'devices', series }, 0, 60, 480).height; // 262
 */
export function renderCurvePanel(panel: CurvePanel, ox: number, oy: number, width: number): Drawn {
  const all = panel.series.flatMap((series) => series.points);
  const top = oy + (panel.note === undefined ? 34 : 48);
  const plot: Box = { x: ox + PLOT.left, y: top, width: width - PLOT.left - PLOT.right, height: PLOT.height };
  const bottom = plot.y + plot.height;
  const xs = all.map((point) => Math.log10(point.x));
  const x0 = minOf(xs);
  const x1 = maxOf(xs, x0 + 1);
  // Head room above the highest point and the goal, so labels above them stay inside the plot.
  const yMax = Math.max(2.5, (panel.goal ?? 0) * 1.3, ...all.map((point) => point.ratio * 1.3));
  const px = (x: number): number => round1(plot.x + 8 + ((Math.log10(x) - x0) / (x1 - x0)) * (plot.width - 16));
  const py = (y: number): number => round1(bottom - (y / yMax) * plot.height);
  const out: string[] = [
    `<g class="panel" data-panel="${panel.id}">`,
    svgText(ox + 12, oy + 18, panel.title, 13, { weight: 600 }),
  ];
  if (panel.note !== undefined) out.push(svgText(ox + 12, oy + 34, panel.note, 10, { fill: MUTED }));
  out.push(
    `<rect class="plot" x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#d0d7de"/>`,
  );
  // At most six grid lines: 1, 2, 5, 10, 20… times.
  const step =
    [1, 2, 5]
      .flatMap((base) => [1, 10, 100, 1000].map((scale) => base * scale))
      .sort((a, b) => a - b)
      .find((candidate) => yMax / candidate <= 5) ?? 10_000;
  for (let y = 0; y <= yMax; y += step) {
    out.push(
      `<line x1="${plot.x}" y1="${py(y)}" x2="${plot.x + plot.width}" y2="${py(y)}" stroke="${y === 0 ? '#24292f' : '#d0d7de'}" stroke-dasharray="${y === 0 ? 'none' : '2 3'}"/>`,
    );
    out.push(svgText(plot.x - 6, py(y) + 4, `${y}×`, 10, { anchor: 'end', fill: MUTED }));
  }
  const ticks: Box[] = [];
  for (const x of [...new Set(all.map((point) => point.x))].sort((a, b) => a - b)) {
    const box = textBox(px(x), bottom + 14, short(x), 10, 'middle');
    if (ticks.some((other) => overlaps(box, other))) continue;
    ticks.push(box);
    out.push(svgText(px(x), bottom + 14, short(x), 10, { anchor: 'middle', fill: MUTED }));
  }
  out.push(svgText(plot.x + plot.width / 2, bottom + 30, `${panel.unit} (log scale)`, 10, { anchor: 'middle', fill: MUTED }));
  // Markers, the goal text and placed labels are obstacles for every later label.
  const taken: Box[] = all.map((point) => ({ x: px(point.x) - 3, y: py(point.ratio) - 3, width: 6, height: 6 }));
  if (panel.goal !== undefined) {
    const text = `goal ≤ ${panel.goal}×`;
    out.push(
      `<line x1="${plot.x}" y1="${py(panel.goal)}" x2="${plot.x + plot.width}" y2="${py(panel.goal)}" stroke="${GOLD}" stroke-width="1.5" stroke-dasharray="6 3"/>`,
    );
    const spot = placeLabel(plot.x + plot.width - 4 - textWidth(text, 10) / 2, py(panel.goal), text, 10, taken, plot);
    if (spot !== undefined) out.push(svgText(spot.x, spot.y, text, 10, { anchor: spot.anchor, fill: GOLD }));
  }
  // Lines are obstacles too (sampled every 3 px), so that a label sits beside a curve, not on it.
  for (const series of panel.series)
    append(taken, lineBoxes(series.points.map((point) => [px(point.x), py(point.ratio)] as const)));
  for (const series of panel.series) {
    const path = series.points.map((point) => `${px(point.x)},${py(point.ratio)}`).join(' ');
    out.push(
      `<polyline points="${path}" fill="none" stroke="${series.colour}" stroke-width="2"${series.dashed === true ? ' stroke-dasharray="5 4"' : ''}/>`,
    );
    for (const point of series.points)
      out.push(`<circle cx="${px(point.x)}" cy="${py(point.ratio)}" r="3" fill="${series.colour}"/>`);
  }
  for (const series of panel.series) {
    for (const point of series.points) {
      const label = `${point.ratio.toFixed(2)}× ${int(point.ns)} ns`;
      const spot = placeLabel(px(point.x), py(point.ratio), label, 9, taken, plot);
      if (spot !== undefined)
        out.push(svgText(spot.x, spot.y, label, 9, { anchor: spot.anchor, fill: series.colour, className: 'val' }));
    }
  }
  const legend = renderLegend(panel.series, plot.x, bottom + 48, plot.x + plot.width);
  out.push(legend.svg, '</g>');
  return { svg: out.join('\n'), height: bottom + 48 + legend.height - oy };
}

function lineBoxes(points: readonly (readonly [number, number])[]): Box[] {
  const boxes: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1] ?? [0, 0];
    const [bx, by] = points[i] ?? [0, 0];
    const steps = Math.ceil(Math.hypot(bx - ax, by - ay) / 3);
    for (let k = 0; k <= steps; k++)
      boxes.push({ x: ax + ((bx - ax) * k) / steps - 1.5, y: ay + ((by - ay) * k) / steps - 1.5, width: 3, height: 3 });
  }
  return boxes;
}

/**
 * The legend as a row of swatches and names under the plot, wrapping at `right`: never over the data.
 *
 * @example
 * renderLegend([{ name: 'realistic', colour: '#1f6feb', points: [] }], 56, 300, 460).height; // 14
 */
export function renderLegend(
  series: readonly Pick<CurveSeries, 'name' | 'colour' | 'dashed'>[],
  left: number,
  baseline: number,
  right: number,
): Drawn {
  const out: string[] = ['<g class="legend">'];
  let x = left;
  let y = baseline;
  for (const item of series) {
    const width = 22 + textWidth(item.name, 10);
    if (x > left && x + width > right) {
      x = left;
      y += 15;
    }
    out.push(
      `<line x1="${round1(x)}" y1="${y - 3.5}" x2="${round1(x + 16)}" y2="${y - 3.5}" stroke="${item.colour}" stroke-width="2"${item.dashed === true ? ' stroke-dasharray="5 4"' : ''}/>`,
    );
    out.push(svgText(x + 20, y, item.name, 10));
    x += width + 14;
  }
  out.push('</g>');
  return { svg: out.join('\n'), height: y - baseline + 14 };
}
