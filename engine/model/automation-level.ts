/** Where AIR puts a remediation: History (automatic), Pending (approval) or nowhere, per automation level and folder (§6.5). */
import type { License } from '../core/config.ts';
import type { ActionCenterTab, AutomationLevel, Reason } from '../core/vocabulary.ts';
import type { AirVerdict } from '../policy/indicators/air-verdict.ts';
import { CORE_FOLDERS, TEMPORARY_FOLDERS, folderMatch } from './air-folders.ts';

/** A remediation's place in the Action Center, with the rule that put it there. */
export interface TabDecision {
  /** `none`: AIR proposes no action at all. */
  readonly tab: ActionCenterTab | 'none';
  readonly reason: Reason;
}

const air = (code: string, message: string, cite: string): Reason => ({ layer: 'air', code, message, cite });
const decide = (tab: TabDecision['tab'], ...reason: Parameters<typeof air>): TabDecision => ({ tab, reason: air(...reason) });

/**
 * Where AIR's remediation of one piece of evidence goes (§6.5, T71–T78): nowhere under `none` or for *No threats
 * found*; Pending for *Suspicious* under every Full or Semi level (for Full the §9 gap is filled by the XDR table);
 * for *Malicious*, History under `full`, Pending under `semi-all-folders`, Pending in a core folder and History
 * elsewhere under `semi-core-folders`, History in a temporary folder and Pending elsewhere under
 * `semi-non-temp-folders`. `path` is the file's path; evidence without one (a registry key, a service) is in no
 * listed folder ([inference]: the folder rules speak of files and executables).
 *
 * @example
 * remediationTab('semi-core-folders', 'Malicious', 'C:\\Windows\\System32\\evil.dll').tab; // 'pending' (T71)
 * remediationTab('semi-non-temp-folders', 'Malicious', 'C:\\Users\\u\\AppData\\Local\\Temp\\x.exe').tab; // 'history' (T73)
 */
export function remediationTab(level: AutomationLevel, verdict: AirVerdict, path?: string): TabDecision {
  if (level === 'none') return decide('none', 'air-off', 'no automated response: AIR does not run, so it adds no action', 'T78');
  if (verdict === 'No threats found')
    return decide('none', 'air-no-threats', 'verdict "No threats found": no action under any level', 'T77');
  if (verdict === 'Suspicious')
    return decide('pending', 'air-suspicious', 'verdict "Suspicious": the action awaits approval under every level', 'T76, §9');
  switch (level) {
    case 'full':
      return decide('history', 'air-full', 'Full automation: a Malicious verdict is remediated automatically', '§6.5');
    case 'semi-all-folders':
      return decide('pending', 'air-semi-all', 'Semi – approval required for all folders', '§6.5');
    case 'semi-core-folders': {
      const core = path === undefined ? undefined : folderMatch(path, CORE_FOLDERS);
      return core === undefined
        ? decide('history', 'air-not-core', 'Semi – core folders: not in a core folder, so remediated automatically', 'T72')
        : decide(
            'pending',
            'air-core',
            `Semi – core folders: in core folder \`${core}\`, so the action awaits approval`,
            'T71, §7 C15',
          );
    }
    case 'semi-non-temp-folders': {
      const temp = path === undefined ? undefined : folderMatch(path, TEMPORARY_FOLDERS);
      return temp === undefined
        ? decide(
            'pending',
            'air-not-temp',
            'Semi – non-temp folders: not in a temporary folder, so the action awaits approval',
            'T74',
          )
        : decide(
            'history',
            'air-temp',
            `Semi – non-temp folders: in temporary folder \`${temp}\`, so remediated automatically`,
            'T73, §7 C15',
          );
    }
  }
}

/** 2020-08-16T00:00:00Z: tenants created on or after it default to Full automation (§6.5; the page gives no zone, UTC [inference]). */
export const FULL_DEFAULT_SINCE = Date.UTC(2020, 7, 16);

/**
 * The automation level of a device group that sets none: Full for tenants created on or after 2020-08-16,
 * otherwise Semi – all folders (§6.5). `createdAt` is epoch milliseconds.
 *
 * @example
 * defaultAutomationLevel(Date.UTC(2020, 7, 15)); // 'semi-all-folders'
 */
export function defaultAutomationLevel(createdAt: number): AutomationLevel {
  return createdAt >= FULL_DEFAULT_SINCE ? 'full' : 'semi-all-folders';
}

/** What decides one device's level: its group's own level (if it is in a group), the tenant's fallbacks. */
export interface LevelInput {
  /** The device's group, or undefined for an ungrouped device. */
  readonly group?: { readonly automationLevel?: AutomationLevel };
  /** `tenant.ungroupedAutomationLevel`; default: the tenant default. */
  readonly ungroupedAutomationLevel?: AutomationLevel;
  /** `tenant.createdAt`, epoch ms. */
  readonly createdAt: number;
  readonly license: License;
}

/**
 * A device's automation level: `none` on Plan 1 (no AIR), else its group's level, an ungrouped device's
 * `ungroupedAutomationLevel`, and the tenant default for whatever is left unset (§6.5).
 *
 * @example
 * deviceAutomationLevel({ group: {}, createdAt: Date.UTC(2024, 0, 1), license: 'plan-2' }); // 'full'
 */
export function deviceAutomationLevel(input: LevelInput): AutomationLevel {
  if (!airLicensed(input.license)) return 'none';
  const own = input.group === undefined ? input.ungroupedAutomationLevel : input.group.automationLevel;
  return own ?? defaultAutomationLevel(input.createdAt);
}

/**
 * Whether a licence includes AIR: Plan 2 does, Plan 1 has only the manual response actions of §6.4 (air-review).
 * Defender for Business is not in the licence vocabulary yet.
 */
export function airLicensed(license: License): boolean {
  return license === 'plan-2';
}
