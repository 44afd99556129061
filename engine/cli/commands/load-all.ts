/** Shared by run/validate/train: expand the arguments into files and load each, keeping every problem. */
import { append } from '../../core/append.ts';
import { capIssues, countIssues, formatIssues, type Issue, type Result } from '../../core/issue.ts';
import { escapeInvisible } from '../../core/quote.ts';
import { CiteNotes } from '../../report/cite-notes.ts';
import type { Scenario } from '../../scenario/index.ts';
import { collectScenarioFiles, displayPath } from '../collect-files.ts';
import type { Io } from '../io.ts';
import { inputLimits, type InputFlags, type InputLimits } from '../input-options.ts';
import { loadScenarioFile } from '../../run-scenario.ts';
import { resolve } from 'node:path';

export interface Loaded {
  readonly scenarios: Scenario[];
  /** Errors from every file (missing paths, no files, invalid scenarios), each with its file. */
  readonly errors: Issue[];
  readonly warnings: Issue[];
  /** Absolute real paths of every file read (scenarios and imports, loaded or not): what `--out` must not overwrite. */
  readonly inputs: string[];
  /** Exports found by walking a folder and skipped, one warning each; already printed to stderr. */
  readonly skipped?: Issue[];
}

/**
 * For the commands that need every named scenario to load (`coverage`, `handout`): reads `--import-root` and
 * `--max-file-size`, loads, and on any problem prints it and answers undefined (the caller exits 2); the limits
 * come back with the scenarios, for the files the command reads next.
 *
 * @example
 * const loaded = loadEveryScenario(paths, flags, io);
 * if (loaded === undefined) return exit(EXIT.invalid);
 */
export function loadEveryScenario(
  paths: string[],
  flags: InputFlags,
  io: Io,
): (Loaded & { readonly limits: InputLimits }) | undefined {
  const limits = inputLimits(flags, io);
  if (!limits.ok) {
    printProblems(io, limits.issues);
    return undefined;
  }
  const loaded = loadAll(paths, io, [], limits.value);
  if (loaded.errors.length > 0) {
    printProblems(io, loaded.errors, loaded.warnings);
    return undefined;
  }
  return { ...loaded, limits: limits.value };
}

/**
 * Loads every scenario named by `args`. No scenario files at all is itself an error (contract §4).
 * `limits` are `--import-root` (default: the working folder) and `--max-file-size`.
 * In a folder, a file that a scenario of the run imports with `{ from }` is skipped silently, and an
 * export nobody imports (Get-MpPreference output, an indicator CSV) is skipped with one warning line
 * on stderr (issue 11 #6); named directly, such an export is an error of one line.
 */
export function loadAll(
  args: readonly string[],
  io: Io,
  overrides: readonly string[] = [],
  limits: Partial<InputLimits> = {},
): Loaded {
  const inputs = new Set<string>();
  const read = {
    importRoot: limits.importRoot ?? io.cwd,
    ...(limits.maxFileSize === undefined ? {} : { maxFileSize: limits.maxFileSize }),
    onRead: (path: string) => void inputs.add(path),
  };
  const { files, walked, issues } = collectScenarioFiles(args, io.cwd);
  const errors: Issue[] = [...issues];
  const warnings: Issue[] = [];
  const skipped: Issue[] = [];
  const scenarios: Scenario[] = [];
  if (files.length === 0 && issues.length === 0) {
    errors.push({
      code: 'no_scenarios',
      path: [],
      message: `no scenario files (*.yaml, *.yml, *.json) found in ${args.join(', ')}`,
      hint: 'name a scenario file or a folder that contains some',
    });
  }
  const results: [string, Result<Scenario>][] = files.map((file) => [
    file,
    loadScenarioFile(resolve(io.cwd, file), overrides, read),
  ]);
  // Every scenario is loaded before any file is judged: an export may come before the scenario importing it.
  const imported = new Set(
    results.flatMap(([, loaded]) => (loaded.ok ? loaded.value.imports.map((path) => resolve(io.cwd, path)) : [])),
  );
  const at = (issue: Issue, file: string): Issue => ({
    ...issue,
    file: issue.file === undefined ? file : displayPath(io.cwd, issue.file),
  });
  for (const [file, loaded] of results) {
    // The loader answers a bug with an issue so it never throws; the contract makes that exit 3, not "invalid input".
    const bug = loaded.ok ? undefined : loaded.issues.find((issue) => issue.code === 'internal_error');
    if (bug !== undefined) throw new Error(`${file}: ${bug.message} (a bug in edrsim; please report it with the file)`);
    if (loaded.ok) {
      scenarios.push({ ...loaded.value, file });
      // Capped here, once per file, so every format (text, JSON, JUnit, SARIF) shows the same bounded list.
      // An imported file's warnings (a skipped CSV row) keep their own file.
      append(
        warnings,
        capIssues(
          loaded.value.warnings.map((warning) => at(warning, file)),
          file,
        ),
      );
    } else if (walked.has(file) && imported.has(resolve(io.cwd, file))) {
      continue;
    } else if (walked.has(file) && loaded.issues.length === 1 && loaded.issues[0]?.code === 'export_not_scenario') {
      skipped.push({ ...loaded.issues[0], file, line: undefined, column: undefined, severity: 'warning' });
    } else {
      append(
        errors,
        capIssues(
          loaded.issues.map((issue) => at(issue, file)),
          file,
        ),
      );
    }
  }
  // One line per file, without the `(root)` path: the whole file is what the line is about.
  for (const skip of skipped) io.err(`⚠ ${escapeInvisible(`${skip.file ?? ''}: ${skip.message}`)}\n`);
  return { scenarios, errors, warnings, skipped, inputs: [...inputs] };
}

/**
 * Prints problems to stderr, every one at once; when there are errors, a last line counts errors and
 * warnings apart ("2 errors, 1 warning"): a failed file's list carries its warnings too.
 */
export function printProblems(io: Io, errors: readonly Issue[], warnings: readonly Issue[] = []): void {
  // A hint's cite (`(excl-mistakes)`, `(§4.2, C11)`) gets a footnote with the page's title and link, indented
  // under the problems, so that the last line still counts them.
  const notes = new CiteNotes();
  const cited = (text: string): string =>
    text
      .split('\n')
      .map((line) => notes.refTrailing(line))
      .join('\n');
  const footnotes = (): string =>
    notes.empty
      ? ''
      : `${notes
          .lines(io.columns === undefined ? undefined : io.columns - 2)
          .map((line) => `  ${line}`)
          .join('\n')}\n`;
  const asWarnings = warnings.map((w) => ({ ...w, severity: 'warning' as const }));
  const warned = warnings.length > 0 ? `${cited(formatIssues(asWarnings))}\n` : '';
  if (errors.length === 0) {
    if (warned !== '') io.err(`${warned}${footnotes()}`);
    return;
  }
  const counted = countIssues(errors);
  const warningCount = counted.warnings + countIssues(asWarnings).warnings;
  const counts = [plural(counted.errors, 'error'), ...(warningCount > 0 ? [plural(warningCount, 'warning')] : [])];
  const failed = `${cited(formatIssues(errors))}\n`;
  io.err(`${warned}${failed}${footnotes()}${counts.join(', ')}\n`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
