/** Reads one scenario file with the policy engine wired in: exclusion and indicator grammar, lint, imports. */
import type { Path, Result } from '../core/issue.ts';
import { importMpPreference, lintExclusions, parseExclusions, recogniseMpPreference } from '../policy/exclusions/index.ts';
import { importIndicatorCsv, parseIndicators, recogniseIndicatorCsv } from '../policy/indicators/index.ts';
import { readScenarioFile, type LoadOptions, type Scenario } from '../scenario/index.ts';

const under = (base: Path, path: Path): Path => [...base, ...path];

/** The loader's injected dependencies: policy/ owns the grammars, so scenario/ stays independent of it. */
export const POLICY_LOAD_OPTIONS: LoadOptions = {
  // Invalid entries are errors; lint findings (§4.4 common mistakes) come back as warnings.
  validateExclusions: (lists, path) =>
    [...parseExclusions(lists).issues, ...lintExclusions(lists)].map((issue) => ({ ...issue, path: under(path, issue.path) })),
  validateIndicators: (raw, path) => parseIndicators(raw, { path: [...path] }).issues,
  importMpPreference,
  importIndicatorCsv: (text, options) => importIndicatorCsv(text, options),
  // The same recognisers the importers use, so a file is an export here exactly when `from:` takes it.
  recogniseExport: (text) =>
    recogniseMpPreference(text) !== undefined
      ? { what: 'a Get-MpPreference export', key: 'exclusions' }
      : recogniseIndicatorCsv(text)
        ? { what: 'an indicator import CSV', key: 'indicators' }
        : undefined,
};

/** How files are read: `--import-root`, `--max-file-size`, and who is told of each file read. */
export type ReadOptions = Pick<LoadOptions, 'importRoot' | 'maxFileSize' | 'onRead'>;

/**
 * Loads a scenario from disk; `overrides` are `--set KEY=VALUE` strings, `read` the reader's limits.
 *
 * @example
 * const loaded = loadScenarioFile('scenarios/01-modes/passive-block-mode.yaml');
 * if (!loaded.ok) console.error(formatIssues(loaded.issues));
 */
export function loadScenarioFile(file: string, overrides: readonly string[] = [], read: ReadOptions = {}): Result<Scenario> {
  return readScenarioFile(file, { ...POLICY_LOAD_OPTIONS, ...read, overrides });
}
