/** Whether the CLI colours its terminal output: --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the TTY. */
import { Option } from 'commander';

/** The environment variables read here (a `process.env` fits). */
export type ColourEnv = Readonly<Record<string, string | undefined>>;

/**
 * What the environment says, as supports-color and chalk read it: `FORCE_COLOR` `0`/`false` turns colour
 * off and `1`/`2`/`3`/`true`/empty turns it on, whatever else is set; otherwise a non-empty `NO_COLOR`
 * (https://no-color.org) turns it off; otherwise colour is on for a TTY that is not `TERM=dumb`. A
 * `FORCE_COLOR` with any other value is ignored, as supports-color ignores it.
 *
 * @example
 * colourFromEnv({ FORCE_COLOR: '1', NO_COLOR: '1' }, false); // true
 * colourFromEnv({ NO_COLOR: '1' }, true); // false
 */
export function colourFromEnv(env: ColourEnv, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (force === '' || force === '1' || force === '2' || force === '3' || force === 'true') return true;
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  return isTTY && env['TERM'] !== 'dumb';
}

/**
 * Colour for a stream of this process, from its environment. `Io.colour` is made with it.
 *
 * @example
 * useColour(process.stdout); // false when piped, unless FORCE_COLOR says otherwise
 */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return colourFromEnv(process.env, stream.isTTY === true);
}

/**
 * The command's `--color`/`--no-color` (undefined when neither is given) over what the environment said
 * (`Io.colour`): the flag wins. Files written with --out and JSON, CSV and JUnit never get colour; the
 * commands that render them do not pass it.
 *
 * @example
 * colourFor(options.color, io.colour);
 */
export function colourFor(flag: boolean | undefined, environment: boolean): boolean {
  return flag ?? environment;
}

/**
 * `--color`, for the commands that colour a terminal (`run`'s text report, `train`). No default, so that
 * "not given" leaves the environment to decide; add {@link noColorOption} beside it.
 *
 * @example
 * command.addOption(colorOption()).addOption(noColorOption());
 */
export function colorOption(): Option {
  return new Option('--color', 'colour the terminal output even when piped (beats FORCE_COLOR and NO_COLOR)');
}

/** `--no-color`: no colour, even on a terminal. */
export function noColorOption(): Option {
  return new Option('--no-color', 'no colour, even on a terminal (beats FORCE_COLOR)');
}

/** The precedence in one line, for help texts. */
export const COLOUR_HELP =
  'Colour: --color/--no-color, else FORCE_COLOR (0/false off; 1/2/3/true on), else NO_COLOR (set: off), else on for a terminal.';
