/** The advanced hunting tables `--format hunting` writes, each with its columns exactly as the schema pages list them, in their order. */

/** DeviceEvents (ah-deviceevents): every column of the page's table. */
export const DEVICE_EVENTS_COLUMNS = [
  'Timestamp',
  'DeviceId',
  'DeviceName',
  'ActionType',
  'FileName',
  'FolderPath',
  'SHA1',
  'SHA256',
  'MD5',
  'FileSize',
  'AccountDomain',
  'AccountName',
  'AccountSid',
  'RemoteUrl',
  'RemoteDeviceName',
  'ProcessId',
  'ProcessCommandLine',
  'ProcessCreationTime',
  'ProcessTokenElevation',
  'LogonId',
  'RegistryKey',
  'RegistryValueName',
  'RegistryValueData',
  'RemoteIP',
  'RemotePort',
  'LocalIP',
  'LocalPort',
  'FileOriginUrl',
  'FileOriginIP',
  'InitiatingProcessSHA1',
  'InitiatingProcessSHA256',
  'InitiatingProcessMD5',
  'InitiatingProcessFileName',
  'InitiatingProcessFileSize',
  'InitiatingProcessFolderPath',
  'InitiatingProcessId',
  'InitiatingProcessCommandLine',
  'InitiatingProcessCreationTime',
  'InitiatingProcessAccountDomain',
  'InitiatingProcessAccountName',
  'InitiatingProcessAccountSid',
  'InitiatingProcessAccountUpn',
  'InitiatingProcessAccountObjectId',
  'InitiatingProcessVersionInfoCompanyName',
  'InitiatingProcessVersionInfoProductName',
  'InitiatingProcessVersionInfoProductVersion',
  // The page writes this one as "` InitiatingProcessVersionInfoInternalFileName`", a stray space inside the code span.
  'InitiatingProcessVersionInfoInternalFileName',
  'InitiatingProcessVersionInfoOriginalFileName',
  'InitiatingProcessVersionInfoFileDescription',
  'InitiatingProcessParentId',
  'InitiatingProcessParentFileName',
  'InitiatingProcessParentCreationTime',
  'InitiatingProcessLogonId',
  'ReportId',
  'AppGuardContainerId',
  'AdditionalFields',
  'InitiatingProcessSessionId',
  'IsInitiatingProcessRemoteSession',
  'InitiatingProcessRemoteSessionDeviceName',
  'InitiatingProcessRemoteSessionIP',
  'CreatedProcessSessionId',
  'IsProcessRemoteSession',
  'ProcessRemoteSessionDeviceName',
  'ProcessRemoteSessionIP',
] as const;

/** AlertInfo (ah-alertinfo). */
export const ALERT_INFO_COLUMNS = [
  'Timestamp',
  'AlertId',
  'Title',
  'Category',
  'Severity',
  'ServiceSource',
  'DetectionSource',
  'AttackTechniques',
] as const;

/** AlertEvidence (ah-alertevidence). */
export const ALERT_EVIDENCE_COLUMNS = [
  'Timestamp',
  'AlertId',
  'Title',
  'Categories',
  'AttackTechniques',
  'ServiceSource',
  'DetectionSource',
  'EntityType',
  'EvidenceRole',
  'EvidenceDirection',
  'FileName',
  'FolderPath',
  'SHA1',
  'SHA256',
  'FileSize',
  'ThreatFamily',
  'RemoteIP',
  'RemoteUrl',
  'AccountName',
  'AccountDomain',
  'AccountSid',
  'AccountObjectId',
  'AccountUpn',
  'DeviceId',
  'DeviceName',
  'LocalIP',
  'NetworkMessageId',
  'EmailSubject',
  'Application',
  'ApplicationId',
  'OAuthApplicationId',
  'ProcessCommandLine',
  'RegistryKey',
  'RegistryValueName',
  'RegistryValueData',
  'AdditionalFields',
  'Severity',
  'CloudResource',
  'CloudPlatform',
  'ResourceType',
  'ResourceID',
  'SubscriptionId',
] as const;

/** The tables, by name, as `--format hunting` writes them: one `<name>.jsonl` file each. */
export const HUNTING_TABLES = {
  DeviceEvents: DEVICE_EVENTS_COLUMNS,
  AlertInfo: ALERT_INFO_COLUMNS,
  AlertEvidence: ALERT_EVIDENCE_COLUMNS,
} as const;

export type HuntingTable = keyof typeof HUNTING_TABLES;

/** One row: every column of its table, `null` where the run has no value. */
export type HuntingRow<Columns extends readonly string[]> = { readonly [C in Columns[number]]: string | number | boolean | null };

/**
 * A row with every column of `columns`, in their order: the value `values` gives, else `null`.
 *
 * @example
 * huntingRow(ALERT_INFO_COLUMNS, { AlertId: 'da1_2' }); // { Timestamp: null, AlertId: 'da1_2', … }
 */
export function huntingRow<Columns extends readonly string[]>(
  columns: Columns,
  values: Partial<HuntingRow<Columns>>,
): HuntingRow<Columns> {
  const row: Record<string, string | number | boolean | null> = {};
  for (const column of columns)
    row[column] = (values as Record<string, string | number | boolean | null | undefined>)[column] ?? null;
  return row as HuntingRow<Columns>;
}
