/** Combines the Intune policies assigned to one device as Intune does: exclusion lists merge, other settings conflict. */
import type { ExclusionLists } from '../../core/config.ts';
import type { Issue, Path } from '../../core/issue.ts';
import { quoteExcerpt } from '../../core/quote.ts';
import type { IntunePolicy } from './import-intune-policy.ts';
import type { IntuneDeviceSettings, IntuneSettingKey } from './intune-settings.ts';

/** A policy and the file it came from, so a conflict names both places. */
export interface SourcedIntunePolicy {
  readonly policy: IntunePolicy;
  readonly file?: string;
}

export interface CombinedIntunePolicy {
  readonly exclusions: ExclusionLists;
  readonly settings: IntuneDeviceSettings;
  /** One warning per conflicting setting, placed at the second policy that sets it. */
  readonly issues: readonly Issue[];
}

const LISTS = ['paths', 'extensions', 'processes'] as const;
const show = (value: number | boolean): string => (typeof value === 'number' ? `0x${value.toString(16)}` : String(value));

/**
 * Merges the policies' exclusion lists into one superset, in policy order, each entry once (case
 * ignored): Intune's "Policy merge for settings" names Excluded Paths, Extensions and Processes. A
 * non-list setting that two policies set to different values is a conflict: Intune reports it and the
 * device may get no value ("Conflicts can result in the user or device not receiving any policy for
 * the setting"), so the setting is left out and one warning line names the policies and values.
 *
 * @example
 * combineIntunePolicies([{ policy: a }, { policy: b }]).exclusions.paths; // a's paths, then b's not already listed
 */
export function combineIntunePolicies(sources: readonly SourcedIntunePolicy[]): CombinedIntunePolicy {
  const exclusions = { paths: [] as string[], extensions: [] as string[], processes: [] as string[] };
  for (const list of LISTS) {
    const seen = new Set<string>();
    for (const { policy } of sources)
      for (const entry of policy.lists[list]) {
        const key = entry.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        exclusions[list].push(entry);
      }
  }
  const settings: Record<string, number | boolean> = {};
  const first = new Map<IntuneSettingKey, SourcedIntunePolicy>();
  const conflicted = new Set<IntuneSettingKey>();
  const issues: Issue[] = [];
  for (const source of sources) {
    for (const [key, found] of Object.entries(source.policy.settings) as [
      IntuneSettingKey,
      { value: number | boolean; path: Path; line: number; column: number },
    ][]) {
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, source);
        settings[key] = found.value;
        continue;
      }
      const before = earlier.policy.settings[key]?.value as number | boolean;
      if (before === found.value) continue;
      conflicted.add(key);
      issues.push({
        code: 'intune_setting_conflict',
        path: found.path,
        ...(source.file === undefined ? {} : { file: source.file }),
        line: found.line,
        column: found.column,
        severity: 'warning',
        message: `${key} conflicts: policy ${quoteExcerpt(earlier.policy.name)} sets ${show(before)}, policy ${quoteExcerpt(source.policy.name)} sets ${show(found.value)}; the device gets neither`,
        hint: 'set it in one policy assigned to the device, as Intune reports a conflict otherwise',
      });
    }
  }
  for (const key of conflicted) delete settings[key];
  return { exclusions, settings: settings as IntuneDeviceSettings, issues };
}
