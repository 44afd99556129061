/** The Markdown rendering of a diff, to paste as a pull-request comment: raw HTML off, every user string escaped, `@` included. */
import { forMarkdown } from '../core/escape.ts';
import type { Breakdown, DiffReport } from './diff-report.ts';
import { countWords, exampleWords } from './render-diff-text.ts';

const cell = (text: string | number): string => forMarkdown(String(text));

function breakdownRows(name: string, breakdown: Breakdown): string[] {
  return Object.entries(breakdown).map(([key, counts]) => `| ${cell(name)} | ${cell(key)} | ${cell(countWords(counts))} |`);
}

/**
 * Renders a diff as GitHub-flavoured Markdown: a heading with the label, a table of changes worst first
 * with their counterexamples, and the breakdowns. No raw HTML is emitted, and user text goes through
 * `forMarkdown`, so a path or an entry can neither inject HTML nor mention anyone.
 *
 * @example
 * renderDiffMarkdown(report).startsWith('### edrsim diff: **weaker**'); // true
 */
export function renderDiffMarkdown(report: DiffReport): string {
  const c = report.counts;
  const lines = [
    `### edrsim diff: **${report.label}**`,
    '',
    `${cell(report.base)} → ${cell(report.head)}: ${c.weaker} weaker, ${c.stronger} stronger, ${c.changed} changed of ${report.artifacts} artifacts (${report.generated} generated, ${report.probes} probes); false positives +${c['fp-added']}/−${c['fp-removed']}.`,
    '',
  ];
  if (report.changes.length === 0) lines.push('No policy changes.', '');
  else {
    lines.push('| change | effect | entry | example |', '|---|---|---|---|');
    for (const effect of report.changes) {
      const example = effect.counterexamples[0];
      lines.push(
        `| ${cell(effect.change.id)} | ${cell(countWords(effect.counts))} | ${cell(effect.change.title)} | ${example === undefined ? '' : cell(exampleWords(example))} |`,
      );
    }
    lines.push('');
  }
  const rows = breakdownRows('device mode', report.byMode)
    .concat(breakdownRows('trigger', report.byTrigger))
    .concat(breakdownRows('class', report.byClass))
    .concat(breakdownRows('technique', report.byTechnique));
  if (rows.length > 0) lines.push('| by | value | flipped |', '|---|---|---|', rows.join('\n'), '');
  if (report.unattributed > 0)
    lines.push(`${report.unattributed} flipped artifact(s) not attributed (over the attribution cap).`, '');
  return `${lines.join('\n')}`;
}
