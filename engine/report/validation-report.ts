/** `edrsim validate --format json`: which files are valid, every problem and every lint warning, as one JSON document. */
import { forJsonText } from '../core/escape.ts';
import { countIssues, type Issue } from '../core/issue.ts';
import { writeJson } from './json-writer.ts';
import type { Write } from './scenario-report.ts';

/** A file that loads: where it is and its scenario's name. */
export interface ValidFile {
  readonly file: string;
  readonly name: string;
}

/** The `validate --format json` document. Issues have the shape of the run report's `errors[]`. */
export interface ValidationReport {
  readonly valid: readonly ValidFile[];
  readonly summary: {
    /** Files that load. */
    readonly valid: number;
    /** Files with errors. */
    readonly invalid: number;
    /** Problems counted, with those a `more_problems` entry stands for. */
    readonly errors: number;
    readonly warnings: number;
  };
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

/**
 * Writes what `validate` found as JSON: the valid files, a summary that counts files as the text output
 * does ("2 valid, 1 invalid, 3 warnings"), then every problem and every warning with file, line, column,
 * path, message and hint. Invisible characters in user strings are written as `\u` escapes.
 *
 * @example
 * renderValidationJson([{ file: 'a.yaml', name: 'A' }], [], [], write); // {"valid":[…],"summary":{"valid":1,"invalid":0,…}}
 */
export function renderValidationJson(
  valid: readonly ValidFile[],
  errors: readonly Issue[],
  warnings: readonly Issue[],
  write: Write,
): void {
  const marked = warnings.map((warning) => ({ ...warning, severity: 'warning' as const }));
  const report: ValidationReport = {
    valid,
    summary: {
      valid: valid.length,
      invalid: new Set(errors.map((issue) => issue.file)).size,
      errors: countIssues(errors).errors,
      warnings: countIssues(errors).warnings + countIssues(marked).warnings,
    },
    errors,
    warnings: marked,
  };
  writeJson((chunk) => write(forJsonText(chunk)), report);
  write('\n');
}
