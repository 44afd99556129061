/** A printable HTML handout: one self-contained page, no script, no external resource, every user string escaped. */
import { forXml } from '../core/escape.ts';
import { linkCites } from './cite-links.ts';
import type { HandoutCite, HandoutQuestion, HandoutScenario } from './handout-content.ts';
import { FLEET_HEADER } from './handout-content.ts';
import { LEGEND } from './render-setup.ts';

/** The page's policy: nothing may load or run; only the inline style applies. */
export const HANDOUT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

// Print CSS: A4 margins, one scenario per page, tables and questions never split across a page.
const STYLE = `body{font:11pt/1.4 system-ui,sans-serif;margin:2em;color:#000}
h1{font-size:18pt}h2{font-size:15pt;border-bottom:2px solid #000;margin-top:0}h3{font-size:12pt;margin:1em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:9.5pt}th,td{border:1px solid #888;padding:2px 5px;text-align:left;vertical-align:top}
.file,.legend,.id{color:#444;font-size:9pt}.at{white-space:nowrap;font-variant-numeric:tabular-nums}
.q{margin:.6em 0;break-inside:avoid}.choices{list-style:none;padding-left:1em;margin:.2em 0}.choices li{display:inline-block;margin-right:1.5em}
.box{display:inline-block;width:.8em;height:.8em;border:1.5px solid #000;margin-right:.35em;vertical-align:-1px}
.box.ticked{background:#000}.answer{border-left:3px solid #000;padding-left:.6em;margin:.3em 0 0 1em;font-size:10pt}
section{break-before:page}section:first-of-type{break-before:auto}
@page{size:A4;margin:15mm}@media print{body{margin:0}a{color:#000}}`;

const e = forXml;

/**
 * The whole page for `scenarios`, titled `title` (default `edrsim handout`, or `… answer key`): per scenario
 * the situation, fleet, tenant, policy, timeline and questions with boxes to tick, and in an answer key each
 * answer with its reasons and source links. Scenario text is untrusted: every string goes through `forXml`.
 *
 * @example
 * renderHandoutHtml([handoutContent(item)]).startsWith('<!DOCTYPE html>'); // true
 */
export function renderHandoutHtml(scenarios: readonly HandoutScenario[], answerKey = false): string {
  const title = answerKey ? 'edrsim handout — answer key' : 'edrsim handout';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HANDOUT_CSP}">`,
    `<meta name="viewport" content="width=device-width"><title>${title}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${title}</h1>`,
    ...scenarios.map((scenario, index) => renderScenario(scenario, index + 1, scenarios.length)),
    '</body></html>',
    '',
  ].join('\n');
}

function renderScenario(s: HandoutScenario, number: number, total: number): string {
  const count = s.questions.length;
  return [
    `<section><h2>Scenario ${number} of ${total}: ${e(s.name)}</h2>`,
    `<p class="file">${e(s.file)}</p>`,
    '<h3>Situation</h3>',
    ...(s.situation.length === 0 ? ['<p>(no description)</p>'] : s.situation.map(paragraph)),
    '<h3>Fleet</h3>',
    table(FLEET_HEADER, s.fleet),
    `<p class="legend">${e(LEGEND)}</p>`,
    '<h3>Tenant</h3>',
    list(s.tenant),
    '<h3>Policy: exclusions and indicators</h3>',
    list(s.policy),
    '<h3>Timeline</h3>',
    s.timeline.length === 0
      ? '<p>(nothing happens)</p>'
      : table(
          ['at', 'event and ground truth'],
          s.timeline.map((event) => [event.at, event.lines.join('\n')]),
        ),
    `<h3>Questions (${count})</h3>`,
    ...(count === 0 ? ['<p>No questions in this scenario.</p>'] : s.questions.map(question)),
    ...(s.notice === undefined ? [] : ['<h3>What to notice</h3>', ...s.notice.map(paragraph)]),
    '</section>',
  ].join('\n');
}

const paragraph = (text: string) => `<p>${linkCites(e(text)).replaceAll('\n', '<br>')}</p>`;

const list = (lines: readonly string[]) => `<ul>${lines.map((line) => `<li>${e(line)}</li>`).join('')}</ul>`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((cell) => `<th>${e(cell)}</th>`).join('');
  const cell = (text: string, index: number) => `<td${index === 0 ? ' class="at"' : ''}>${e(text).replaceAll('\n', '<br>')}</td>`;
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

function question(q: HandoutQuestion, index: number): string {
  const expected = q.answer?.expected;
  const choices = q.choices
    .map((choice) => `<li><span class="box${choice === expected ? ' ticked' : ''}"></span>${e(choice)}</li>`)
    .join('');
  return [
    `<div class="q"><p><b>Q${index + 1}</b> <span class="id">${e(q.id)}</span><br>${e(q.text)}</p>`,
    `<ul class="choices">${choices}</ul>`,
    ...(q.answer === undefined
      ? []
      : [
          `<div class="answer"><p><b>Answer: ${e(q.answer.expected)}</b> — ${e(q.answer.summary)}</p><ul>`,
          ...q.answer.reasons.map(
            (reason) => `<li>${e(reason.text)}${reason.cite === undefined ? '' : ` ${cite(reason.cite)}`}</li>`,
          ),
          '</ul>',
          ...(q.answer.cite === undefined ? [] : [`<p>Source: ${cite(q.answer.cite)}</p>`]),
          '</div>',
        ]),
    '</div>',
  ].join('\n');
}

// A cite is never a bare code: its label, then each source's title as a link (only https links from the registry).
function cite(c: HandoutCite): string {
  const links = c.sources.map((source) =>
    source.url !== undefined && source.url.startsWith('https://')
      ? `<a href="${e(source.url)}">${e(source.title)}</a>`
      : e(source.title),
  );
  return `(${e(c.label)}${links.length === 0 ? ': not in the citation registry' : `: ${links.join('; ')}`}${c.more > 0 ? `; and ${c.more} more` : ''})`;
}
