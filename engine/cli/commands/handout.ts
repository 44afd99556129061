/** `edrsim handout SCENARIOS…`: a printable handout (HTML or Markdown) asking what `edrsim train` asks; `--answer-key` adds the answers. */
import { Option, type Command } from 'commander';
import { terminalLine } from '../../core/escape.ts';
import { modelAt } from '../../pipeline/model-at.ts';
import { runScenario } from '../../run-scenario.ts';
import { handoutContent } from '../../train/handout-content.ts';
import { buildQuestions } from '../../train/question.ts';
import { renderHandoutHtml } from '../../train/render-handout-html.ts';
import { renderHandoutMarkdown } from '../../train/render-handout-markdown.ts';
import { importRootOption, maxFileSizeOption, type InputFlags } from '../input-options.ts';
import { EXIT, type Io } from '../io.ts';
import type { SetExit } from '../register-command.ts';
import { openOutput } from '../write-output.ts';
import { loadEveryScenario, printProblems } from './load-all.ts';

interface HandoutFlags extends InputFlags {
  format: 'html' | 'md';
  out?: string;
  answerKey?: boolean;
}

/**
 * Registers `handout`: exit 0 when written, 2 for invalid input or an output it cannot write.
 *
 * @example
 * await main(['handout', 'scenarios/01-modes', '--out', 'class.html'], io); // 0
 */
export function registerHandout(program: Command, io: Io, exit: SetExit): void {
  program
    .command('handout')
    .description('a printable handout per scenario: situation, fleet, policy, timeline with ground truth, questions to tick')
    .argument('<scenarios...>', 'scenario files or folders, in course (file) order')
    .addOption(new Option('-f, --format <format>', 'handout format').choices(['html', 'md']).default('html'))
    .option('-o, --out <file>', 'write the handout to FILE (atomically) instead of stdout')
    .option('--answer-key', 'add the engine\'s answers, their reasons and source links, and each scenario\'s "What to notice"')
    .addOption(importRootOption())
    .addOption(maxFileSizeOption())
    .addHelpText(
      'after',
      `
The questions are the ones \`edrsim train\` asks. The HTML page is self-contained (no script, no external
resource; print it from a browser, one scenario per page); Markdown uses task-list boxes. The trainee's copy
never shows a verdict: only each artifact's ground truth (its class and which layer would flag it).
Exit codes: 0 written, 2 invalid input.

Examples:
  $ edrsim handout scenarios/01-modes --format md
  $ edrsim handout scenarios/01-modes scenarios/07-exclusions --out handout.html
  $ edrsim handout scenarios/01-modes --answer-key --out answer-key.html`,
    )
    .action((paths: string[], flags: HandoutFlags) => {
      const loaded = loadEveryScenario(paths, flags, io);
      if (loaded === undefined) return exit(EXIT.invalid);
      const answerKey = flags.answerKey === true;
      const scenarios = loaded.scenarios.map((scenario) => {
        const built = buildQuestions(scenario, runScenario(scenario), (device, at) => modelAt(scenario, at).device(device));
        for (const problem of built.problems) io.err(`${terminalLine`⚠ ${scenario.file}: ${problem}`}\n`);
        return handoutContent({ scenario, questions: built.questions }, answerKey);
      });
      const output = openOutput(flags.out, io, loaded.inputs);
      if (!output.ok) {
        printProblems(io, [...output.issues]);
        return exit(EXIT.invalid);
      }
      output.value.write(
        flags.format === 'md' ? renderHandoutMarkdown(scenarios, answerKey) : renderHandoutHtml(scenarios, answerKey),
      );
      const unwritten = output.value.close();
      if (unwritten.length > 0) {
        printProblems(io, unwritten);
        return exit(EXIT.invalid);
      }
      exit(EXIT.ok);
    });
}
