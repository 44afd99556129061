/** A Markdown handout: the same content as the HTML page, every user string through `forMarkdown` (raw HTML off, `@` inert). */
import { append } from '../core/append.ts';
import { forMarkdown } from '../core/escape.ts';
import { linkCitesMarkdown } from './cite-links.ts';
import type { HandoutCite, HandoutQuestion, HandoutScenario } from './handout-content.ts';
import { FLEET_HEADER } from './handout-content.ts';
import { LEGEND } from './render-setup.ts';

const m = forMarkdown;

/**
 * The handout as Markdown: per scenario the situation, fleet table, tenant, policy, timeline and questions
 * as task-list boxes (`- [ ]`); with `answerKey` (default false) the engine's box ticked, its reasons and
 * source links.
 *
 * @example
 * renderHandoutMarkdown([handoutContent(item)]).split('\n')[0]; // '# edrsim handout'
 */
export function renderHandoutMarkdown(scenarios: readonly HandoutScenario[], answerKey = false): string {
  const lines = [answerKey ? '# edrsim handout — answer key' : '# edrsim handout', ''];
  scenarios.forEach((s, index) => {
    lines.push(`## Scenario ${index + 1} of ${scenarios.length}: ${m(s.name)}`, '', `_${m(s.file)}_`, '', '### Situation', '');
    for (const paragraph of s.situation.length === 0 ? ['(no description)'] : s.situation) lines.push(block(paragraph), '');
    lines.push('### Fleet', '', row(FLEET_HEADER), row(FLEET_HEADER.map(() => '---')));
    for (const device of s.fleet) lines.push(row(device.map(m)));
    lines.push('', `_${m(LEGEND)}_`, '', '### Tenant', '');
    append(
      lines,
      s.tenant.map((line) => `- ${m(line)}`),
    );
    lines.push('', '### Policy: exclusions and indicators', '');
    append(
      lines,
      s.policy.map((line) => `- ${m(line)}`),
    );
    lines.push('');
    lines.push('### Timeline', '');
    if (s.timeline.length === 0) lines.push('(nothing happens)');
    for (const event of s.timeline) {
      const [head, ...rest] = event.lines;
      lines.push(`- **${m(event.at)}** ${m(head ?? '')}`);
      append(
        lines,
        rest.map((line) => `  - ${m(line)}`),
      );
    }
    lines.push('', `### Questions (${s.questions.length})`, '');
    if (s.questions.length === 0) lines.push('No questions in this scenario.', '');
    s.questions.forEach((q, n) => append(lines, question(q, n + 1)).push(''));
    if (s.notice !== undefined) {
      lines.push('### What to notice', '');
      append(
        lines,
        s.notice.map((text) => `${block(text)}\n`),
      );
    }
  });
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// A paragraph of user text: each line escaped on its own, the line breaks kept as Markdown hard breaks.
const block = (text: string) => text.split('\n').map(linkCitesMarkdown).join('  \n');

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function question(q: HandoutQuestion, number: number): string[] {
  const lines = [`**Q${number}** (${m(q.id)}) ${m(q.text)}`, ''];
  for (const choice of q.choices) lines.push(`- [${choice === q.answer?.expected ? 'x' : ' '}] ${m(choice)}`);
  if (q.answer === undefined) return lines;
  lines.push('', `> **Answer: ${m(q.answer.expected)}** — ${m(q.answer.summary)}`, '>');
  for (const reason of q.answer.reasons)
    lines.push(`> - ${m(reason.text)}${reason.cite === undefined ? '' : ` ${cite(reason.cite)}`}`);
  if (q.answer.cite !== undefined) lines.push('>', `> Source: ${cite(q.answer.cite)}`);
  return lines;
}

// A link only for an https URL with nothing that could end it early; the title is escaped like user text.
const SAFE_URL = /^https:\/\/[^\s()<>[\]`]+$/;

function cite(c: HandoutCite): string {
  const links = c.sources.map((source) =>
    source.url !== undefined && SAFE_URL.test(source.url) ? `[${m(source.title)}](${source.url})` : m(source.title),
  );
  return `(${m(c.label)}${links.length === 0 ? ': not in the citation registry' : `: ${links.join('; ')}`}${c.more > 0 ? `; and ${c.more} more` : ''})`;
}
