/** The CI formats and options the commands share: `--format sarif|github`, `--sarif-root`, `--max-warnings`. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { resolveCite } from '../core/cite/resolve-cite.ts';
import { countIssues, type Issue } from '../core/issue.ts';
import { renderGithubAnnotations } from '../report/github-annotations.ts';
import { findingsInput, type Findings } from '../report/sarif-findings.ts';
import type { SarifInput } from '../report/sarif-input.ts';
import { renderSarif } from '../report/sarif-report.ts';
import type { Write } from '../report/scenario-report.ts';
import { EDRSIM_VERSION } from './edrsim-version.ts';
import { EXIT, type ExitCode } from './io.ts';

/** The formats that list findings (problems, lint warnings, failed expectations) rather than scenarios. */
export type FindingsFormat = 'sarif' | 'github';

/** The flags as commander hands them over. */
export interface FindingsFlags {
  readonly sarifRoot?: string;
  /** -1 (the default) is no limit. */
  readonly maxWarnings?: number;
}

const WARNINGS_HINT = 'give how many warnings are allowed, e.g. --max-warnings 0';

/**
 * `--max-warnings N`, as eslint has it: more lint warnings than N exit 1. `-1` or no flag is no limit;
 * anything but a whole number ≥ -1 is a usage error (exit 2).
 *
 * @example
 * program.command('validate').addOption(maxWarningsOption());
 */
export function maxWarningsOption(): Option {
  return new Option('--max-warnings <n>', 'exit 1 when there are more lint warnings than N (-1: no limit)').argParser((text) => {
    if (!/^(-1|\d{1,15})$/.test(text.trim()))
      throw new InvalidArgumentError(`It must be a whole number ≥ 0, or -1 for no limit.\n  hint: ${WARNINGS_HINT}`);
    return Number(text);
  });
}

/** `--sarif-root DIR`: the folder that file locations in SARIF and GitHub annotations are relative to. */
export function sarifRootOption(): Option {
  return new Option(
    '--sarif-root <dir>',
    'SARIF and GitHub annotations: file paths relative to DIR, e.g. the repository root (default: the working folder)',
  );
}

/**
 * Exit 1 when `warnings` (lint findings, a capped list counted through its `more_problems` entry) are more
 * than `max`; -1 or undefined is no limit. The note says so on stderr, as eslint does.
 *
 * @example
 * overWarnings(threeWarnings, 2); // { exit: 1, note: 'edrsim: 3 warnings, more than --max-warnings 2\n' }
 */
export function overWarnings(warnings: readonly Issue[], max: number | undefined): { exit: ExitCode; note?: string } {
  if (max === undefined || max < 0) return { exit: EXIT.ok };
  const count = countIssues(warnings.map((warning) => ({ ...warning, severity: 'warning' as const }))).warnings;
  if (count <= max) return { exit: EXIT.ok };
  return { exit: EXIT.failed, note: `edrsim: ${count} warning${count === 1 ? '' : 's'}, more than --max-warnings ${max}\n` };
}

/**
 * Writes `findings` as SARIF or as GitHub annotations, file paths relative to `--sarif-root` (default `cwd`).
 *
 * @example
 * renderFindings('sarif', { errors, warnings, reports }, write, io.cwd, options.sarifRoot);
 */
export function renderFindings(format: FindingsFormat, findings: Findings, write: Write, cwd: string, sarifRoot?: string): void {
  writeFindings(format, findingsInput(findings, EDRSIM_VERSION), write, cwd, sarifRoot);
}

/**
 * Writes any command's findings (`run`, `validate`, `diff`, `coverage`) as SARIF or GitHub annotations: paths
 * relative to `--sarif-root` (default `cwd`), and each rule's cite as its `helpUri`, the Learn page the
 * citation registry gives it.
 *
 * @example
 * writeFindings('sarif', { version: EDRSIM_VERSION, rules, results }, write, io.cwd);
 */
export function writeFindings(format: FindingsFormat, input: SarifInput, write: Write, cwd: string, sarifRoot?: string): void {
  const root = resolve(cwd, sarifRoot ?? '.');
  const relativePath = (file: string): string => {
    const full = resolve(cwd, file);
    const inside = relative(root, full);
    // On another drive there is no relative path: the absolute one is the only honest answer.
    return (isAbsolute(inside) ? full : inside).split(sep).join('/');
  };
  if (format === 'sarif') renderSarif(input, write, { relativePath, helpUri: (cite) => resolveCite(cite)?.url });
  else renderGithubAnnotations(input, write, { relativePath });
}
