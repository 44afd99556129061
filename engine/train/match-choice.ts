/** Reads a trainee's answer: a choice's number or its word, forgiving case, spaces and hyphens. */

// C2: Microsoft's pages also write `Passive` and `Passive mode` for `Passive Mode`; yes/no also as booleans.
const ALIASES: Readonly<Record<string, string>> = {
  passive: 'passive mode',
  true: 'yes',
  false: 'no',
  y: 'yes',
  n: 'no',
};

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/**
 * Returns the canonical choice `answer` names, or undefined when it names none. Accepts the 1-based
 * number (as a number or a string), the word in any case with spaces, hyphens or underscores
 * (`edr-block-mode` for `EDR Block Mode`), and a boolean for yes/no.
 *
 * @example
 * matchChoice(['blocked', 'detected', 'allowed', 'missed'], '2'); // 'detected'
 * matchChoice(['Normal', 'Passive Mode', 'EDR Block Mode', 'Not running'], 'edr block mode'); // 'EDR Block Mode'
 */
export function matchChoice(choices: readonly string[], answer: unknown): string | undefined {
  if (typeof answer === 'boolean') return matchChoice(choices, answer ? 'yes' : 'no');
  if (typeof answer === 'number') return Number.isInteger(answer) ? choices[answer - 1] : undefined;
  if (typeof answer !== 'string') return undefined;
  const text = normalise(answer);
  if (/^\d+$/.test(text)) return choices[Number(text) - 1];
  const word = ALIASES[text] ?? text;
  return choices.find((choice) => normalise(choice) === word);
}

/** The choices as the prompt lists them: `1) blocked  2) detected  3) allowed  4) missed`. */
export function formatChoices(choices: readonly string[]): string {
  return choices.map((choice, index) => `${index + 1}) ${choice}`).join('  ');
}
