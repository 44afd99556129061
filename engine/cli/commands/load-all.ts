/** Shared by run/validate/train: expand the arguments into files and load each, keeping every problem. */
import { append } from '../../core/append.ts';
import { capIssues, countIssues, formatIssues, type Issue } from '../../core/issue.ts';
import type { Scenario } from '../../scenario/index.ts';
import { collectScenarioFiles, displayPath } from '../collect-files.ts';
import type { Io } from '../io.ts';
import { loadScenarioFile } from '../load-scenario.ts';
import { resolve } from 'node:path';

export interface Loaded {
  readonly scenarios: Scenario[];
  /** Errors from every file (missing paths, no files, invalid scenarios), each with its file. */
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

/**
 * Loads every scenario named by `args`. No scenario files at all is itself an error (contract §4).
 */
export function loadAll(args: readonly string[], io: Io, overrides: readonly string[] = []): Loaded {
  const { files, issues } = collectScenarioFiles(args, io.cwd);
  const errors: Issue[] = [...issues];
  const warnings: Issue[] = [];
  const scenarios: Scenario[] = [];
  if (files.length === 0 && issues.length === 0) {
    errors.push({
      code: 'no_scenarios',
      path: [],
      message: `no scenario files (*.yaml, *.yml, *.json) found in ${args.join(', ')}`,
      hint: 'name a scenario file or a folder that contains some',
    });
  }
  for (const file of files) {
    const loaded = loadScenarioFile(resolve(io.cwd, file), overrides);
    // The loader answers a bug with an issue so it never throws; the contract makes that exit 3, not "invalid input".
    const bug = loaded.ok ? undefined : loaded.issues.find((issue) => issue.code === 'internal_error');
    if (bug !== undefined) throw new Error(`${file}: ${bug.message} (a bug in edrsim; please report it with the file)`);
    if (loaded.ok) {
      scenarios.push({ ...loaded.value, file });
      // Capped here, once per file, so every format (text, JSON, JUnit, SARIF) shows the same bounded list.
      append(warnings, capIssues(loaded.value.warnings.map((warning) => ({ ...warning, file })), file));
    } else {
      append(errors, capIssues(loaded.issues.map((issue) => ({ ...issue, file: issue.file === undefined ? file : displayPath(io.cwd, issue.file) })), file));
    }
  }
  return { scenarios, errors, warnings };
}

/**
 * Prints problems to stderr, every one at once; when there are errors, a last line counts errors and
 * warnings apart ("2 errors, 1 warning"): a failed file's list carries its warnings too.
 */
export function printProblems(io: Io, errors: readonly Issue[], warnings: readonly Issue[] = []): void {
  if (warnings.length > 0) io.err(`${formatIssues(warnings.map((w) => ({ ...w, severity: 'warning' as const })))}\n`);
  if (errors.length === 0) return;
  const counted = countIssues(errors);
  const warningCount = counted.warnings + countIssues(warnings.map((w) => ({ ...w, severity: 'warning' as const }))).warnings;
  const counts = [plural(counted.errors, 'error'), ...(warningCount > 0 ? [plural(warningCount, 'warning')] : [])];
  io.err(`${formatIssues(errors)}\n${counts.join(', ')}\n`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
