/** Issues and results: bad input is data, rendered separately, never thrown inside engine/. */
import { clipText, escapeInvisible, escapeIssue } from './quote.ts';

/** Problems shown per file, in every format; then one entry says how many more there are. */
export const MAX_ISSUES_PER_FILE = 50;
/** Characters in one printed line or issue field: a 10 MB path must not print a 10 MB line. */
export const MAX_LINE = 300;

/** A location inside a document: object keys and array indexes, outermost first. */
export type Path = readonly (string | number)[];

/**
 * One problem with the input. `code` is stable, machine-readable and snake_case like zod's own (`unknown_key`,
 * `exclusion_too_broad`; test/core/issue-codes.test.ts checks), unlike a verdict `Reason`'s kebab-case code;
 * `message` is for humans and starts with the bad thing. `file`, `line` and `column` are filled in by the loader that knows them.
 */
export interface Issue {
  readonly code: string;
  readonly path: Path;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** `warning` findings (lint) never make input invalid. Default `error`. */
  readonly severity?: 'error' | 'warning';
  /** On the entry {@link capIssues} adds: how many problems it stands for, and how many of them are warnings. */
  readonly omitted?: number;
  readonly omittedWarnings?: number;
}

export type Result<T, E = readonly Issue[]> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E = readonly Issue[]>(issues: E): { ok: false; issues: E } {
  return { ok: false, issues };
}

/** Renders a path the way the contract spells keys: `devices[0].mdav.platform`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The issues of one `file`, bounded: the first {@link MAX_ISSUES_PER_FILE}, each text field and path
 * segment clipped to {@link MAX_LINE} characters, then one `more_problems` entry with how many were left
 * off and the total (a warning when the issues are). The one place a file's problems are bounded, so
 * text, JSON, JUnit and SARIF output all show the same list.
 *
 * @example
 * capIssues(fiftySevenThousandDuplicates, 'big.yaml').at(-1)?.message; // 'and 56950 more problems in big.yaml (57000 in all)'
 */
export function capIssues(issues: readonly Issue[], file: string): Issue[] {
  // Capping twice changes nothing: a list that already says "and N more" is bounded.
  if (issues.length <= MAX_ISSUES_PER_FILE || issues.some((issue) => issue.code === 'more_problems'))
    return issues.map(clipIssue);
  const kept = issues.slice(0, MAX_ISSUES_PER_FILE).map(clipIssue);
  const omitted = issues.length - MAX_ISSUES_PER_FILE;
  let omittedWarnings = 0;
  for (let i = MAX_ISSUES_PER_FILE; i < issues.length; i++) if (issues[i]?.severity === 'warning') omittedWarnings++;
  const shown = clipText(file, 100);
  kept.push({
    code: 'more_problems',
    path: [],
    file: clipText(file, MAX_LINE),
    ...(omittedWarnings === omitted ? { severity: 'warning' as const } : {}),
    omitted,
    ...(omittedWarnings > 0 ? { omittedWarnings } : {}),
    message: `and ${omitted} more problems in ${shown} (${issues.length} in all)`,
    hint: 'fix the first ones; later problems often repeat them',
  });
  return kept;
}

/**
 * How many errors and warnings `issues` stand for: one each by its severity, and what a
 * `more_problems` entry left off.
 *
 * @example
 * countIssues(capIssues(fiftySevenThousandDuplicates, 'big.yaml')); // { errors: 57000, warnings: 0 }
 */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.omitted !== undefined) {
      const warned = issue.omittedWarnings ?? (issue.severity === 'warning' ? issue.omitted : 0);
      warnings += warned;
      errors += issue.omitted - warned;
    } else if (issue.severity === 'warning') warnings++;
    else errors++;
  }
  return { errors, warnings };
}

function clipIssue(issue: Issue): Issue {
  const clip = (text: string | undefined) => (text === undefined ? undefined : clipText(text, MAX_LINE));
  const long = [issue.message, issue.expected, issue.received, issue.hint, issue.file].some(
    (text) => text !== undefined && text.length > MAX_LINE,
  );
  const longPath = issue.path.some((part) => typeof part === 'string' && part.length > MAX_LINE);
  if (!long && !longPath) return issue;
  const clipped: { -readonly [K in keyof Issue]: Issue[K] } = { ...issue, message: clipText(issue.message, MAX_LINE) };
  for (const key of ['expected', 'received', 'hint', 'file'] as const)
    if (issue[key] !== undefined) clipped[key] = clip(issue[key]);
  if (longPath) clipped.path = issue.path.map((part) => (typeof part === 'string' ? clipText(part, MAX_LINE) : part));
  return clipped;
}

/**
 * Renders issues as a block: one `✖ file:line:col path: message` line per issue, then indented
 * `expected`/`received`/`hint` lines where present.
 *
 * @example
 * formatIssues([{ code: 'bad_version', path: ['devices', 0, 'mdav', 'platform'], message: 'platform "4.18" is not a version' }]);
 * // '✖ devices[0].mdav.platform: platform "4.18" is not a version'
 */
export function formatIssues(issues: readonly Issue[]): string {
  // User text never reaches a terminal with invisible characters in it, whichever layer quoted it.
  return issues
    .map(escapeIssue)
    .map((issue) => {
      const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
      const mark = issue.severity === 'warning' ? '⚠' : '✖';
      // The file name and the path's keys are user text too (a key of a YAML map, a file in a folder).
      const head = `${mark} ${escapeInvisible(`${where === '' ? '' : `${where} `}${formatPath(issue.path)}`)}: ${issue.message}`;
      const details = [
        issue.expected === undefined ? undefined : `  expected: ${issue.expected}`,
        issue.received === undefined ? undefined : `  received: ${issue.received}`,
        issue.hint === undefined ? undefined : `  hint: ${issue.hint}`,
      ].filter((line): line is string => line !== undefined);
      return [head, ...details].map((line) => clipText(line, MAX_LINE)).join('\n');
    })
    .join('\n');
}
