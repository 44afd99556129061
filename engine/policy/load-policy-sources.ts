/** The policy importers the scenario loader is given for Intune policies and local admin lists (wired in run-scenario.ts). */
import { append } from '../core/append.ts';
import type { ExclusionLists } from '../core/config.ts';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';
import { mergeExclusionSources } from './exclusions/merge-exclusion-sources.ts';
import { combineIntunePolicies, type CombinedIntunePolicy, type SourcedIntunePolicy } from './intune/combine-intune-policies.ts';
import { importIntunePolicy } from './intune/import-intune-policy.ts';

/**
 * Reads the Intune policy files assigned to one device and combines them (Intune's merge of the
 * exclusion lists, one warning per conflicting setting). Every issue names its file.
 *
 * @example
 * importIntunePolicies([{ text, file: 'av.json' }]).exclusions.paths; // the policy's Excluded Paths
 */
export function importIntunePolicies(files: readonly { readonly text: string; readonly file: string }[]): CombinedIntunePolicy {
  const issues: Issue[] = [];
  const sources: SourcedIntunePolicy[] = [];
  for (const { text, file } of files) {
    const imported = importIntunePolicy(text);
    append(
      issues,
      imported.issues.map((issue) => ({ ...issue, file })),
    );
    for (const policy of imported.policies) sources.push({ policy, file });
  }
  const combined = combineIntunePolicies(sources);
  append(issues, combined.issues);
  return { ...combined, issues };
}

/**
 * An Intune export read where only exclusion lists go (`exclusions: { from }`): its merged lists, and a
 * warning for each modelled setting, which applies per device (`devices[].intune`), not here.
 *
 * @example
 * importIntuneExclusions(text).ok; // true when every policy in the file reads
 */
export function importIntuneExclusions(text: string): Result<ExclusionLists & { readonly warnings: readonly Issue[] }> {
  const imported = importIntunePolicy(text);
  if (imported.issues.some((issue) => issue.severity !== 'warning')) return fail(imported.issues);
  const combined = combineIntunePolicies(imported.policies.map((policy) => ({ policy })));
  const warnings: Issue[] = [...imported.issues];
  for (const policy of imported.policies)
    for (const [key, found] of Object.entries(policy.settings)) {
      if (found === undefined) continue;
      warnings.push({
        code: 'intune_setting_ignored',
        path: found.path,
        line: found.line,
        column: found.column,
        severity: 'warning',
        message: `${key} is a device setting and is ignored in an exclusions import`,
        hint: 'import the policy with devices[].intune to apply it to a device',
      });
    }
  return ok({ ...combined.exclusions, warnings });
}

/**
 * §4.1: a local admin's lists merged with the policy lists (Group Policy, Intune, ConfigMgr): the local
 * entries kept, and a warning per local entry left out (a duplicate, a conflict the policy wins, or
 * every entry when `DisableLocalAdminMerge` is on).
 *
 * @example
 * mergeLocalExclusions(EMPTY_EXCLUSIONS, { paths: ['C:\\Tmp'] }, true).issues[0]?.code; // 'local_exclusion_ignored'
 */
export function mergeLocalExclusions(
  policy: ExclusionLists,
  local: Partial<ExclusionLists>,
  disableLocalAdminMerge: boolean,
): { readonly kept: ExclusionLists; readonly issues: readonly Issue[] } {
  const merged = mergeExclusionSources({ policy, local }, { disableLocalAdminMerge });
  const kept = {
    paths: merged.lists.paths.slice(policy.paths.length),
    extensions: merged.lists.extensions.slice(policy.extensions.length),
    processes: merged.lists.processes.slice(policy.processes.length),
  };
  const issues = merged.reasons.map((reason): Issue => ({
    code: 'local_exclusion_ignored',
    path: [],
    severity: 'warning',
    message: `${reason.message} (${reason.cite})`,
  }));
  return { kept, issues };
}
