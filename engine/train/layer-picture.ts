/** The path one artifact took through the four protection layers, as an inline SVG with the same facts as a list. */
import { forXml } from '../core/escape.ts';
import type { Reason } from '../core/vocabulary.ts';
import { CompactVerdict } from '../pipeline/compact-verdict.ts';
import type { Verdict } from '../pipeline/verdict.ts';

/** The four layers in the order a device applies them (§1.1, §3.1). */
export const PICTURE_LAYERS = [
  { layer: 'primary-av', label: 'Primary AV' },
  { layer: 'mdav', label: 'Defender Antivirus' },
  { layer: 'edr-sensor', label: 'EDR sensor' },
  { layer: 'edr-block-mode', label: 'EDR in block mode' },
] as const;

export type PictureLayer = (typeof PICTURE_LAYERS)[number]['layer'];

/** What one layer did with the artifact. */
export type LayerState = 'stopped' | 'flagged' | 'let-through' | 'looked' | 'off' | 'not-reached';

/** One layer of the picture: what it did, in a few words, and the notes drawn under it (exclusion, indicator). */
export interface LayerStep {
  readonly layer: PictureLayer;
  readonly label: string;
  readonly state: LayerState;
  readonly note: string;
  readonly marks: readonly string[];
}

const STATE_TEXT: Readonly<Record<LayerState, string>> = {
  stopped: 'stopped it',
  flagged: 'flagged it, did not stop it',
  'let-through': 'let it through',
  looked: 'looked, found nothing',
  off: 'not active here',
  'not-reached': 'not reached',
};

/**
 * The layers' steps for a verdict, from its reasons (layer and code) and, for a verdict of the pipeline, the
 * exclusion entry and indicator it holds: which layers looked, which one stopped it, what let it through.
 *
 * @example
 * layerSteps(verdict).map((step) => step.state); // ['off', 'looked', 'flagged', 'stopped']
 */
export function layerSteps(verdict: Verdict): LayerStep[] {
  const codes = (layer: string) => new Set(verdict.reasons.filter((r) => r.layer === layer).map((r) => r.code));
  const stop = stopIndex(verdict.by);
  const exclusion = exclusionText(verdict);
  return PICTURE_LAYERS.map(({ layer, label }, index) => {
    const own = codes(layer);
    const marks: string[] = [];
    let state: LayerState;
    if (index === stop) state = 'stopped';
    else if (stop !== -1 && index > stop) state = 'not-reached';
    else state = stateOf(layer, own, codes);
    if (layer === 'mdav') {
      const ioc = codes('indicator');
      if (verdict.by === 'indicator') marks.push(`a Block indicator matched${indicatorText(verdict, ' ')}`);
      else if (ioc.has('mdav-passive')) marks.push('indicators not supported in passive mode');
      if (own.has('excluded') || (codes('exclusion').size > 0 && state !== 'off')) marks.push(`exclusion matched: ${exclusion}`);
      if (own.has('allowed-by-indicator')) marks.push(`an Allow indicator matched${indicatorText(verdict, ' ')}`);
    }
    if (layer === 'edr-block-mode') {
      if (own.has('honours-exclusion')) marks.push(`exclusion honoured: ${exclusion}`);
      if (codes('indicator').has('not-consulted')) marks.push(`indicator${indicatorText(verdict, ' ')} not consulted`);
    }
    if (layer === 'edr-sensor' && own.has('detected-despite-exclusion')) marks.push('alerts despite the MDAV exclusion');
    return { layer, label, state, note: noteOf(layer, state, own), marks };
  });
}

function stopIndex(by: Verdict['by']): number {
  if (by === 'indicator') return 1;
  return PICTURE_LAYERS.findIndex((entry) => entry.layer === by);
}

