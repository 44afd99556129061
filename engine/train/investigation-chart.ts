/** The investigation statechart drawn for the reveal: every modelled state a pill, the path taken as arrows. */
import type { InvestigationAt } from '../pipeline/air-queries.ts';
import { FINAL_INVESTIGATION_STATES, MODELLED_INVESTIGATION_STATES } from '../core/vocabulary.ts';

// MODELLED_INVESTIGATION_STATES lists the open states first, then the final ones.
const FINAL_AT = MODELLED_INVESTIGATION_STATES.length - FINAL_INVESTIGATION_STATES.length;
const STATE_W = 150;
const STATE_H = 26;
const GAP = 12;
const ROW_A = 52;
const ROW_B = 130;

/** The chart's width, and the y under its bottom row (where the picture goes on). */
export const CHART_WIDTH = 20 + 6 * STATE_W + 5 * GAP;
export const CHART_BOTTOM = ROW_B + STATE_H;

/** An arrow's head at (`x`, `y`) pointing along (`dx`, `dy`). */
export function arrowHead(x: number, y: number, dx: number, dy: number): string {
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const point = (back: number, side: number) =>
    `${(x - ux * back - uy * side).toFixed(1)} ${(y - uy * back + ux * side).toFixed(1)}`;
  return `<path class="transition" d="M${point(7, 4)} L${x} ${y} L${point(7, -4)} Z" fill="currentColor"/>`;
}

// Where a state's pill sits: open states in the top row, final states in the bottom one.
function place(state: string): { x: number; y: number } {
  const index = (MODELLED_INVESTIGATION_STATES as readonly string[]).indexOf(state);
  const final = index >= FINAL_AT;
  return { x: 10 + (final ? index - FINAL_AT : index) * (STATE_W + GAP), y: final ? ROW_B : ROW_A };
}

/**
 * The statechart's shapes: every state of `MODELLED_INVESTIGATION_STATES` a pill (open states in the top row, final
 * ones in the bottom row; the passed ones `state-passed`, the one at the asked time `state-current`), then one arrow per
 * step of `investigation.path` (above the row within a row, straight down from the top row to the bottom one). The
 * state names are the vocabulary's; nothing here comes from the scenario.
 *
 * @example
 * investigationChart(investigation).filter((shape) => shape.includes('state-current')).length; // 1
 */
export function investigationChart(investigation: InvestigationAt): string[] {
  const passed = new Set(investigation.path.map((step) => step.state));
  const out = MODELLED_INVESTIGATION_STATES.map((state) => {
    const { x, y } = place(state);
    const current = state === investigation.state;
    const cls = current ? ' state-passed state-current' : passed.has(state) ? ' state-passed' : '';
    const stroke = current
      ? ' stroke-width="3"'
      : passed.has(state)
        ? ' stroke-width="2"'
        : ' stroke-opacity="0.4" stroke-dasharray="3 3"';
    return (
      `<g class="state${cls}"><rect x="${x}" y="${y}" width="${STATE_W}" height="${STATE_H}" rx="13" fill="none" stroke="currentColor"${stroke}/>` +
      `<text x="${x + STATE_W / 2}" y="${y + 18}" text-anchor="middle" font-size="11"${current ? ' font-weight="bold"' : ''}>${state}</text></g>`
    );
  });
  investigation.path.forEach((step, index) => {
    const before = investigation.path[index - 1];
    if (before === undefined) return;
    const from = place(before.state);
    const to = place(step.state);
    const [x1, x2] = [from.x + STATE_W / 2, to.x + STATE_W / 2];
    if (from.y === to.y) {
      const mid = (x1 + x2) / 2;
      out.push(
        `<path class="transition" d="M${x1} ${from.y} Q${mid} ${from.y - 30} ${x2} ${to.y}" fill="none" stroke="currentColor" stroke-width="2"/>`,
      );
      out.push(arrowHead(x2, to.y, x2 - mid, 30));
    } else {
      out.push(
        `<line class="transition" x1="${x1}" y1="${from.y + STATE_H}" x2="${x2}" y2="${to.y}" stroke="currentColor" stroke-width="2"/>`,
      );
      out.push(arrowHead(x2, to.y, x2 - x1, to.y - from.y - STATE_H));
    }
  });
  return out;
}
