/** Issues and results: bad input is data, rendered separately, never thrown inside engine/. */
import { escapeInvisible, escapeIssue } from './quote.ts';

/** A location inside a document: object keys and array indexes, outermost first. */
export type Path = readonly (string | number)[];

/**
 * One problem with the input. `code` is stable and machine-readable; `message` is for humans and
 * starts with the bad thing. `file`, `line` and `column` are filled in by the loader that knows them.
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
}

export type Result<T, E = readonly Issue[]> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: E };

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
      return [head, ...details].join('\n');
    })
    .join('\n');
}
