/**
 * Defender Antivirus exclusions (§4): parse the three lists, compile them into an indexed matcher,
 * explain and lint them, and import them from `Get-MpPreference`. Pure; imports only engine/core.
 *
 * @example
 * import { buildExclusionMatcher } from './engine/policy/exclusions/index.ts';
 * const built = buildExclusionMatcher({ paths: ['C:\\Tools\\'], extensions: ['log'], processes: ['C:\\Backup\\agent.exe'] });
 * if (built.ok) built.value.matcher.match({ path: 'C:\\Tools\\x.exe', trigger: 'on-access' })?.reason.message;
 * // 'excluded by ExclusionPath entry 1: `C:\\Tools\\` (folder, recursive)'
 */

// Parse
export { parseExclusions, hasErrors, type ParsedExclusions } from './parse-exclusions.ts';
export { parsePathEntry, type EntryParse } from './parse-path-entry.ts';
export { parseExtensionEntry, parseProcessEntry } from './parse-list-entries.ts';
export { parsePathPattern } from './parse-path-pattern.ts';
export { expandEnvVars, type EnvExpansion } from './expand-env-vars.ts';
export { pathSegments, normalizePath } from './normalize-path.ts';
export { compileSegmentGlob, matchSegmentGlob, countWildcards, type SegmentGlob } from './segment-glob.ts';

// Entries and targets
export {
  LIST_LABELS,
  type ExclusionEntry,
  type PathEntry,
  type ExtensionEntry,
  type ProcessEntry,
  type PathPattern,
  type ProcessPattern,
  type Restrictions,
  type ScanTriggerValue,
  type ExclusionListName,
  type ExclusionTarget,
  type ExclusionMatch,
  type ExclusionOptions,
} from './exclusion-entry.ts';

// Compile, match, explain
export { compileExclusions, type ExclusionMatcher, type EntryDecision } from './compile-exclusions.ts';
export { buildExclusionMatcher, type BuildOptions, type BuiltMatcher } from './build-exclusion-matcher.ts';
export { entryVerdict, isRealTime, type EntryVerdict } from './entry-verdict.ts';
export { explainExclusion, type ExplainOptions } from './explain-exclusion.ts';
export { checkExclusion, type CheckTarget, type CheckResult } from './check-exclusion.ts';
export { matchReason, entryName } from './describe-entry.ts';

// Lint
export { lintExclusions, type LintOptions } from './lint-exclusions.ts';

// Library-level extras: server roles, policy/local merge, Get-MpPreference
export {
  serverRoleExclusions,
  SERVER_ROLES,
  SERVER_ROLE_LISTS,
  type ServerRole,
  type ServerRoleOptions,
  type ServerRoleExclusions,
} from './server-role-exclusions.ts';
export {
  mergeExclusionSources,
  type ExclusionSources,
  type MergeOptions,
  type MergedExclusions,
} from './merge-exclusion-sources.ts';
export { importMpPreference } from './import-mp-preference.ts';
export { recogniseMpPreference } from './recognise-mp-preference.ts';
export { formatMpPreference, type FormatOptions } from './format-mp-preference.ts';
export { exportSetMpPreference, type SetMpPreferenceOptions } from './export-set-mp-preference.ts';
