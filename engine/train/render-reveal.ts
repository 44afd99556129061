/** The question prompts, and the reveal: the engine's answer per question, its reasons layer by layer, the cite. */
import { append } from '../core/append.ts';
import { forTerminal, ownText, terminalLine } from '../core/escape.ts';
import { wrapText } from '../core/wrap-text.ts';
import { CiteNotes } from '../report/cite-notes.ts';
import { formatChoices } from './match-choice.ts';
import type { Question } from './question.ts';
import type { QuestionResult } from './train-report.ts';
import { paint, SGR } from '../report/paint.ts';

/**
 * Renders one question: its number and id, the sentence, the numbered choices. With `colour` (default
 * false; the CLI decides) the number is cyan, the id dim and the choice numbers bold.
 *
 * @example
 * renderQuestion(1, question).split('\n')[2]; // '    1) blocked  2) detected  3) allowed  4) missed'
 */
export function renderQuestion(number: number, question: Question, colour = false): string {
  const choices = formatChoices(question.choices);
  return [
    terminalLine`${ownText(paint(colour, SGR.cyan, `Q${number}`))}  ${ownText(paint(colour, SGR.dim, forTerminal(question.id)))}`,
    terminalLine`    ${question.text}`,
    // The choices are the engine's vocabulary (outcomes, statuses, modes), never user text.
    `    ${colour ? choices.replace(/\d+\)/g, (number) => paint(true, SGR.bold, number)) : choices}`,
  ].join('\n');
}

/**
 * Renders the reveal: questions about the same subject share one block with the engine's summary and
 * its reasons; each question says right or wrong, the engine's answer, the trainee's, and the cite. Cites
 * (the question's and each reason's) are numbered footnotes at the end of the block, with each source's
 * title and link. `width` (default: no wrapping) wraps lines at spaces to fit a terminal.
 *
 * @example
 * renderReveal(questions, results).includes('✘ outcome: blocked — you answered detected'); // true
 */
export function renderReveal(
  questions: readonly Question[],
  results: readonly QuestionResult[],
  colour = false,
  width?: number,
): string {
  const lines: string[] = [];
  const wrapped = (text: string, hang: string) => append(lines, wrapText(text, width, { hang }));
  for (let index = 0; index < questions.length;) {
    const first = questions[index] as Question;
    let end = index;
    while (end < questions.length && questions[end]?.subject === first.subject) end++;
    // Subjects, answers, cites and reasons carry user text (ids, names, paths): joined with terminalLine.
    lines.push(terminalLine`  ${first.subject}`);
    const notes = new CiteNotes();
    for (let at = index; at < end; at++) {
      const question = questions[at] as Question;
      const result = results[at];
      const mark = result?.correct ? paint(colour, 32, '✔') : paint(colour, 31, '✘');
      const you = result?.correct ? '' : result?.given == null ? ' — no answer' : ` — you answered ${result.given}`;
      const cite = question.cite === undefined ? '' : paint(colour, 2, `  ${notes.ref(question.cite)}`);
      wrapped(
        terminalLine`    ${ownText(mark)} Q${at + 1} ${question.field}: ${question.expected}${you}${ownText(cite)}`,
        '      ',
      );
    }
    wrapped(terminalLine`    engine: ${first.summary}`, '      ');
    lines.push('    why, layer by layer:');
    first.reasons.forEach((reason, n) =>
      wrapped(notes.refTrailing(terminalLine`    ${String(n + 1).padStart(3)}. ${reason}`), '         '),
    );
    if (first.reasons.length === 0) lines.push('      (no reasons recorded)');
    if (!notes.empty)
      append(
        lines,
        notes.lines(width === undefined ? undefined : width - 4).map((line) => `    ${line}`),
      );
    lines.push('');
    index = end;
  }
  return lines.join('\n');
}
