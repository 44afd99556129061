/**
 * edrsim's public surface: load a scenario, model devices, read policy as Defender reads it, run the
 * pipeline, and project reports. Everything not listed here is internal.
 *
 * @example
 * import { runScenarioFile, renderJson } from './engine/index.ts';
 * const run = runScenarioFile('scenarios/01-modes/02-passive-with-block-mode.yaml');
 * if (run.ok) renderJson([run.value], (chunk) => process.stdout.write(chunk));
 *
 * @example
 * import { loadScenario, runSimulation } from './engine/index.ts';
 * const loaded = loadScenario(text, 'my.yaml');
 * if (loaded.ok) runSimulation(loaded.value).counts.byOutcome; // { blocked: 1, detected: 0, … }
 */

/* Core vocabulary */
export type { Artifact, Signals, WrittenPaths } from './core/artifact.ts';
export { canonicalPath, isCanonicalPath, shortNameIn } from './core/canonical-path.ts';
export { citeParts, resolveCite, type CiteLink, type ResolvedCite } from './core/cite/resolve-cite.ts';
export type { CiteSource, CiteSourceKind } from './core/cite/cite-sources.ts';
export {
  DEFAULT_CONFLICT_SETTINGS,
  DEFAULT_MDAV,
  DEFAULT_TENANT,
  deviceWithDefaults,
  type ConflictSettings,
  type DeviceConfig,
  type ExclusionLists,
  type TenantConfig,
} from './core/config.ts';
export { formatDuration, MAX_DURATION_MS, parseDuration, parseTime } from './core/duration.ts';
export { capIssues, formatIssues, MAX_ISSUES_PER_FILE, type Issue, type Result } from './core/issue.ts';
export { Rng } from './core/random.ts';
export type { ChangeSpec, GenerateSpec, TimelineEvent } from './core/simulation-input.ts';
export { compareVersions, parseVersion, type Version } from './core/version.ts';
export type { Blocker, DetectionStatus, MdavMode, Outcome, Reason, RunningMode, Trigger } from './core/vocabulary.ts';

/* Scenarios */
export {
  loadScenario,
  readScenarioFile,
  scenarioJsonSchema,
  type Expectation,
  type LoadOptions,
  type Scenario,
} from './scenario/index.ts';

/* Model */
export {
  blockModeRequirements,
  createFleetModel,
  diagnoseStatus,
  edrBlockModeRecommendation,
  importComputerStatus,
  mpComputerStatus,
  resolveMode,
  runningMode,
  winDefendService,
  type DeviceState,
  type StatusDiagnosis,
  type FleetModel,
} from './model/index.ts';

/* Policy: exclusions */
export {
  buildExclusionMatcher,
  checkExclusion,
  explainExclusion,
  importMpPreference,
  lintExclusions,
  parseExclusions,
} from './policy/exclusions/index.ts';

/* Policy: indicators and device groups */
export {
  compileIndicators,
  decideFile,
  evaluateNetwork,
  importIndicatorApi,
  importIndicatorCsv,
  indicatorsHonoured,
  lookupFileIndicator,
  parseIndicators,
} from './policy/indicators/index.ts';
export { compileDeviceGroups, resolveDeviceGroup } from './policy/device-groups.ts';

/* Policy: Intune antivirus policies exported from Graph (read, combine per device, write back) */
export { buildIntunePolicy, combineIntunePolicies, importIntunePolicy } from './policy/intune/index.ts';
export type { IntuneDeviceSettings, IntunePolicy, IntunePolicyInput } from './policy/intune/index.ts';
export { importIntunePolicies, mergeLocalExclusions } from './policy/load-policy-sources.ts';

/* Pipeline */
export { decideArtifact } from './pipeline/decide-artifact.ts';
export { explainArtifact } from './pipeline/explain-artifact.ts';
export { CompactVerdict, plainVerdict } from './pipeline/compact-verdict.ts';
export { decidingEntries, type DecidingEntries } from './pipeline/deciding-entries.ts';
export type { ExclusionOrigin, ExclusionRef } from './pipeline/exclusion-ref.ts';
export { modelAt } from './pipeline/model-at.ts';
export {
  countSimulation,
  runSimulation,
  streamSimulation,
  type NumberedActionCenterEntry,
  type NumberedAlert,
  type RunResult,
  type RunSinks,
  type RunSummary,
} from './pipeline/run-simulation.ts';
export type { SimulationInput } from './pipeline/sim-input.ts';
export { isVerdict, simulate$, type ChangeRecord, type SimOutput } from './pipeline/simulate.ts';
export { generateArtifacts, generateArtifactsFor } from './pipeline/synth/index.ts';
export type { ActionCenterEntry, Alert, Verdict } from './pipeline/verdict.ts';

/* The main use case: scenario file in, report out */
export { loadScenarioFile, POLICY_LOAD_OPTIONS, runScenario, runScenarioFile, type ReadOptions } from './run-scenario.ts';

/* Reports */
export { buildScenarioReport } from './report/build-scenario-report.ts';
export { renderCsv } from './report/csv-report.ts';
export { renderVerdictsCsv, VERDICT_CSV_COLUMNS } from './report/verdicts-csv.ts';
export { renderJson } from './report/json-report.ts';
export type { JsonReport, JsonScenario, JsonVerdict } from './report/json-report-shape.ts';
export { renderJunit } from './report/junit-report.ts';
export { renderApi, type ApiOptions, type ScenarioAir } from './report/api-report.ts';
export { NO_AIR, type AlertAir } from './report/api-alert.ts';
export type { InvestigationFact, ManualActionFact } from './report/api-air-records.ts';
export type {
  ApiAlert,
  ApiEvidence,
  ApiInvestigation,
  ApiMachineAction,
  ApiReport,
  InvestigationState,
} from './report/api-shape.ts';
export { renderHunting } from './report/hunting-report.ts';
export { HUNTING_TABLES, type HuntingTable } from './report/hunting-columns.ts';
export { renderGithubAnnotations } from './report/github-annotations.ts';
export { findingsInput, type Findings } from './report/sarif-findings.ts';
export type { SarifFinding, SarifInput, SarifLevel, SarifLocation, SarifOptions, SarifRule } from './report/sarif-input.ts';
export { FINGERPRINT_KEY, renderSarif } from './report/sarif-report.ts';
export { expectationRule, issueRule } from './report/sarif-rules.ts';
export { renderValidationJson, type ValidationReport, type ValidFile } from './report/validation-report.ts';
export { renderText, type TextOptions } from './report/text-report.ts';
export { CiteNotes } from './report/cite-notes.ts';
export { renderTable, type TableOptions } from './report/table.ts';
export { visibleWidth, wrapText } from './core/wrap-text.ts';
export type { ExpectationResult, ScenarioReport, Write } from './report/scenario-report.ts';

/* Policy diff: what a change does to protection (`edrsim diff`) */
export { runDiff, DEFAULT_GENERATE, type DiffOptions } from './diff/run-diff.ts';
export {
  loadPolicySource,
  SOURCE_KINDS,
  type LoadedSource,
  type SourceKind,
  type SourceOptions,
} from './diff/load-policy-source.ts';
export type { DiffPolicy } from './diff/diff-policy.ts';
export type { DiffReport, ChangeEffect, FlipExample, LabelCounts } from './diff/diff-report.ts';
export type { PolicyChange } from './diff/policy-change.ts';
export { DIFF_RULES, diffFindings, diffSarifInput } from './diff/diff-findings.ts';
export { renderDiffText } from './diff/render-diff-text.ts';
export { renderDiffMarkdown } from './diff/render-diff-markdown.ts';
