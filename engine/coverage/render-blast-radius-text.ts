/** The blast radius of one entry as text: what it covers, where, what it hides, and its risks with hints. */
import { append } from '../core/append.ts';
import { forTerminal } from '../core/escape.ts';
import { CiteNotes } from '../report/cite-notes.ts';
import type { BlastRadius } from './blast-radius.ts';

const counts = (record: Record<string, number>) =>
  Object.keys(record)
    .sort()
    .map((key) => `${key} ${record[key]}`)
    .join(', ') || 'none';

/**
 * Every line escaped for the terminal (entries and paths are user text); each risk's cite is a numbered
 * footnote with its source's title and link, wrapped to `width` (default none).
 *
 * @example
 * renderBlastRadiusText(radius); // 'C:\\Build\\: excluded by ExclusionPath entry 1: `C:\\Build\\` (folder, recursive)\n…'
 */
export function renderBlastRadiusText(radius: BlastRadius, width?: number): string {
  const { hidden, devices } = radius;
  const lines = [
    `${radius.entry}: ${radius.words}`,
    `  triggers: ${radius.triggers.join(', ')}`,
    `  devices: ${devices.total} (by mode: ${counts(devices.byMode)}; by OS: ${counts(devices.byOs)})`,
    `  hides: ${hidden.artifacts} of ${hidden.of} artifacts lose protection (by class: ${counts(hidden.byClass)}; by mode: ${counts(hidden.byMode)}; by trigger: ${counts(hidden.byTrigger)}; by technique: ${counts(hidden.byTechnique)})`,
  ];
  for (const example of hidden.examples) {
    lines.push(
      `    e.g. ${example.artifact} on ${example.device} (${example.trigger}, ${example.path}): ${example.base.outcome} by ${example.base.by} -> ${example.head.outcome}`,
    );
  }
  lines.push(`  risks:`);
  const notes = new CiteNotes();
  const escaped = lines.map(forTerminal);
  for (const risk of radius.risks)
    escaped.push(`    ${forTerminal(`${risk.code}: ${risk.message}`)} (${notes.ref(risk.cite)})`, forTerminal(`      hint: ${risk.hint}`));
  append(escaped, notes.lines(width));
  return `${escaped.join('\n')}\n`;
}
