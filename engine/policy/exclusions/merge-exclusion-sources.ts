/** Merges Group Policy (or Intune/ConfigMgr) lists with local admin lists: merged by default, policy wins (§4.1). */
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import type { Reason } from '../../core/vocabulary.ts';
import { expandEnvVars } from './expand-env-vars.ts';
import { normalizePath } from './normalize-path.ts';

export interface ExclusionSources {
  /** Lists from Group Policy, Intune or Configuration Manager. */
  readonly policy: Partial<ExclusionLists>;
  /** Lists set locally with PowerShell (`Set-/Add-MpPreference`) or WMI. */
  readonly local: Partial<ExclusionLists>;
}

export interface MergeOptions {
  /** `DisableLocalAdminMerge`: when true only the policy lists apply. Default false. */
  readonly disableLocalAdminMerge?: boolean;
}

export interface MergedExclusions {
  readonly lists: ExclusionLists;
  /** One reason per local entry left out: a duplicate, a conflict the policy won, or merging off. */
  readonly reasons: readonly Reason[];
}

/** What an entry names (path, extension or process) and its contextual restrictions, normalised. */
function entryKeys(list: keyof ExclusionLists, text: string): { target: string; full: string } {
  const trimmed = text.trim();
  if (list === 'extensions') {
    const extension = trimmed.replace(/^\./, '').toLowerCase();
    return { target: extension, full: extension };
  }
  const marker = trimmed.indexOf(':{');
  const target = normalizePath(expandEnvVars(marker > 0 ? trimmed.slice(0, marker - 1) : trimmed).text);
  return { target, full: marker > 0 ? `${target}${trimmed.slice(marker)}` : target };
}

const LISTS = ['paths', 'extensions', 'processes'] as const;

/**
 * Merges policy and local lists: policy entries first, then local ones. A local entry naming the
 * same target as a policy entry is dropped, as a duplicate when identical and as a conflict the policy
 * wins otherwise (T70). With `disableLocalAdminMerge` the local lists are ignored.
 *
 * @example
 * mergeExclusionSources({ policy: { paths: ['C:\\A'] }, local: { paths: ['c:\\a\\', 'C:\\B'] } }).lists.paths; // ['C:\\A', 'C:\\B']
 */
export function mergeExclusionSources(sources: ExclusionSources, options: MergeOptions = {}): MergedExclusions {
  const reasons: Reason[] = [];
  const merged = { paths: [] as string[], extensions: [] as string[], processes: [] as string[] };
  for (const list of LISTS) {
    const policy = sources.policy[list] ?? [];
    const local = sources.local[list] ?? [];
    append(merged[list], policy);
    if (options.disableLocalAdminMerge === true) {
      if (local.length > 0) {
        const message = `${local.length} local ${list} entries ignored: DisableLocalAdminMerge is on`;
        reasons.push({ layer: 'exclusion', code: 'local-merge-disabled', message, cite: '§4.1' });
      }
      continue;
    }
    const byTarget = new Map(policy.map((text) => [entryKeys(list, text).target, text] as const));
    for (const text of local) {
      const keys = entryKeys(list, text);
      const winner = byTarget.get(keys.target);
      if (winner === undefined) {
        byTarget.set(keys.target, text);
        merged[list].push(text);
      } else if (entryKeys(list, winner).full === keys.full) {
        const message = `local ${list} entry \`${text}\` duplicates \`${winner}\`; kept once`;
        reasons.push({ layer: 'exclusion', code: 'duplicate-entry', message, cite: '§4.1' });
      } else {
        const message = `local ${list} entry \`${text}\` conflicts with \`${winner}\`; the policy entry wins`;
        reasons.push({ layer: 'exclusion', code: 'policy-wins', message, cite: '§4.1' });
      }
    }
  }
  return { lists: merged, reasons };
}
