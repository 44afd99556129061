/** The CLI's only contact with the outside world, passed in so commands can be run in-process by tests. */

export interface Io {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour allowed on stdout, from the environment (`colourFromEnv`: FORCE_COLOR, NO_COLOR, TTY); --color/--no-color beat it. */
  readonly colour: boolean;
  /** The terminal's width when stdout is a terminal; absent for a file or a pipe, whose text lines are not wrapped. */
  readonly columns?: number;
  /** Standard input is a terminal (so `train` may prompt). */
  readonly stdinIsTTY: boolean;
  readonly ask?: (prompt: string) => Promise<string>; // `train` in a terminal: prints the prompt, resolves with the line typed
  /** Resolves when the user asks a long-running command (`classroom`) to stop; default: on SIGINT or SIGTERM. */
  readonly stopped?: () => Promise<void>;
}

/** Exit codes of the contract (§4): 2 wins over 1; 3 is an internal error. */
export const EXIT = { ok: 0, failed: 1, invalid: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Combines exit codes: invalid input beats failed expectations beats success. */
export function worst(a: ExitCode, b: ExitCode): ExitCode {
  return Math.max(a, b) as ExitCode;
}
