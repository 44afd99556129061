/** The main use case as one library call: read a scenario file with the policy engine wired in, run it, report it. */
import { ok, type Path, type Result } from './core/issue.ts';
import { importComputerStatus, recogniseComputerStatus, resolveMode, statusDevice } from './model/index.ts';
import { modelAt } from './pipeline/model-at.ts';
import { codeFilter } from './pipeline/code-filter.ts';
import { streamSimulation } from './pipeline/run-simulation.ts';
import { importMpPreference, lintExclusions, parseExclusions, recogniseMpPreference } from './policy/exclusions/index.ts';
import {
  importIndicatorApi,
  importIndicatorCsv,
  parseIndicators,
  recogniseIndicatorApi,
  recogniseIndicatorCsv,
} from './policy/indicators/index.ts';
import { recogniseIntunePolicy } from './policy/intune/index.ts';
import { importIntuneExclusions, importIntunePolicies, mergeLocalExclusions } from './policy/load-policy-sources.ts';
import { buildScenarioReport } from './report/build-scenario-report.ts';
import type { ScenarioReport } from './report/scenario-report.ts';
import { readScenarioFile, type LoadOptions, type Scenario } from './scenario/index.ts';

const under = (base: Path, path: Path): Path => [...base, ...path];

/** The loader's injected dependencies: policy/ owns the grammars, so scenario/ stays independent of it. */
export const POLICY_LOAD_OPTIONS: LoadOptions = {
  // Invalid entries are errors; lint findings (§4.4 common mistakes) come back as warnings.
  validateExclusions: (lists, path) =>
    [...parseExclusions(lists).issues, ...lintExclusions(lists)].map((issue) => ({ ...issue, path: under(path, issue.path) })),
  validateIndicators: (raw, path) => parseIndicators(raw, { path: [...path] }).issues,
  // `exclusions: { from }` takes Get-MpPreference output or an Intune policy; `indicators: { from }` the CSV or the API JSON.
  importMpPreference: (text) => (recogniseIntunePolicy(text) ? importIntuneExclusions(text) : importMpPreference(text)),
  importIndicatorCsv: (text, options) =>
    recogniseIndicatorApi(text) ? importIndicatorApi(text) : importIndicatorCsv(text, options),
  importIntunePolicies,
  mergeLocalExclusions,
  importComputerStatus: (text) => {
    const facts = importComputerStatus(text);
    return facts.ok ? ok(statusDevice(facts.value)) : facts;
  },
  resolveStartMode: (device) => {
    const resolved = resolveMode(device, undefined);
    return { mode: resolved.mode, message: resolved.reasons[0]?.message ?? '' };
  },
  // The same recognisers the importers use, so a file is an export here exactly when `from:` takes it.
  recogniseExport: (text) =>
    recogniseMpPreference(text) !== undefined
      ? { what: 'a Get-MpPreference export', key: 'exclusions' }
      : recogniseIndicatorCsv(text)
        ? { what: 'an indicator import CSV', key: 'indicators' }
        : recogniseIntunePolicy(text)
          ? { what: 'an Intune policy export', key: 'devices[].intune' }
          : recogniseIndicatorApi(text)
            ? { what: 'an indicators API export', key: 'indicators' }
            : recogniseComputerStatus(text) !== undefined
              ? { what: 'a Get-MpComputerStatus export', key: 'devices' }
              : undefined,
};

/** How files are read: `--import-root`, `--max-file-size`, and who is told of each file read. */
export type ReadOptions = Pick<LoadOptions, 'importRoot' | 'maxFileSize' | 'onRead'>;

/**
 * Loads a scenario from disk; `overrides` are `--set KEY=VALUE` strings (default none), `read` the
 * reader's limits (default: imports confined to the scenario's folder, the reader's default size limit).
 *
 * @example
 * const loaded = loadScenarioFile('scenarios/01-modes/02-passive-with-block-mode.yaml');
 * if (!loaded.ok) console.error(formatIssues(loaded.issues));
 */
export function loadScenarioFile(file: string, overrides: readonly string[] = [], read: ReadOptions = {}): Result<Scenario> {
  return readScenarioFile(file, { ...POLICY_LOAD_OPTIONS, ...read, overrides });
}

/**
 * Runs one scenario and evaluates its `expect` entries. Memory does not grow with the number of
 * artifacts: the report keeps counts and the verdicts `expect` names, and streams the rest on `replay`.
 *
 * @example
 * runScenario(scenario).passed; // true when every expectation holds
 */
export function runScenario(scenario: Scenario): ScenarioReport {
  return buildScenarioReport(
    scenario,
    (sinks) => streamSimulation(scenario, sinks),
    (device, at) => modelAt(scenario, at).device(device),
    // Expectations a decision's code answers are counted without explaining a verdict (issue 13).
    codeFilter,
  );
}

/**
 * Loads a scenario file and runs it: bad input comes back as issues (the CLI's exit 2), a loaded
 * scenario as its report. Options as for {@link loadScenarioFile}.
 *
 * @example
 * const run = runScenarioFile('scenarios/01-modes/02-passive-with-block-mode.yaml');
 * if (run.ok) renderJson([run.value], (chunk) => process.stdout.write(chunk)); // one verdict per artifact
 */
export function runScenarioFile(file: string, overrides: readonly string[] = [], read: ReadOptions = {}): Result<ScenarioReport> {
  const loaded = loadScenarioFile(file, overrides, read);
  return loaded.ok ? ok(runScenario(loaded.value)) : loaded;
}
