/** A training session: for each scenario, brief, ask every question, reveal the engine's answers, score. */
import { forTerminalLines, terminalLine } from '../core/escape.ts';
import { citeCodesIn } from '../core/cite/resolve-cite.ts';
import { CiteNotes } from '../report/cite-notes.ts';
import { paint, SGR } from '../report/paint.ts';
import { renderTable } from '../report/table.ts';
import type { Scenario } from '../scenario/index.ts';
import { InputClosed, type AnswerSource } from './answer-source.ts';
import { splitDescription } from './plain-markdown.ts';
import type { Question } from './question.ts';
import { renderQuestion, renderReveal } from './render-reveal.ts';
import { renderSetup } from './render-setup.ts';
import { renderTimeline } from './render-timeline.ts';
import {
  formatScore,
  questionResult,
  score,
  trainReport,
  type QuestionResult,
  type ScenarioScore,
  type TrainReport,
} from './train-report.ts';

/** One scenario of the session with its questions (answers already computed from its run). */
export interface SessionItem {
  readonly scenario: Scenario;
  readonly questions: readonly Question[];
}

const RULE = '═'.repeat(72);

/**
 * Runs the session in scenario order and returns its report. Every question of a scenario is asked
 * before any is revealed, so that one reveal cannot give away the next answer. When the trainee closes
 * the input, the session stops, and the scenarios completed so far are scored.
 *
 * @example
 * const report = await runSession(items, fromAnswers(answers), io.out);
 * report.total.percent; // 100 when every answer is the engine's
 */
export async function runSession(
  items: readonly SessionItem[],
  source: AnswerSource,
  out: (text: string) => void,
  colour = false,
  /** The terminal's width: the reveal wraps to it (default: no wrapping). */
  width?: number,
): Promise<TrainReport> {
  const scored: ScenarioScore[] = [];
  let stopped = false;
  for (const [index, item] of items.entries()) {
    const { scenario, questions } = item;
    // The scenario's own text (name, file, description) is user text: escaped for the terminal here.
    const description = splitDescription(scenario.description);
    out(
      `${RULE}\n${paint(colour, SGR.bold, terminalLine`Scenario ${index + 1} of ${items.length}: ${scenario.name}`)}\n${terminalLine`${scenario.file}`}\n\n`,
    );
    if (description.before !== '') out(`${forTerminalLines(description.before)}\n\n`);
    out(`${renderSetup(scenario, colour)}\n\n${renderTimeline(scenario, colour)}\n\n`);
    const results: QuestionResult[] = [];
    try {
      out(
        questions.length === 0
          ? 'No questions in this scenario: read it, then look at the reveal.\n'
          : `${paint(colour, SGR.bold, `Predict (${questions.length} question${questions.length === 1 ? '' : 's'})`)}\n`,
      );
      for (const [n, question] of questions.entries()) {
        out(`${renderQuestion(n + 1, question, colour)}\n`);
        const given = await source.answer(scenario.file, question);
        if (!source.interactive) out(`${terminalLine`    your answer: ${given ?? '(none)'}`}\n`);
        results.push(questionResult(question, given));
      }
    } catch (error) {
      if (!(error instanceof InputClosed)) throw error;
      stopped = true;
      out('\nSession stopped before the end: this scenario is not scored.\n');
      break;
    }
    out(`\n${paint(colour, SGR.bold, 'Reveal')}\n${renderReveal(questions, results, colour, width)}\n`);
    if (description.after !== undefined) {
      out(`${forTerminalLines(description.after)}\n\n`);
      // The codes the scenario's author wrote (§3.8, T33) get their titles and links, like the reveal's cites.
      const notes = new CiteNotes();
      for (const code of citeCodesIn(description.after)) notes.ref(code);
      if (!notes.empty) out(`Sources\n${notes.lines(width).join('\n')}\n\n`);
    }
    const value = score(results);
    scored.push({ file: scenario.file, name: scenario.name, questions: results, score: value });
    out(`Score for this scenario: ${formatScore(value)}\n\n`);
    if (source.interactive && index < items.length - 1) {
      try {
        await source.pause();
      } catch (error) {
        if (!(error instanceof InputClosed)) throw error;
        stopped = true;
        break;
      }
    }
  }
  const report = trainReport(scored, stopped);
  out(renderTotals(report));
  return report;
}

function renderTotals(report: TrainReport): string {
  const rows = report.scenarios.map((s) => [
    s.score.percent === null ? '-' : `${s.score.percent} %`,
    `${s.score.correct}/${s.score.total}`,
    s.file,
  ]);
  return [
    RULE,
    'Results',
    renderTable(['score', 'right', 'scenario'], rows),
    '',
    `Total: ${formatScore(report.total)} over ${report.total.scenarios} scenario${report.total.scenarios === 1 ? '' : 's'}${report.stopped ? ' (stopped early)' : ''}`,
    '',
  ].join('\n');
}
