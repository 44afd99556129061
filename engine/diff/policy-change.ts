/** One entry-level difference between BASE and HEAD: the unit that attribution names and that can be applied alone. */
import type { ConflictSettings, DeviceGroupConfig } from '../core/config.ts';
import type { ExclusionListName } from '../policy/exclusions/index.ts';

/** An exclusion entry added or removed, in the global lists or one device's own (`device`). */
export interface ExclusionChange {
  readonly kind: 'exclusion-added' | 'exclusion-removed';
  readonly list: ExclusionListName;
  readonly text: string;
  readonly device?: string;
}

/** An indicator added, removed, or changed (same type and value; `fields` say what differs: action, groups, expirationTime …). */
export interface IndicatorChange {
  readonly kind: 'indicator-added' | 'indicator-removed' | 'indicator-changed';
  /** `type|value` lower-cased, with `#n` for the n-th repeat of the same pair. */
  readonly key: string;
  readonly base?: unknown;
  readonly head?: unknown;
  readonly fields: readonly string[];
}

export interface SettingChange {
  readonly kind: 'setting';
  readonly name: keyof ConflictSettings;
  readonly base: string;
  readonly head: string;
}

export interface TenantSwitchChange {
  readonly kind: 'tenant-switch';
  readonly name: 'edrBlockMode' | 'allowOrBlockFile';
  readonly base: boolean;
  readonly head: boolean;
}

/** A device group added, removed, or with other rules or rank (membership changes). */
export interface DeviceGroupChange {
  readonly kind: 'device-group';
  readonly name: string;
  readonly base?: DeviceGroupConfig;
  readonly head?: DeviceGroupConfig;
}

export type PolicyChangeBody = ExclusionChange | IndicatorChange | SettingChange | TenantSwitchChange | DeviceGroupChange;

/** A change with its id (`c1`, `c2`, … in delta order) and its one-line description. */
export type PolicyChange = PolicyChangeBody & { readonly id: string; readonly title: string };

/** The `type` and `value` of a raw indicator entry, for keys and titles; `?` when absent. */
export function indicatorTypeValue(raw: unknown): { type: string; value: string } {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { type: String(record.type ?? '?'), value: String(record.value ?? '?') };
}

const LIST_WORD: Readonly<Record<ExclusionListName, string>> = { paths: 'path', extensions: 'extension', processes: 'process' };

/**
 * The change in words, user text quoted raw (renderers escape it for their format).
 *
 * @example
 * changeTitle({ kind: 'exclusion-added', list: 'paths', text: 'C:\\Temp\\' }); // 'path exclusion added: C:\Temp\'
 */
export function changeTitle(change: PolicyChangeBody): string {
  switch (change.kind) {
    case 'exclusion-added':
    case 'exclusion-removed': {
      const where = change.device === undefined ? '' : ` on device ${change.device}`;
      return `${LIST_WORD[change.list]} exclusion ${change.kind === 'exclusion-added' ? 'added' : 'removed'}${where}: ${change.text}`;
    }
    case 'indicator-added':
    case 'indicator-removed':
    case 'indicator-changed': {
      const { type, value } = indicatorTypeValue(change.head ?? change.base);
      const what = change.kind.slice('indicator-'.length);
      const fields = change.kind === 'indicator-changed' ? ` (${change.fields.join(', ')})` : '';
      return `indicator ${what}: ${type} ${value}${fields}`;
    }
    case 'setting':
      return `setting ${change.name}: ${change.base} -> ${change.head}`;
    case 'tenant-switch':
      return `tenant ${change.name}: ${change.base} -> ${change.head}`;
    case 'device-group':
      return `device group ${change.base === undefined ? 'added' : change.head === undefined ? 'removed' : 'changed'}: ${change.name}`;
  }
}
