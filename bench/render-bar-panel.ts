/** A horizontal bar panel of the bench's SVG: throughput of P, G, L, D, or of 1 and N workers, values beside the bars. */
import { maxOf } from '../engine/core/append.ts';
import { renderLegend, type Drawn } from './render-curve-panel.ts';
import { round1, svgText, textWidth, wrapText, type Box } from './svg-text.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text beside the bar, e.g. `591,869 /s · 1,690 ns`. */
  readonly text: string;
  readonly colour: string;
}

export interface BarPanel {
  /** Stable id, written as `data-panel`. */
  readonly id: string;
  readonly title: string;
  /** Lines under the bars (ratios, verdicts). */
  readonly notes: readonly string[];
  readonly bars: readonly Bar[];
  /** A vertical goal marker on the value axis, with its legend text. */
  readonly goal?: { readonly value: number; readonly label: string };
}

const ROW = 24;
const BAR = 14;
const GOLD = '#bf8700';
const MUTED = '#57606a';

/**
 * Draws a bar panel at (ox, oy), `width` wide: title, a label column, bars scaled to the largest value
 * (or the goal), each bar's text after its end, the notes, and the goal's legend below the plot.
 *
 * @example
 * renderBarPanel({ id: 'workers', title: 'Workers', notes: [], bars }, 480, 60, 480).svg; // '<g class="panel" data-panel="workers">…'
 */
export function renderBarPanel(panel: BarPanel, ox: number, oy: number, width: number): Drawn {
  const labelWidth = maxOf(panel.bars.map((bar) => textWidth(bar.label, 10)));
  const textRoom = maxOf(panel.bars.map((bar) => textWidth(bar.text, 10))) + 8;
  const plot: Box = {
    x: round1(ox + 20 + labelWidth),
    y: oy + 30,
    width: round1(width - 20 - labelWidth - 16),
    height: panel.bars.length * ROW + 6,
  };
  const scale = maxOf(
    panel.bars.map((bar) => bar.value),
    panel.goal?.value ?? 0,
  );
  const length = (value: number): number => round1(scale > 0 ? (value / scale) * Math.max(40, plot.width - textRoom - 4) : 0);
  const out: string[] = [
    `<g class="panel" data-panel="${panel.id}">`,
    svgText(ox + 12, oy + 18, panel.title, 13, { weight: 600 }),
  ];
  out.push(
    `<rect class="plot" x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#d0d7de"/>`,
  );
  panel.bars.forEach((bar, index) => {
    const top = plot.y + 6 + index * ROW;
    const middle = top + BAR / 2 + 3.5;
    out.push(svgText(plot.x - 8, middle, bar.label, 10, { anchor: 'end' }));
    out.push(`<rect x="${plot.x}" y="${top}" width="${length(bar.value)}" height="${BAR}" fill="${bar.colour}"/>`);
    // Text that would cross the goal marker starts after it.
    const end = plot.x + length(bar.value);
    const goalX = panel.goal === undefined ? -Infinity : plot.x + length(panel.goal.value);
    const start = goalX >= end && goalX <= end + 4 + textWidth(bar.text, 10) ? goalX : end;
    out.push(svgText(start + 4, middle, bar.text, 10, { fill: MUTED }));
  });
  if (panel.goal !== undefined) {
    const x = plot.x + length(panel.goal.value);
    out.push(
      `<line x1="${x}" y1="${plot.y}" x2="${x}" y2="${plot.y + plot.height}" stroke="${GOLD}" stroke-width="1.5" stroke-dasharray="6 3"/>`,
    );
  }
  let y = plot.y + plot.height + 16;
  for (const line of panel.notes.flatMap((note) => wrapText(note, 10, width - 24))) {
    out.push(svgText(ox + 12, y, line, 10, { fill: MUTED }));
    y += 14;
  }
  if (panel.goal !== undefined) {
    const legend = renderLegend([{ name: panel.goal.label, colour: GOLD, dashed: true }], plot.x, y + 4, plot.x + plot.width);
    out.push(legend.svg);
    y += 4 + legend.height;
  }
  out.push('</g>');
  return { svg: out.join('\n'), height: y - oy };
}
