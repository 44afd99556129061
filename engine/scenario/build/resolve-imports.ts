/** Resolves `{ from: file }` imports of exclusions and indicators, and runs the injected list validators. */
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import type { Issue, Path } from '../../core/issue.ts';
import { quote, withExcerpts } from '../../core/quote.ts';
import type { LoadOptions } from '../load-options.ts';

/** What import resolution needs: the options, where issues go, and the scenario file imports are relative to. */
export interface ImportContext {
  readonly options: LoadOptions;
  readonly issues: Issue[];
  readonly file: string;
  /** Where each file read by an import is recorded, as {@link besideFile} names it. */
  readonly imports?: string[];
  /** Exclusion entries resolved so far in this scenario, inline and imported, for {@link MAX_EXCLUSION_ENTRIES}. */
  readonly tally?: { exclusionEntries: number };
}

/**
 * Exclusion entries one scenario may hold in all its lists (global, per device, fleet templates,
 * changes). Defender documents no limit; this one bounds memory before V8 does: a parsed and compiled
 * entry costs about 1.4 KB, so 400,000 imported paths took 750 MB, and three 16 MB imports 2.5 GB.
 */
export const MAX_EXCLUSION_ENTRIES = 500_000;

type ImportInput = { readonly from: string };
type ListsInput = {
  readonly paths?: readonly string[];
  readonly extensions?: readonly string[];
  readonly processes?: readonly string[];
};

function isImport(input: object): input is ImportInput {
  return 'from' in input;
}

/** `from` as a reader sees it next to the scenario: `dir/of/scenario/` + `from`, unless absolute. */
export function besideFile(file: string, from: string): string {
  if (/^(?:[/\\]|[A-Za-z]:[/\\])/.test(from)) return from;
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? from : `${file.slice(0, slash + 1)}${from}`;
}

/** Validator issues carry absolute paths; a validator that answered relative to `base` gets `base` prefixed. */
function absolute(issues: readonly Issue[], base: Path): Issue[] {
  return issues.map((issue) => {
    const inside = base.every((part, i) => issue.path[i] === part);
    return inside ? issue : { ...issue, path: [...base, ...issue.path] };
  });
}

/** Reads the file an import names, through the injected reader; undefined (with an issue at `from`) when it cannot. */
export function readImport(input: ImportInput, path: Path, what: string, context: ImportContext): string | undefined {
  const { readFile } = context.options;
  const at = [...path, 'from'];
  if (readFile === undefined) {
    context.issues.push({
      code: 'import_unavailable',
      path: at,
      message: `cannot import ${what} from ${quote(input.from)}: no file reader was given`,
      hint: 'load the scenario with readScenarioFile (or the CLI), or write the list inline',
    });
    return undefined;
  }
  context.imports?.push(besideFile(context.file, input.from));
  const read = readFile(input.from);
  if (read.ok) return read.value;
  // A file that cannot be read is a problem of the scenario line that names it.
  context.issues.push(
    ...read.issues.map((issue) => ({
      code: 'import_failed',
      path: at,
      message: `cannot import ${what} from ${quote(input.from)}: ${issue.message}`,
      received: issue.file,
      hint: issue.hint ?? 'the path is relative to the scenario file',
    })),
  );
  return undefined;
}

export function importerMissing(path: Path, input: ImportInput, what: string): Issue {
  return {
    code: 'import_unavailable',
    path: [...path, 'from'],
    message: `cannot import ${what} from ${quote(input.from)}: no importer was given`,
  };
}

/**
 * Exclusion lists from an inline map (unset lists stay unset) or a `{ from }` import through
 * `importMpPreference`, validated by `validateExclusions`. Undefined when absent or when importing failed.
 *
 * @example
 * resolveExclusions({ paths: ['C:\\Tools\\'] }, ['exclusions'], context); // { paths: ['C:\\Tools\\'] }
 */
export function resolveExclusions(
  input: ListsInput | ImportInput | undefined,
  path: Path,
  context: ImportContext,
): Partial<ExclusionLists> | undefined {
  if (input === undefined) return undefined;
  let lists: Partial<ExclusionLists> = input as ListsInput;
  if (isImport(input)) {
    const importer = context.options.importMpPreference;
    if (importer === undefined) {
      context.issues.push(importerMissing(path, input, 'exclusions'));
      return undefined;
    }
    const text = readImport(input, path, 'exclusions', context);
    if (text === undefined) return undefined;
    const imported = importer(text);
    if (!imported.ok) {
      const source = besideFile(context.file, input.from);
      append(
        context.issues,
        imported.issues.map((issue) => ({ ...issue, file: issue.file ?? source })),
      );
      return undefined;
    }
    const { warnings, ...read } = imported.value;
    if (warnings !== undefined) {
      const source = besideFile(context.file, input.from);
      append(
        context.issues,
        warnings.map((issue) => ({ ...issue, file: issue.file ?? source })),
      );
    }
    lists = read;
  }
  if (context.tally !== undefined) {
    const count = (lists.paths?.length ?? 0) + (lists.extensions?.length ?? 0) + (lists.processes?.length ?? 0);
    context.tally.exclusionEntries += count;
    if (context.tally.exclusionEntries > MAX_EXCLUSION_ENTRIES) {
      context.issues.push({
        code: 'too_many_exclusions',
        path: isImport(input) ? [...path, 'from'] : path,
        message: `the scenario holds ${context.tally.exclusionEntries} exclusion entries once this list is added (${count}), more than the ${MAX_EXCLUSION_ENTRIES} a run may compile`,
        hint: 'test the policy with the entries that matter to the question; a list this long is usually an export of several devices merged',
      });
      return undefined;
    }
  }
  const validate = context.options.validateExclusions;
  if (validate !== undefined) {
    const full: ExclusionLists = {
      paths: lists.paths ?? [],
      extensions: lists.extensions ?? [],
      processes: lists.processes ?? [],
    };
    const issues = absolute(validate(full, path), path);
    // An imported entry may be anything the file held: the validator's quotes of it are cut to excerpts (issue 10).
    const entries = isImport(input) ? [...full.paths, ...full.extensions, ...full.processes] : [];
    append(context.issues, entries.length === 0 ? issues : issues.map((issue) => withExcerpts(issue, entries)));
  }
  return lists;
}

/**
 * An indicator list, inline or imported with `{ from }` through `importIndicatorCsv` (whose issues keep
 * their own file), validated by `validateIndicators` when inline.
 *
 * @example
 * resolveIndicators([{ type: 'FileSha256', value: '…', action: 'Allowed' }], ['indicators'], context);
 */
export function resolveIndicators(
  input: readonly unknown[] | ImportInput | undefined,
  path: Path,
  context: ImportContext,
): readonly unknown[] | undefined {
  if (input === undefined) return undefined;
  if (Array.isArray(input)) {
    const validate = context.options.validateIndicators;
    if (validate !== undefined) append(context.issues, absolute(validate(input, path), path));
    return input;
  }
  const from = input as ImportInput & { readonly invalidRows?: 'refuse' | 'skip' };
  const importer = context.options.importIndicatorCsv;
  if (importer === undefined) {
    context.issues.push(importerMissing(path, from, 'indicators'));
    return undefined;
  }
  const text = readImport(from, path, 'indicators', context);
  if (text === undefined) return undefined;
  const imported = importer(text, from.invalidRows === undefined ? {} : { invalidRows: from.invalidRows });
  const source = besideFile(context.file, from.from);
  append(
    context.issues,
    imported.issues.map((issue) => ({ ...issue, file: issue.file ?? source })),
  );
  return imported.indicators;
}