function stateOf(layer: PictureLayer, own: ReadonlySet<string>, codes: (layer: string) => ReadonlySet<string>): LayerState {
  if (own.size === 0) return layer === 'edr-block-mode' ? 'not-reached' : 'off';
  switch (layer) {
    case 'primary-av':
      return 'looked';
    case 'mdav':
      if (own.has('excluded') || own.has('allowed-by-indicator')) return 'let-through';
      if (own.has('passive-reported')) return 'flagged';
      if (own.has('clean') || own.has('passive-clean') || own.has('no-block') || codes('exclusion').size > 0) return 'looked';
      return 'off';
    case 'edr-sensor':
      return own.has('detected') || own.has('detected-despite-exclusion') ? 'flagged' : own.has('clean') ? 'looked' : 'off';
    case 'edr-block-mode':
      return own.has('honours-exclusion') ? 'let-through' : 'off';
  }
}

function noteOf(layer: PictureLayer, state: LayerState, own: ReadonlySet<string>): string {
  if (layer === 'mdav' && own.has('passive-no-real-time')) return 'passive: scans only, no real-time';
  if (layer === 'edr-block-mode' && own.has('active-mode-noop')) return 'active-mode setting "none"';
  if (layer === 'primary-av' && state === 'off') return 'none running';
  return STATE_TEXT[state];
}

// The entry as written, from the verdict's structured ref; any other verdict names it by its reason.
function exclusionText(verdict: Verdict): string {
  if (verdict instanceof CompactVerdict && verdict.exclusion !== undefined) return verdict.exclusion.entry.text;
  const reason: Reason | undefined = verdict.reasons.find((r) => r.layer === 'exclusion');
  return reason?.message ?? 'an MDAV exclusion';
}

function indicatorText(verdict: Verdict, lead: string): string {
  if (!(verdict instanceof CompactVerdict)) return '';
  const match = verdict.indicator ?? verdict.ctx.indicators(verdict.source);
  if (match === undefined) return '';
  const value = match.indicator.value;
  return `${lead}${match.indicator.id} (${match.indicator.action} ${match.indicator.type} ${value.length > 16 ? `${value.slice(0, 12)}…` : value})`;
}

const BOX_W = 150;
const GAP = 30;
const MAX_MARK = 44;

const clip = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/**
 * The layer picture of one verdict: an SVG (`role="img"`, with an `aria-label` and a `<title>`) of the four
 * layers left to right, the path drawn solid up to where the artifact stopped and dashed past it, each layer's
 * state as a class (`layer-stopped`, …) and words, the exclusion that matched and an indicator "not consulted"
 * under the layer they concern; then the same facts as a list for screen readers (class `visually-hidden`).
 * Every user string (exclusion text, ids) is escaped; no style attribute or script.
 *
 * @example
 * renderLayerPicture(verdict).startsWith('<figure class="layer-picture">'); // true
 */
export function renderLayerPicture(verdict: Verdict): string {
  const steps = layerSteps(verdict);
  const width = PICTURE_LAYERS.length * BOX_W + (PICTURE_LAYERS.length - 1) * GAP + 20;
  const maxMarks = Math.max(0, ...steps.map((step) => step.marks.length));
  const height = 110 + maxMarks * 32;
  const summary = `${verdict.artifact} on ${verdict.device}: ${verdict.outcome}${verdict.by === 'none' ? '' : ` by ${verdict.by}`}`;
  const facts = steps.map((step) => `${step.label}: ${step.note}${step.marks.map((mark) => `; ${mark}`).join('')}`);
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
      `<text x="${x + BOX_W / 2}" y="42" text-anchor="middle" font-weight="bold">${forXml(step.label)}</text>`,
      `<text x="${x + BOX_W / 2}" y="60" text-anchor="middle" font-size="11">${forXml(step.note)}</text>`,
      ...step.marks.map(
        (mark, n) =>
          `<text class="layer-mark" x="${x}" y="${95 + n * 32}" font-size="11">${forXml(clip(mark, MAX_MARK))}<title>${forXml(mark)}</title></text>`,
      ),
      '</g>',
    );
  });
  return [
    '<figure class="layer-picture">',
    `<svg role="img" aria-label="${forXml(`Layers for ${summary}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${forXml(`Layers for ${summary}`)}</title>`,
    ...shapes,
    '</svg>',
    `<ul class="visually-hidden">${facts.map((fact) => `<li>${forXml(fact)}</li>`).join('')}</ul>`,
    `<figcaption>${forXml(summary)}</figcaption>`,
    '</figure>',
  ].join('\n');
}
