/** `edrsim train <file-or-dir>…`: predict each scenario's verdicts, then see the engine's answers, reasons and score. */
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { forJsonText, forTerminal, terminalLine } from '../../core/escape.ts';
import type { Issue } from '../../core/issue.ts';
import { modelAt } from '../../pipeline/model-at.ts';
import { readInput } from '../../io/index.ts';
import { collectScenarioFiles } from '../collect-files.ts';
import { importRootOption, inputLimits, maxFileSizeOption, type InputFlags, type InputLimits } from '../input-options.ts';
import { COLOUR_HELP, colorOption, colourFor, noColorOption } from '../colour.ts';
import { EXIT, type Io } from '../io.ts';
import { runScenario } from '../../run-scenario.ts';
import { fromAnswers, fromPrompt, type AnswerSource } from '../../train/answer-source.ts';
import { buildQuestions } from '../../train/question.ts';
import { readAnswers } from '../../train/read-answers.ts';
import { renderAnswersTemplate } from '../../train/render-answers-template.ts';
import { runSession, type SessionItem } from '../../train/run-session.ts';
import { TRAIN_HELP } from '../../train/train-help.ts';
import { outputIsInput, writeAtomically } from '../write-output.ts';
import type { SetExit } from '../register-command.ts';
import { loadAll, printProblems } from './load-all.ts';

interface TrainOptions extends InputFlags {
  color?: boolean;
  answers?: string;
  report?: string;
  listQuestions?: boolean;
}

/**
 * Registers `train`: exit 0 when the session completed (whatever the score), 2 for invalid input.
 *
 * @example
 * await main(['train', 'scenarios/01-modes', '--answers', 'answers.yaml'], io); // 0
 */
export function registerTrain(program: Command, io: Io, exit: SetExit): void {
  program
    .command('train')
    .description(
      "a training session: predict each scenario's verdicts, then see the engine's answers with their reasons, and a score",
    )
    .argument('<file-or-dir...>', 'scenario files (.yaml, .yml, .json) or folders, taken in file order')
    .option('-a, --answers <file>', 'take the answers from FILE (YAML or JSON) instead of asking: no terminal needed')
    .option('-r, --report <file>', 'also write the score as JSON to FILE (atomically; folders are created)')
    .option('--list-questions', 'print every question id per scenario as an answers file to fill in, and stop')
    .addOption(colorOption())
    .addOption(noColorOption())
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText('after', `\n${COLOUR_HELP}`)
    .addHelpText('after', TRAIN_HELP)
    .action(async (paths: string[], options: TrainOptions) => {
      const limits = inputLimits(options, io);
      const loaded = limits.ok
        ? load(paths, options, io, limits.value)
        : { scenarios: [], errors: [...limits.issues], warnings: [], inputs: [] };
      if (loaded.errors.length > 0) {
        printProblems(io, loaded.errors);
        return exit(EXIT.invalid);
      }
      if (options.answers === undefined && options.listQuestions !== true && !(io.stdinIsTTY && io.ask !== undefined)) {
        io.err(
          'edrsim train: standard input is not a terminal, so there is nobody to ask.\n' +
            '  Give the answers with --answers FILE (--list-questions prints a template to fill in), or run train in a terminal.\n',
        );
        return exit(EXIT.invalid);
      }
      const items: SessionItem[] = loaded.scenarios.map((scenario) => {
        const built = buildQuestions(scenario, runScenario(scenario), (device, at) => modelAt(scenario, at).device(device));
        for (const problem of built.problems) io.err(`${terminalLine`⚠ ${scenario.file}: ${problem}`}\n`);
        return { scenario, questions: built.questions };
      });
      const training = items.map(({ scenario, questions }) => ({ file: scenario.file, name: scenario.name, questions }));
      if (options.listQuestions === true) {
        io.out(renderAnswersTemplate(training));
        return exit(EXIT.ok);
      }
      const source = answerSource(options, training, io, limits.ok ? limits.value.maxFileSize : undefined);
      if (!source.ok) {
        printProblems(io, source.issues);
        return exit(EXIT.invalid);
      }
      // Checked before the session, so that nobody answers every question to lose the score to a typo.
      const inputs = [...loaded.inputs, ...source.inputs];
      const clash = outputIsInput(options.report, io, inputs).map((issue) => ({ ...issue, path: ['--report'] }));
      if (clash.length > 0) {
        printProblems(io, clash);
        return exit(EXIT.invalid);
      }
      const report = await runSession(items, source.value, io.out, colourFor(options.color, io.colour), io.columns);
      const written =
        options.report === undefined
          ? []
          : writeAtomically(
              resolve(io.cwd, options.report),
              `${forJsonText(JSON.stringify(report, null, 2))}\n`,
              options.report,
              inputs,
            );
      printProblems(
        io,
        written.map((issue) => ({ ...issue, path: ['--report'], hint: 'give --report a file path that you may write to' })),
      );
      exit(written.length > 0 ? EXIT.invalid : EXIT.ok);
    });
}

// The answers and report files are never scenarios, even when they sit in a folder being trained on.
function load(paths: readonly string[], options: TrainOptions, io: Io, limits: InputLimits): ReturnType<typeof loadAll> {
  const skip = new Set(
    [options.answers, options.report].filter((file) => file !== undefined).map((file) => resolve(io.cwd, file)),
  );
  const { files, issues } = collectScenarioFiles(paths, io.cwd);
  const kept = files.filter((file) => !skip.has(resolve(io.cwd, file)));
  if (kept.length === 0 && issues.length > 0) return { scenarios: [], errors: issues, warnings: [], inputs: [] };
  const loaded = loadAll(kept.length === 0 ? paths : kept, io, [], limits);
  return { ...loaded, errors: [...issues, ...loaded.errors] };
}

/** Where the answers come from, and the real path of the answers file when there is one (an input of the run). */
type Source = { ok: true; value: AnswerSource; inputs: string[] } | { ok: false; issues: Issue[] };

function answerSource(
  options: TrainOptions,
  training: Parameters<typeof readAnswers>[2],
  io: Io,
  maxFileSize: number | undefined,
): Source {
  if (options.answers === undefined)
    return { ok: true, value: fromPrompt(io.ask ?? (() => Promise.reject(new Error('no terminal'))), io.out), inputs: [] };
  const file = resolve(io.cwd, options.answers);
  const read = readInput(file, { shownAs: options.answers, ...(maxFileSize === undefined ? {} : { maxFileSize }) });
  if (!read.ok)
    return { ok: false, issues: read.issues.map((issue) => ({ ...issue, message: `the answers file: ${issue.message}` })) };
  const { text, realPath } = read.value;
  const sameFile = (key: string, scenarioFile: string) =>
    key === scenarioFile ||
    resolve(io.cwd, key) === resolve(io.cwd, scenarioFile) ||
    resolve(dirname(file), key) === resolve(io.cwd, scenarioFile);
  const answers = readAnswers(text, options.answers, training, sameFile);
  if (!answers.ok) return { ok: false, issues: [...answers.issues] };
  const missing = training.reduce(
    (sum, item) => sum + item.questions.filter((q) => !answers.value.get(item.file)?.has(q.id)).length,
    0,
  );
  if (missing > 0)
    io.err(
      `⚠ ${forTerminal(options.answers)}: ${missing} question${missing === 1 ? ' has' : 's have'} no answer and count${missing === 1 ? 's' : ''} as wrong\n`,
    );
  return { ok: true, value: fromAnswers(answers.value), inputs: [realPath] };
}
