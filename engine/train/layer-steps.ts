/** What each of the four protection layers did with one artifact, read from its verdict: the layer picture's facts. */
import { append } from '../core/append.ts';
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

/** One layer of the picture: what it did, in a few words, and the notes drawn under it (exclusion, indicator, why). */
export interface LayerStep {
  readonly layer: PictureLayer;
  readonly label: string;
  readonly state: LayerState;
  /** A few words under the layer's name, e.g. `stopped it`, `passive: scans only`. */
  readonly note: string;
  /** Facts drawn below the layer: the exclusion that matched, an indicator and whether it was consulted, why it was off. */
  readonly marks: readonly string[];
}

/**
 * The layers' steps for a verdict, from its reasons (layer and code, `engine/pipeline/layers/`) and, for a
 * verdict of the pipeline (`CompactVerdict`, see `decidedVerdicts`), the exclusion entry and indicator it read:
 * which layers looked, which one stopped it, what let it through, and which indicator block mode did not consult.
 *
 * @example
 * layerSteps(verdict).map((step) => step.state); // ['looked', 'off', 'flagged', 'stopped']
 */
export function layerSteps(verdict: Verdict): LayerStep[] {
  const reasonsOf = (layer: string) => verdict.reasons.filter((r) => r.layer === layer);
  const codes = (layer: string) => new Set(reasonsOf(layer).map((r) => r.code));
  const ioc = codes('indicator');
  const stop = verdict.by === 'indicator' ? 1 : PICTURE_LAYERS.findIndex((entry) => entry.layer === verdict.by);
  return PICTURE_LAYERS.map(({ layer, label }, index) => {
    const own = reasonsOf(layer);
    // Reason codes (kebab-case, `engine/pipeline/layers/`) of this layer's reasons.
    const has = (reasonCode: string) => own.some((r) => r.code === reasonCode);
    const marks: string[] = [];
    const state: LayerState = index === stop ? 'stopped' : stop !== -1 && index > stop ? 'not-reached' : stateOf(layer, has, own);
    let note = NOTES[state];
    switch (layer) {
      case 'primary-av':
        if (state === 'off') note = 'none running';
        else if (state === 'looked') note = 'did not flag it';
        break;
      case 'mdav':
        if (has('passive-no-real-time')) note = 'passive: scans only';
        else if (has('not-running')) {
          note = 'not running';
          append(
            marks,
            own.filter((r) => r.code !== 'not-running').map((r) => r.message),
          );
        }
        if (verdict.by === 'indicator') marks.push(`Block indicator${indicatorText(verdict)} matched`);
        else if (ioc.has('mdav-passive')) marks.push('indicators: not supported in passive mode');
        if (has('excluded') || codes('exclusion').size > 0) marks.push(`exclusion matched: ${exclusionText(verdict)}`);
        if (ioc.has('ioc-overruled')) marks.push('a Block indicator matched, but the exclusion came first (§5.4)');
        if (has('allowed-by-indicator')) marks.push(`Allow indicator${indicatorText(verdict)} matched`);
        break;
      case 'edr-sensor':
        if (state === 'off') {
          note = 'no EDR sensor';
          append(
            marks,
            own.map((r) => r.message),
          );
        }
        if (has('detected-despite-exclusion')) marks.push('alerts despite the MDAV exclusion (§4.5)');
        break;
      case 'edr-block-mode': {
        if (state === 'not-reached' && stop === -1) note = 'no EDR detection to act on';
        if (has('active-mode-noop')) note = 'active-mode setting "none"';
        else if (state === 'off') {
          note = 'not effective';
          append(
            marks,
            own.filter((r) => r.code !== 'not-effective' && r.code !== 'portal-on').map((r) => r.message),
          );
        }
        const pending = own.find((r) => r.code === 'disable-pending');
        if (pending !== undefined) marks.push(pending.message);
        if (has('honours-exclusion')) marks.push(`exclusion honoured: ${exclusionText(verdict)}`);
        if (ioc.has('not-consulted')) {
          const named = indicatorText(verdict);
          marks.push(named === '' ? 'indicators: not consulted' : `indicator${named}: not consulted`);
        }
        break;
      }
    }
    return { layer, label, state, note, marks };
  });
}

const NOTES: Readonly<Record<LayerState, string>> = {
  stopped: 'stopped it',
  flagged: 'flagged it, did not stop it',
  'let-through': 'let it through',
  looked: 'looked, found nothing',
  off: 'not active here',
  'not-reached': 'not reached',
};

function stateOf(layer: PictureLayer, has: (reasonCode: string) => boolean, own: readonly Reason[]): LayerState {
  if (own.length === 0) return layer === 'edr-block-mode' ? 'not-reached' : 'off';
  switch (layer) {
    case 'primary-av':
      return 'looked';
    case 'mdav':
      if (has('excluded') || has('allowed-by-indicator')) return 'let-through';
      if (has('passive-reported')) return 'flagged';
      return has('not-running') || has('passive-no-real-time') ? 'off' : 'looked';
    case 'edr-sensor':
      return has('detected') || has('detected-despite-exclusion') ? 'flagged' : has('clean') ? 'looked' : 'off';
    case 'edr-block-mode':
      return has('honours-exclusion') ? 'let-through' : 'off';
  }
}

// The entry as written, from the pipeline verdict's structured ref; a plain verdict names it by its reason.
function exclusionText(verdict: Verdict): string {
  if (verdict instanceof CompactVerdict && verdict.exclusion !== undefined) return verdict.exclusion.entry.text;
  const reason =
    verdict.reasons.find((r) => r.layer === 'exclusion') ?? verdict.reasons.find((r) => r.code === 'honours-exclusion');
  return reason?.message ?? 'an MDAV exclusion';
}

// The indicator that matched this file: the one MDAV consulted, else the one block mode would have ignored.
function indicatorText(verdict: Verdict): string {
  if (!(verdict instanceof CompactVerdict)) return '';
  const match = verdict.indicator ?? verdict.ctx.indicators(verdict.source);
  if (match === undefined) return '';
  const { id, action, type, value } = match.indicator;
  return ` ${id} (${action} ${type} ${value.length > 16 ? `${value.slice(0, 12)}…` : value})`;
}
