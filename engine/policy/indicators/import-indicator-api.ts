/** The Defender indicators API JSON (`GET /api/indicators`, its `value` list of Indicator entities) → indicators, with `file:line:col` issues. */
import type { Issue } from '../../core/issue.ts';
import { quoteExcerpt, withExcerpts } from '../../core/quote.ts';
import { parseLocatedJson } from '../located-json.ts';
import type { Indicator } from './indicator.ts';
import { enforceTenantLimit } from './enforce-tenant-limit.ts';
import { parseIndicator, type ParseIndicatorOptions, type ParsedIndicators } from './parse-indicator.ts';
import { recogniseIndicatorApi } from './recognise-indicator-api.ts';

/** Indicator entity properties (ti-indicator) and the scenario field each becomes. */
export const API_FIELDS = {
  indicatorType: 'type',
  indicatorValue: 'value',
  action: 'action',
  rbacGroupNames: 'groups',
  expirationTime: 'expirationTime',
  title: 'title',
  description: 'description',
  recommendedActions: 'recommendedActions',
  severity: 'severity',
  generateAlert: 'generateAlert',
  category: 'category',
  mitreTechniques: 'mitreTechniques',
} as const;
type ApiField = keyof typeof API_FIELDS;

/** Entity properties that say who made the indicator and when, or where it shows: read and not simulated. */
const RECORD_FIELDS = new Set([
  'id',
  'application',
  'source',
  'sourceType',
  'createdBy',
  'createdByDisplayName',
  'createdBySource',
  'creationTimeDateTimeUtc',
  'lastUpdateTime',
  'lastUpdatedBy',
  'rbacGroupIds',
  'educateUrl',
  'notificationId',
  'notificationMessage',
  'externalId',
  'version',
  'lookBackPeriod',
  'bypassDurationHours',
]);

const FIELD_OF: Readonly<Record<string, ApiField>> = Object.fromEntries(
  Object.entries(API_FIELDS).map(([api, field]) => [field, api as ApiField]),
);
const EXPECTED = 'the response of GET /api/indicators: { "value": [ { "indicatorValue", "indicatorType", "action", … } ] }';
const HINT = 'save the response of GET https://api.security.microsoft.com/api/indicators as it comes';

function fileIssue(code: string, message: string, line = 1, column = 1): Issue {
  return { code, path: [], line, column, message, expected: EXPECTED, hint: HINT };
}

/**
 * Imports the indicators API JSON: the response object (`{ "@odata.context", "value": [ … ] }`) or its
 * `value` list alone. Each item is mapped to the engine's indicator fields (`indicatorType` → `type`,
 * `rbacGroupNames` → `groups`, …) and checked by the scenario's own indicator rules; a bad item gives
 * issues at its line and column and is not imported. Record fields (`id`, `createdBy`, …) are ignored; an
 * unknown field is a warning. A file that is not this JSON is refused whole and none of it quoted.
 * `options` as for `parseIndicators` (default id prefix `api`).
 *
 * @example
 * importIndicatorApi('{"value":[{"indicatorValue":"contoso.com","indicatorType":"DomainName","action":"Block"}]}').indicators[0]?.value; // 'contoso.com'
 */
export function importIndicatorApi(text: string, options: Omit<ParseIndicatorOptions, 'path'> = {}): ParsedIndicators {
  if (!recogniseIndicatorApi(text))
    return {
      indicators: [],
      issues: [
        fileIssue(
          'indicator_api_unrecognised',
          'the file is not an indicators API export: no indicatorValue or indicatorType key',
        ),
      ],
    };
  const doc = parseLocatedJson(text);
  if (!doc.ok) {
    const why = doc.issues.reason === 'depth' ? 'it nests too deep' : 'it does not parse';
    return {
      indicators: [],
      issues: [fileIssue('indicator_api_bad_json', `the JSON is not valid: ${why}`, doc.issues.line, doc.issues.column)],
    };
  }
  const root = doc.value.value;
  const list = Array.isArray(root)
    ? root
    : typeof root === 'object' && root !== null
      ? (root as { value?: unknown }).value
      : undefined;
  if (!Array.isArray(list))
    return { indicators: [], issues: [fileIssue('indicator_api_no_value', 'the JSON has no "value" list of indicators')] };
  const issues: Issue[] = [];
  const parsed: Indicator[] = [];
  const paths: (readonly (string | number)[])[] = [];
  const places: { line: number; column: number }[] = [];
  list.forEach((item, index) => {
    const place = doc.value.at(item);
    const entry: Record<string, unknown> = {};
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      for (const [key, value] of Object.entries(item)) {
        if (Object.hasOwn(API_FIELDS, key)) {
          // The API writes null for an unset optional field (expirationTime: null).
          if (value !== null) entry[API_FIELDS[key as ApiField]] = value;
        } else if (!RECORD_FIELDS.has(key) && !key.startsWith('@odata')) {
          issues.push({
            code: 'indicator_api_unknown_field',
            path: ['value', index, key],
            ...place,
            severity: 'warning',
            message: `field ${quoteExcerpt(key)} is not an Indicator property the simulation reads; it is ignored`,
            expected: Object.keys(API_FIELDS).join(', '),
          });
        }
      }
    }
    const itemIssues: Issue[] = [];
    const indicator = parseIndicator(
      Array.isArray(item) || typeof item !== 'object' || item === null ? item : entry,
      index,
      itemIssues,
      {
        ...options,
        idPrefix: options.idPrefix ?? 'api',
      },
    );
    // An item may hold anything: whatever the checks quoted of its text is cut to an excerpt.
    const texts = Object.values(entry).filter((value): value is string => typeof value === 'string');
    for (const issue of itemIssues) {
      const field = issue.path[1];
      const name = typeof field === 'string' ? (FIELD_OF[field] ?? field) : undefined;
      const path = name === undefined ? ['value', index] : ['value', index, name];
      issues.push({ ...withExcerpts(issue, texts), path, ...place });
    }
    if (indicator !== undefined) {
      parsed.push(indicator);
      paths.push(['value', index]);
      places.push(place);
    }
  });
  const limited = enforceTenantLimit(parsed, paths, issues, options);
  const room = limited.indicators.length;
  return {
    indicators: limited.indicators,
    issues: limited.issues.map((issue) =>
      issue.code === 'indicator_limit' && issue.line === undefined ? { ...issue, ...places[room] } : issue,
    ),
  };
}
