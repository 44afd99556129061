/** The classroom's laws for one scenario, run by the library test on every file: it already loads and runs each one. */
import type { ScenarioReport } from '../../engine/report/scenario-report.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { modelAt } from '../../engine/pipeline/model-at.ts';
import { decidedVerdicts } from '../../engine/train/decided-verdicts.ts';
import { layerSteps } from '../../engine/train/layer-steps.ts';
import { buildQuestions } from '../../engine/train/question.ts';
import { questionHints, statesAnswer } from '../../engine/train/question-hints.ts';
import { renderRevealHtml } from '../../engine/train/reveal-html.ts';
import { unknownMarkup } from './html-markup.ts';

/**
 * Every broken classroom law of one scenario, as lines (empty when all hold): each question has two hints and
 * none states the answer; each reveal has only its own markup, a picture, and every source a Learn link (or the
 * reference's own inference, which has no page); each layer picture stops at the verdict's blocker and nowhere else.
 *
 * @example
 * expect(classroomProblems(scenario, runScenario(scenario))).toEqual([]);
 */
export function classroomProblems(scenario: Scenario, report: ScenarioReport): string[] {
  const problems: string[] = [];
  const deviceAt = (device: string, at: number) => modelAt(scenario, at).device(device);
  const decided = decidedVerdicts(scenario, report.namedVerdicts.keys());
  const context = { scenario, report, deviceAt, decided };
  for (const question of buildQuestions(scenario, report, deviceAt).questions) {
    const hints = questionHints(question, context);
    if (hints.length !== 2) problems.push(`${question.id}: ${hints.length} hints`);
    for (const hint of hints)
      if (statesAnswer(hint, question.expected)) problems.push(`${question.id}: a hint states the answer: ${hint}`);
    const html = renderRevealHtml(question, { ...context, given: question.choices[0] ?? '', correct: false });
    for (const problem of unknownMarkup(html)) problems.push(`${question.id}: ${problem}`);
    if (!/<figure class="(layer|state|investigation)-picture">/.test(html)) problems.push(`${question.id}: no picture`);
    if (html.includes('not in the citation registry')) problems.push(`${question.id}: an unknown cite`);
    if (html.includes('(no public link)')) problems.push(`${question.id}: a source without a link`);
  }
  for (const verdict of decided.values()) {
    const states = layerSteps(verdict).map((step) => step.state);
    const stopped = states.indexOf('stopped');
    if (states.filter((state) => state === 'stopped').length !== (verdict.by === 'none' ? 0 : 1))
      problems.push(`${verdict.artifact}: the picture stops at ${states.join(', ')} but the verdict's blocker is ${verdict.by}`);
    if (stopped !== -1 && !states.slice(stopped + 1).every((state) => state === 'not-reached'))
      problems.push(`${verdict.artifact}: a layer after the one that stopped it is drawn as reached`);
  }
  return problems;
}
