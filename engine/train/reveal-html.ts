/** The classroom's reveal of one question as HTML: the answers, a picture, the reasons layer by layer, what to notice, the sources. */
import { resolveCite } from '../core/cite/resolve-cite.ts';
import { forXml } from '../core/escape.ts';
import type { Reason } from '../core/vocabulary.ts';
import { renderInvestigationPicture } from './investigation-picture.ts';
import { renderLayerPicture } from './layer-picture.ts';
import { PICTURE_LAYERS } from './layer-steps.ts';
import { markdownToHtml } from './markdown-html.ts';
import { splitMarkdown } from './plain-markdown.ts';
import type { Question } from './question.ts';
import { questionSubject, type RevealContext } from './question-subject.ts';
import { renderStatePicture } from './state-picture.ts';

export type { RevealContext } from './question-subject.ts';
export { questionHints } from './question-hints.ts';

const e = forXml;

/** The cites of one reveal, numbered in order of first use, each once. */
class SourceList {
  readonly keys: string[] = [];

  ref(cite: string | undefined): string {
    const key = cite?.trim() ?? '';
    if (key === '') return '';
    let index = this.keys.indexOf(key);
    if (index === -1) index = this.keys.push(key) - 1;
    return ` <sup class="cite-ref">[${index + 1}]</sup>`;
  }

  /** The numbered sources: per cite its label, then its first current Learn page as a link with its URL shown. */
  render(): string {
    if (this.keys.length === 0) return '';
    const items = this.keys.map((key) => {
      const cite = resolveCite(key);
      if (cite === undefined) return `<li><span class="source-label">${e(key)}</span>: not in the citation registry</li>`;
      const link =
        cite.url !== undefined && /^https:\/\//.test(cite.url)
          ? `<a href="${e(cite.url)}" rel="noopener noreferrer">${e(cite.title)}</a> <span class="source-url">${e(cite.url)}</span>`
          : cite.sources.every((source) => source.kind === 'inference')
            ? `<span class="source-title source-inference">${e(cite.title)}</span>`
            : `<span class="source-title">${e(cite.title)}</span> (no public link)`;
      return `<li><span class="source-label">${e(cite.label)}</span>: ${link}</li>`;
    });
    return `<h4>Sources</h4>\n<ol class="sources">${items.join('')}</ol>`;
  }
}

const LAYER_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(PICTURE_LAYERS.map(({ layer, label }) => [layer, label])),
  exclusion: 'Exclusion',
  indicator: 'Indicator',
  model: 'Device',
  path: 'Path',
};

/** The name a trainee reads for a reason's layer (`mdav` → `Defender Antivirus`); an unknown layer as written. */
const layerName = (layer: string) => (Object.hasOwn(LAYER_NAMES, layer) ? (LAYER_NAMES[layer] as string) : layer);

// A rendered reason `[layer] message (cite)` (question.ts), split back when the run no longer gives the structured one.
function parsedReason(line: string): Reason {
  const layer = /^\[([^\]]+)\] /.exec(line);
  const cite = / \(([^()]+)\)$/.exec(line);
  const known = cite?.[1] !== undefined && resolveCite(cite[1]) !== undefined;
  const start = layer === null ? 0 : layer[0].length;
  const end = known && cite !== null ? cite.index : line.length;
  return {
    layer: layer?.[1] ?? '',
    code: '',
    message: line.slice(start, end),
    ...(known && cite?.[1] !== undefined ? { cite: cite[1] } : {}),
  };
}

/**
 * The reveal of one question: whether the trainee was right (when `context.given` is set), the engine's answer
 * and summary, the layer picture (artifact questions), state picture (device questions) or investigation picture
 * (AIR questions: the investigation's states, the entry's tab and status over time), the reasons layer by
 * layer with numbered source references, the scenario's "What to notice" (Markdown, raw HTML off), and the
 * sources as a numbered list of links (title and Learn URL, from the citation registry). Every user string is
 * escaped; no script, no style attribute.
 *
 * @example
 * renderRevealHtml(question, { scenario, report, deviceAt, given: 'detected', correct: false }).includes('class="reveal reveal-wrong"'); // true
 */
export function renderRevealHtml(question: Question, context: RevealContext): string {
  const subject = questionSubject(question, context);
  const sources = new SourceList();
  // `correct` as the caller judged it (train's matching reads `2` or `Blocked` as an answer too), else exact equality.
  const correct = context.correct ?? context.given === question.expected;
  const verdictClass = context.given === undefined ? 'reveal-unanswered' : correct ? 'reveal-right' : 'reveal-wrong';
  const heading = context.given === undefined ? 'The answer' : correct ? 'Right' : 'Not quite';
  const yours = context.given === undefined ? '' : ` You answered <strong class="answer-given">${e(context.given)}</strong>.`;
  // AIR questions keep the question's own reasons: the entry's rule, the timeout, the investigation's level and support.
  const reasons: readonly Reason[] =
    subject === undefined || subject.kind === 'air'
      ? question.reasons.map(parsedReason)
      : subject.kind === 'artifact'
        ? subject.verdict.reasons
        : [...subject.state.modeReasons, ...subject.state.edrBlockMode.reasons];
  const picture =
    subject === undefined
      ? ''
      : subject.kind === 'artifact'
        ? renderLayerPicture(subject.verdict)
        : subject.kind === 'air'
          ? renderInvestigationPicture(subject)
          : renderStatePicture(subject.state);
  const questionCite = sources.ref(question.cite);
  const items = reasons.map(
    (reason) =>
      `<li><span class="reason-layer">${e(layerName(reason.layer))}:</span> ${e(reason.message)}${sources.ref(reason.cite)}</li>`,
  );
  const notice = splitMarkdown(context.scenario.description).after;
  return [
    `<section class="reveal ${verdictClass}">`,
    `<h3 class="reveal-verdict">${heading}</h3>`,
    `<p class="reveal-answer">${e(question.text)}<br>The engine's answer: <strong class="answer-expected">${e(question.expected)}</strong>.${yours}${questionCite}</p>`,
    `<p class="reveal-summary">${e(question.summary)}</p>`,
    picture,
    '<h4>Why, layer by layer</h4>',
    items.length === 0 ? '<p>(no reasons recorded)</p>' : `<ol class="reasons">${items.join('')}</ol>`,
    ...(notice === undefined ? [] : ['<div class="notice">', markdownToHtml(notice), '</div>']),
    sources.render(),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
