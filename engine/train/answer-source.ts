/** Where a session's answers come from: an answers file, or a trainee at the keyboard. */
import { terminalLine } from '../core/escape.ts';
import { formatChoices, matchChoice } from './match-choice.ts';
import type { Question } from './question.ts';
import type { Answers } from './read-answers.ts';

/** Rejected with this when the trainee closes the input (Ctrl-D, Ctrl-C): the session stops and scores what it has. */
export class InputClosed extends Error {
  constructor() {
    super('input closed');
    this.name = 'InputClosed';
  }
}

export interface AnswerSource {
  /** True when a person answers: the session prints prompts and pauses between scenarios. */
  readonly interactive: boolean;
  /** The canonical choice, or undefined when unanswered. Rejects with {@link InputClosed}. */
  answer(file: string, question: Question): Promise<string | undefined>;
  /** Waits before the next scenario (interactive only). */
  pause(): Promise<void>;
}

/**
 * Answers from a checked answers file; a question the file leaves out is unanswered.
 *
 * @example
 * await fromAnswers(new Map([['s.yaml', new Map([['a1.outcome', 'blocked']])]])).answer('s.yaml', q); // 'blocked'
 */
export function fromAnswers(answers: Answers): AnswerSource {
  return {
    interactive: false,
    answer: async (file, question) => answers.get(file)?.get(question.id),
    pause: async () => {},
  };
}

/**
 * Answers typed by the trainee: asks until the reply names a choice (its number or its word), saying
 * what the choices are after each wrong reply. `ask` prints the prompt and resolves with one line.
 *
 * @example
 * fromPrompt(io.ask, io.out).answer('s.yaml', question); // asks '> ', resolves 'blocked' for '1'
 */
export function fromPrompt(ask: (prompt: string) => Promise<string>, out: (text: string) => void): AnswerSource {
  const line = async (prompt: string): Promise<string> => {
    try {
      return await ask(prompt);
    } catch {
      throw new InputClosed();
    }
  };
  return {
    interactive: true,
    answer: async (_file, question) => {
      for (;;) {
        const reply = (await line('    your answer> ')).trim();
        if (reply === '') continue;
        const choice = matchChoice(question.choices, reply);
        if (choice !== undefined) return choice;
        out(`${terminalLine`    "${reply}" is not one of the choices: `}${formatChoices(question.choices)}\n`);
      }
    },
    pause: async () => {
      await line('Press Enter for the next scenario… ');
    },
  };
}
