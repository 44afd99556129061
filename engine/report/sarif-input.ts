/** What the SARIF renderer takes: the rules a tool checks and its findings, each at a place in a file; any command can fill it. */

/** A finding's severity, as SARIF spells it: `error` fails the check, `warning` is lint, `note` is information. */
export type SarifLevel = 'error' | 'warning' | 'note';

/**
 * One rule: a kind of finding with a stable `id` (an issue code such as `unknown_key`, a lint code such
 * as `exclusion_temp_folder`, or `expect.<kind>` for a failed expectation). The texts are fixed per rule,
 * never taken from one finding, so the same rule reads the same in every run.
 */
export interface SarifRule {
  readonly id: string;
  /** One line, a noun phrase: what the rule finds. */
  readonly shortDescription: string;
  /** A few sentences: what the rule checks and why it matters. */
  readonly fullDescription: string;
  /** What to do about a finding of this rule. */
  readonly help: string;
  /** The level a finding of this rule has unless it says otherwise. */
  readonly level: SarifLevel;
  /**
   * The cite key of the source that documents the rule (a `§` of the domain reference, a source id),
   * resolved to `helpUri` by the renderer's `helpUri` option: the seam for the citation registry.
   * Default none: no `helpUri` is written.
   */
  readonly cite?: string;
}

/** Where a finding is: a file as the run names it (relative to the working folder, or absolute), and a 1-based position. */
export interface SarifLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** One finding: a rule broken at a place, with the message a reader sees. */
export interface SarifFinding {
  readonly ruleId: string;
  /** Default: the rule's level. */
  readonly level?: SarifLevel;
  readonly message: string;
  /**
   * Default none: a finding about the whole run (no scenario files found) has no file; SARIF lists it as a
   * tool execution notification rather than a result, since code scanning refuses a result without a location.
   */
  readonly location?: SarifLocation;
  /**
   * What identifies the finding within its file across runs (an expectation's stable name). Default: the
   * message with every run of digits read as one `0`, so a count that changes keeps the same identity.
   * Lines are never part of it: a finding that moves down the file is the same finding.
   */
  readonly identity?: string;
}

/**
 * The renderer's input. `results` hands the findings to `emit` one at a time, so a command with many can
 * produce them as it goes; `rules` lists every rule a finding names (others may be listed too).
 *
 * @example
 * const input: SarifInput = {
 *   version: '0.1.0',
 *   rules: [issueRule('unknown_key')],
 *   results: (emit) => emit({ ruleId: 'unknown_key', message: 'unknown key "nmae"', location: { file: 'x.yaml', line: 1, column: 1 } }),
 * };
 */
export interface SarifInput {
  /** edrsim's version, for `tool.driver.version`. */
  readonly version: string;
  readonly rules: readonly SarifRule[];
  readonly results: (emit: (finding: SarifFinding) => void) => void;
}

/** How locations and citations are written: the parts that depend on where the command runs. */
export interface SarifOptions {
  /**
   * A finding's file as a path relative to the SARIF root (`--sarif-root`, default the working folder),
   * with `/` between segments. Default: the file as given, `\` read as `/`.
   */
  readonly relativePath?: (file: string) => string;
  /** The URL of a rule's cite key, or undefined for a source without one. Default: none for every key (the citation registry plugs in here). */
  readonly helpUri?: (cite: string) => string | undefined;
}
