/** `--list-questions`: every question id per scenario, printed as an answers file ready to fill in. */
import { maxOf } from '../core/append.ts';
import { forJsonText, forTerminal } from '../core/escape.ts';
import { formatChoices } from './match-choice.ts';
import type { TrainingItem } from './read-answers.ts';

// Plain YAML keys only when they cannot be read as anything but that string.
// Else a double-quoted key, invisible characters as YAML's \u escapes (it reads them back as written).
const yamlKey = (text: string) =>
  /^[A-Za-z_][\w.@\-/]*$/.test(text) && !/^(?:true|false|null)$/i.test(text) ? text : forJsonText(JSON.stringify(text));

/**
 * Renders a YAML answers template: one block per scenario file, one empty answer per question id, each
 * with the question and its choices as a comment. Filled in, it is a valid `--answers` file; an answer
 * left empty counts as unanswered.
 *
 * @example
 * renderAnswersTemplate([{ file: 's.yaml', name: 'S', questions: [q] }]).includes('  a1.outcome:'); // true
 */
export function renderAnswersTemplate(items: readonly (TrainingItem & { readonly name: string })[]): string {
  const lines = [
    '# edrsim train answers: write the number or the word of one choice after each question id.',
    '# An empty answer counts as unanswered. Use it with the same scenario files:',
    '#   edrsim train <file-or-dir>… --answers this-file.yaml',
    '',
  ];
  for (const item of items) {
    const count = item.questions.length;
    lines.push(
      `${forJsonText(JSON.stringify(item.file))}:   # ${forTerminal(item.name)} — ${count === 0 ? 'no questions' : `${count} question${count === 1 ? '' : 's'}`}`,
    );
    const width = maxOf(
      item.questions.map((question) => yamlKey(question.id).length),
      0,
    );
    for (const question of item.questions) {
      lines.push(
        `  ${`${yamlKey(question.id)}:`.padEnd(width + 1)}   # ${forTerminal(question.text)}  ${formatChoices(question.choices)}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
