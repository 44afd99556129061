/** The indicator (IoC) record and its vocabulary, spelled as the MDE API spells it (§5.1). */

import {
  INDICATOR_ACTIONS,
  type FileIndicatorType,
  type IndicatorAction,
  type IndicatorSeverity,
  type IndicatorType,
  type LegacyIndicatorAction,
  type NetworkIndicatorType,
} from '../../core/indicator-vocabulary.ts';

// The vocabulary's one home is core (the scenario schema uses it too); re-exported here for the policy barrel.
export {
  FILE_INDICATOR_TYPES,
  INDICATOR_ACTIONS,
  INDICATOR_SEVERITIES,
  INDICATOR_TYPES,
  LEGACY_ACTIONS,
  NETWORK_INDICATOR_TYPES,
  WRITTEN_INDICATOR_ACTIONS,
  isBlockingAction,
} from '../../core/indicator-vocabulary.ts';
export type {
  FileIndicatorType,
  IndicatorAction,
  IndicatorSeverity,
  IndicatorType,
  LegacyIndicatorAction,
  NetworkIndicatorType,
} from '../../core/indicator-vocabulary.ts';

/** §5.1 tenant limit, no increases. */
export const TENANT_INDICATOR_LIMIT = 15_000;

/** The portal's name of the group every unmatched device lands in (§5.3). */
export const UNGROUPED_DEVICES = 'Ungrouped devices (default)';

const FILE_ACTIONS: readonly IndicatorAction[] = INDICATOR_ACTIONS;
const NETWORK_ACTIONS: readonly IndicatorAction[] = ['Allowed', 'Audit', 'Warn', 'Block'];

/**
 * Actions the portal offers per type (§5.1). C10: files accept all five portal actions (ioc-ovw), even
 * though ioc-file lists only allow/audit/block-and-remediate; whether Warn and Block execution are
 * enforced for files is unclear in the docs, so the simulator enforces them as written.
 */
export const ACTIONS_BY_TYPE: Readonly<Record<IndicatorType, readonly IndicatorAction[]>> = {
  FileSha1: FILE_ACTIONS,
  FileSha256: FILE_ACTIONS,
  FileMd5: FILE_ACTIONS,
  CertificateThumbprint: ['Allowed', 'BlockAndRemediate'],
  IpAddress: NETWORK_ACTIONS,
  DomainName: NETWORK_ACTIONS,
  Url: NETWORK_ACTIONS,
};

/** A record of `T` being built field by field, in the order its JSON should keep. */
export type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** One indicator after validation: value normalised, action mapped to the current vocabulary. */
export interface Indicator {
  /** Stable within one list: `<prefix>-<1-based position>`. */
  readonly id: string;
  readonly type: IndicatorType;
  /** Normalised: lowercase hex for hashes, canonical IP text, lowercase host for domains and URLs. */
  readonly value: string;
  readonly action: IndicatorAction;
  /** The action as written when it was a legacy spelling (`Alert`, `AlertAndBlock`). */
  readonly legacyAction?: LegacyIndicatorAction;
  /** Device-group names; empty = all devices (§5.3). */
  readonly groups: readonly string[];
  /** ISO 8601 text as written. */
  readonly expirationTime?: string;
  /** `expirationTime` as epoch ms; the indicator is gone from this instant on (§5.1). */
  readonly expiresAt?: number;
  readonly title?: string;
  readonly description?: string;
  readonly recommendedActions?: string;
  readonly severity?: IndicatorSeverity;
  readonly generateAlert?: boolean;
  readonly category?: string;
  readonly mitreTechniques?: readonly string[];
}

/**
 * True for the three file-hash types (not certificates).
 *
 * @example
 * isFileIndicatorType('FileMd5'); // true
 */
export function isFileIndicatorType(type: IndicatorType): type is FileIndicatorType {
  return type === 'FileSha256' || type === 'FileSha1' || type === 'FileMd5';
}

/**
 * True for IP, domain and URL indicators, which never take BlockAndRemediate.
 *
 * @example
 * isNetworkIndicatorType('Url'); // true
 */
export function isNetworkIndicatorType(type: IndicatorType): type is NetworkIndicatorType {
  return type === 'IpAddress' || type === 'DomainName' || type === 'Url';
}

/**
 * A short human label for messages and reasons, e.g. `Block FileSha256 e3b0c442… (all devices)`.
 *
 * @example
 * describeIndicator({ id: 'ioc-1', type: 'DomainName', value: 'contoso.com', action: 'Block', groups: [] });
 * // 'Block DomainName contoso.com (all devices)'
 */
export function describeIndicator(indicator: Indicator): string {
  const value =
    isFileIndicatorType(indicator.type) || indicator.type === 'CertificateThumbprint'
      ? `${indicator.value.slice(0, 8)}…`
      : indicator.value;
  const scope = indicator.groups.length === 0 ? 'all devices' : `groups ${indicator.groups.join(', ')}`;
  return `${indicator.action} ${indicator.type} ${value} (${scope})`;
}
