/** The one list of indicator types, actions (current and legacy) and severities, spelled as the MDE API spells them (§5.1). */

export const INDICATOR_TYPES = [
  'FileSha1',
  'FileSha256',
  'FileMd5',
  'CertificateThumbprint',
  'IpAddress',
  'DomainName',
  'Url',
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const FILE_INDICATOR_TYPES = ['FileSha256', 'FileSha1', 'FileMd5'] as const;
export type FileIndicatorType = (typeof FILE_INDICATOR_TYPES)[number];

export const NETWORK_INDICATOR_TYPES = ['IpAddress', 'DomainName', 'Url'] as const;
export type NetworkIndicatorType = (typeof NETWORK_INDICATOR_TYPES)[number];

export const INDICATOR_ACTIONS = ['Allowed', 'Audit', 'Warn', 'Block', 'BlockAndRemediate'] as const;
/** The current API actions; legacy spellings are mapped onto these when parsed. */
export type IndicatorAction = (typeof INDICATOR_ACTIONS)[number];

/** §5.4 step 3: the actions met before SmartScreen, Allow indicators and the engines (Warn and above). */
const BLOCKING_ACTIONS: ReadonlySet<IndicatorAction> = new Set(['Warn', 'Block', 'BlockAndRemediate']);

/**
 * True for the actions §5.4 meets at its block step: Warn, Block, Block and remediate.
 *
 * @example
 * isBlockingAction('Warn'); // true
 */
export function isBlockingAction(action: IndicatorAction): boolean {
  return BLOCKING_ACTIONS.has(action);
}

/** §5.1: "Alert only" became Audit (generate alert on); "Alert and block" became Block and remediate. */
export const LEGACY_ACTIONS = { Alert: 'Audit', AlertAndBlock: 'BlockAndRemediate' } as const satisfies Readonly<
  Record<string, IndicatorAction>
>;
/** A legacy action spelling (§5.1), still read and mapped with a warning. */
export type LegacyIndicatorAction = keyof typeof LEGACY_ACTIONS;

/**
 * Every action a scenario may write: the current five, then the legacy two, each of which the indicator
 * parser maps to its current action (`LEGACY_ACTIONS`) with a `legacy_action` warning.
 */
export const WRITTEN_INDICATOR_ACTIONS = [...INDICATOR_ACTIONS, 'Alert', 'AlertAndBlock'] as const satisfies readonly (
  IndicatorAction | LegacyIndicatorAction
)[];

export const INDICATOR_SEVERITIES = ['Informational', 'Low', 'Medium', 'High'] as const;
export type IndicatorSeverity = (typeof INDICATOR_SEVERITIES)[number];
