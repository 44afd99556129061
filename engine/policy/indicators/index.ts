/** Defender for Endpoint indicators (§5): parse, compile, decide, explain, import. */

// The record and its vocabulary
export {
  ACTIONS_BY_TYPE,
  FILE_INDICATOR_TYPES,
  INDICATOR_ACTIONS,
  INDICATOR_SEVERITIES,
  INDICATOR_TYPES,
  LEGACY_ACTIONS,
  NETWORK_INDICATOR_TYPES,
  TENANT_INDICATOR_LIMIT,
  WRITTEN_INDICATOR_ACTIONS,
  UNGROUPED_DEVICES,
  describeIndicator,
  isBlockingAction,
  isFileIndicatorType,
  isNetworkIndicatorType,
} from './indicator.ts';
export type {
  FileIndicatorType,
  Indicator,
  IndicatorAction,
  IndicatorSeverity,
  IndicatorType,
  LegacyIndicatorAction,
  NetworkIndicatorType,
} from './indicator.ts';

// Validation
export { parseIndicator, parseIndicators } from './parse-indicator.ts';
export { enforceTenantLimit } from './enforce-tenant-limit.ts';
export type { ParseIndicatorOptions, ParsedIndicators } from './parse-indicator.ts';
export { normaliseIndicatorValue } from './indicator-value.ts';
export type { ValueCheck } from './indicator-value.ts';
export { INDICATOR_CATEGORIES } from './indicator-fields.ts';
export { classifyIp, parseIpAddress } from './ip-address.ts';
export type { IpClass, IpParse } from './ip-address.ts';

// Compile once, look up per artifact
export { compileIndicators } from './compile-indicators.ts';
export type { IndexEntry, IndicatorIndex, IndicatorMatch, MatchedOn } from './compile-indicators.ts';
export { lookupFileIndicator, lookupOverruledBlock } from './lookup-file-indicator.ts';
export type { FileFacts } from './lookup-file-indicator.ts';
export { FileIndicatorMemo, fileIndicatorMemo, MEMO_SLOTS } from './file-indicator-memo.ts';

// Decisions
export { decideFile, FILE_STEPS, fileStep } from './decide-file.ts';
export type { FileDecision, FileDecisionInput, FileResult, FileStep } from './decide-file.ts';
export { INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE, indicatorsHonoured } from './indicators-honoured.ts';
export type { Honoured, HonouredInput } from './indicators-honoured.ts';
export { evaluateNetwork } from './evaluate-network.ts';
export type { NetworkContext, NetworkDecision, NetworkRequest } from './evaluate-network.ts';
export { applyIndicatorToAirVerdict } from './air-verdict.ts';
export type { AirVerdict, AirVerdictWithIndicator } from './air-verdict.ts';

// What a match leaves behind
export { indicatorAlertFacts } from './indicator-alert.ts';
export type { IndicatorAlert, IndicatorAlertFacts, IndicatorAlertOptions } from './indicator-alert.ts';

// Portal CSV
export { CSV_COLUMNS, CSV_INDICATOR_TYPES, importIndicatorCsv, type ImportCsvOptions } from './import-indicator-csv.ts';
export { exportIndicatorCsv } from './export-indicator-csv.ts';
export { recogniseIndicatorCsv } from './recognise-indicator-csv.ts';
export { formatCsv, parseCsv } from './csv.ts';
export type { CsvRecord, ParsedCsv } from './csv.ts';

// Defender indicators API JSON (GET /api/indicators)
export { API_FIELDS, importIndicatorApi } from './import-indicator-api.ts';
export { recogniseIndicatorApi } from './recognise-indicator-api.ts';
