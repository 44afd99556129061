/** The text rendering of a diff: the label first, then one row per change, worst first, then the breakdowns. */
import { forTerminal, terminalLine } from '../core/escape.ts';
import type { VerdictFacts } from './compare-verdicts.ts';
import type { Breakdown, DiffReport, FlipExample, LabelCounts } from './diff-report.ts';

/** `blocked by mdav (Blocked, Action Center)`: a verdict's facts in a few words. */
export function verdictWords(verdict: VerdictFacts): string {
  const by = verdict.by === 'none' ? '' : ` by ${verdict.by}`;
  const status = verdict.detectionStatus === 'none' ? '' : `, ${verdict.detectionStatus}`;
  return `${verdict.outcome}${by}${status}${verdict.actionCenter ? ', Action Center' : ''}`;
}

/** `weaker 7, stronger 1, fp +2/-0`, only what is not zero; `no effect` when nothing flipped. */
export function countWords(counts: LabelCounts): string {
  const parts: string[] = [];
  for (const label of ['weaker', 'stronger', 'changed'] as const) if (counts[label] > 0) parts.push(`${label} ${counts[label]}`);
  if (counts['fp-added'] + counts['fp-removed'] > 0)
    parts.push(`false positives +${counts['fp-added']}/-${counts['fp-removed']}`);
  return parts.length === 0 ? 'no effect' : parts.join(', ');
}

/** One example in words: which artifact, where, and the two verdicts. */
export function exampleWords(example: FlipExample): string {
  return `${example.artifact} on ${example.device} (${example.trigger}, ${example.path}): ${verdictWords(example.base)} -> ${verdictWords(example.head)}`;
}

function breakdownLine(name: string, breakdown: Breakdown): string {
  const parts = Object.entries(breakdown).map(([key, counts]) => `${key}: ${countWords(counts)}`);
  return `${name}: ${parts.length === 0 ? 'nothing flipped' : parts.join('; ')}`;
}

/**
 * Renders a diff for a terminal; user text (sources, entries, paths) goes through `forTerminal`.
 *
 * @example
 * renderDiffText(report).split('\n')[0]; // 'weaker: 10 of 1,029 artifacts weaker, …'
 */
export function renderDiffText(report: DiffReport): string {
  const c = report.counts;
  const lines = [
    `${report.label}: ${c.weaker} of ${report.artifacts} artifacts weaker, ${c.stronger} stronger, ${c.changed} changed; false positives +${c['fp-added']}/-${c['fp-removed']}`,
    terminalLine`base ${report.base} -> head ${report.head}; ${report.artifacts} artifacts (${report.generated} generated, ${report.probes} probes) over ${report.scenarios.length} scenario(s)`,
  ];
  if (report.changes.length === 0) lines.push('no policy changes');
  for (const effect of report.changes) {
    lines.push(terminalLine`  ${effect.change.id}  ${countWords(effect.counts)}  ${effect.change.title}`);
    for (const example of effect.counterexamples) {
      lines.push(`      e.g. ${forTerminal(exampleWords(example))}`);
      for (const reason of example.headOnly ?? []) lines.push(`        now: ${forTerminal(reason.message)}`);
    }
  }
  lines.push(
    breakdownLine('by device mode', report.byMode),
    breakdownLine('by trigger', report.byTrigger),
    breakdownLine('by class', report.byClass),
    breakdownLine('by technique', report.byTechnique),
  );
  if (report.unattributed > 0) lines.push(`${report.unattributed} flipped artifact(s) not attributed (over the attribution cap)`);
  if (report.probesDropped > 0) lines.push(`${report.probesDropped} probe(s) not run (over the per-scenario cap)`);
  return `${lines.join('\n')}\n`;
}
