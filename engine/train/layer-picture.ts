/** The path one artifact took through the four protection layers, as an inline SVG with the same facts as a list. */
import { maxOf } from '../core/append.ts';
import { forXml } from '../core/escape.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import { layerSteps, PICTURE_LAYERS } from './layer-steps.ts';
import { svgTextLines } from './svg-text.ts';

export { layerSteps, PICTURE_LAYERS, type LayerState, type LayerStep, type PictureLayer } from './layer-steps.ts';

const BOX_W = 160;
const GAP = 28;
const MARK_LINE = 14;
/** Characters per line of a mark under a box (11px text in a 160px column) and lines per mark. */
const MARK_WIDTH = 26;
const MARK_LINES = 4;

/**
 * The layer picture of one verdict: an SVG (`role="img"`, with an `aria-label` and a `<title>`) of the four
 * layers left to right, the path drawn solid up to where the artifact stopped and dashed past it, each layer's
 * state as a class (`layer-stopped`, `layer-flagged`, `layer-let-through`, `layer-looked`, `layer-off`,
 * `layer-not-reached`) and in words, and under each layer its marks (the exclusion that matched, an indicator
 * "not consulted" where block mode ignored it, why a layer was off); then the same facts as a list for screen
 * readers (class `visually-hidden`). Every user string is escaped; no style attribute, no script.
 *
 * @example
 * renderLayerPicture(verdict).startsWith('<figure class="layer-picture">'); // true
 */
export function renderLayerPicture(verdict: Verdict): string {
  const steps = layerSteps(verdict);
  const width = PICTURE_LAYERS.length * BOX_W + (PICTURE_LAYERS.length - 1) * GAP + 20;
  const marked = steps.map((step) => step.marks.map((mark) => svgTextLines(mark, MARK_WIDTH, MARK_LINES)));
  const tallest = maxOf(
    marked.map((marks) => marks.reduce((sum, lines) => sum + lines.length * MARK_LINE + 6, 0)),
    0,
  );
  const height = 90 + tallest;
  const by = verdict.by === 'none' ? '' : ` by ${verdict.by}`;
  const summary = `${verdict.artifact} on ${verdict.device}: ${verdict.outcome}${by}`;
  const shapes: string[] = [];
  steps.forEach((step, index) => {
    const x = 10 + index * (BOX_W + GAP);
    if (index > 0) {
      const reached = step.state !== 'not-reached';
      shapes.push(
        `<line class="path${reached ? '' : ' path-skipped'}" x1="${x - GAP}" y1="45" x2="${x - 4}" y2="45" stroke="currentColor"${reached ? '' : ' stroke-dasharray="4 4"'}/>`,
      );
    }
    shapes.push(
      `<g class="layer layer-${step.state}"><rect x="${x}" y="20" width="${BOX_W}" height="50" rx="6" fill="none" stroke="currentColor"${step.state === 'stopped' ? ' stroke-width="3"' : ''}/>`,
      `<text x="${x + BOX_W / 2}" y="41" text-anchor="middle" font-weight="bold">${forXml(step.label)}</text>`,
      `<text x="${x + BOX_W / 2}" y="60" text-anchor="middle" font-size="11">${forXml(step.note)}</text>`,
    );
    let y = 90;
    for (const lines of marked[index] ?? []) {
      shapes.push(
        `<text class="layer-mark" x="${x}" y="${y}" font-size="11">${lines.map((line, n) => `<tspan x="${x}" dy="${n === 0 ? 0 : MARK_LINE}">${forXml(line)}</tspan>`).join('')}</text>`,
      );
      y += lines.length * MARK_LINE + 6;
    }
    shapes.push('</g>');
  });
  const facts = steps.map((step) => `${step.label}: ${step.note}${step.marks.map((mark) => `; ${mark}`).join('')}`);
  const label = forXml(`Protection layers for ${summary}`);
  return [
    '<figure class="layer-picture">',
    `<svg role="img" aria-label="${label}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${label}</title>`,
    ...shapes,
    '</svg>',
    `<ul class="visually-hidden">${facts.map((fact) => `<li>${forXml(fact)}</li>`).join('')}</ul>`,
    `<figcaption>${forXml(summary)}</figcaption>`,
    '</figure>',
  ].join('\n');
}
