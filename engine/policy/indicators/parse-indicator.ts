/** Scenario indicator entries (`{ type, value, action, groups?, … }`) → validated `Indicator`s with every issue. */
import type { Issue, Path } from '../../core/issue.ts';
import {
  INDICATOR_ACTIONS,
  INDICATOR_SEVERITIES,
  LEGACY_ACTIONS,
  UNGROUPED_DEVICES,
  type Indicator,
  type IndicatorSeverity,
  type LegacyIndicatorAction,
} from './indicator.ts';
import { checkAction, checkCategory, checkExpiration, checkTechniques, checkType, type FieldCheck } from './indicator-fields.ts';
import { normaliseIndicatorValue } from './indicator-value.ts';
import { enforceTenantLimit } from './enforce-tenant-limit.ts';
import { closest, suggest } from '../../core/did-you-mean.ts';

export interface ParseIndicatorOptions {
  /** Where the list sits in the document, prefixed to every issue path. Default `[]`. */
  readonly path?: Path;
  /** Indicators the tenant already holds, counted against the limit. Default 0. */
  readonly existingCount?: number;
  /** Tenant limit. Default 15,000 (§5.1, T58). */
  readonly limit?: number;
  /** Device-group names the tenant defines; when given, other names in `groups` are issues. */
  readonly knownGroups?: readonly string[];
  /** Prefix of generated ids (`ioc-1`, `ioc-2`, …). Default `ioc`. */
  readonly idPrefix?: string;
}

export interface ParsedIndicators {
  readonly indicators: readonly Indicator[];
  readonly issues: readonly Issue[];
}

const KEYS = [
  'type',
  'value',
  'action',
  'groups',
  'expirationTime',
  'title',
  'description',
  'recommendedActions',
  'severity',
  'generateAlert',
  'category',
  'mitreTechniques',
];
// Fields of an already-parsed `Indicator` (an import's output): accepted so that parsing is idempotent.
// `legacyAction` and `expiresAt` are derived again from `action` and `expirationTime`.
const RECORD_KEYS = ['id', 'legacyAction', 'expiresAt'];

/**
 * Validates one entry. Returns the indicator, or undefined with the entry's issues appended to `issues`.
 *
 * @example
 * const issues: Issue[] = [];
 * parseIndicator({ type: 'DomainName', value: 'Contoso.com', action: 'Block' }, 0, issues);
 * // { id: 'ioc-1', type: 'DomainName', value: 'contoso.com', action: 'Block', groups: [] }
 */
export function parseIndicator(
  raw: unknown,
  index: number,
  issues: Issue[],
  options: ParseIndicatorOptions = {},
): Indicator | undefined {
  const at = [...(options.path ?? []), index];
  const before = issues.length;
  const report = (
    key: string,
    code: string,
    check: { message: string; expected?: string; hint?: string | undefined },
    received: unknown,
  ): void => {
    issues.push(issueOf(code, [...at, key], check, received));
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push(
      issueOf(
        'bad_indicator',
        at,
        {
          message: 'indicator entry must be an object',
          expected: '{ type, value, action, groups?, expirationTime?, title?, severity?, generateAlert? }',
        },
        raw,
      ),
    );
    return undefined;
  }
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (KEYS.includes(key) || RECORD_KEYS.includes(key)) continue;
    const close = closest(key, KEYS);
    report(
      key,
      'unknown_key',
      {
        message: `key "${key}" is not an indicator field`,
        expected: KEYS.join(', '),
        hint: close === undefined ? undefined : `did you mean "${close}"?`,
      },
      key,
    );
  }
  const type = checkType(entry.type);
  if (!type.ok) report('type', 'bad_indicator_type', type, entry.type);
  const action = checkAction(entry.action, type.ok ? type.value : undefined);
  if (!action.ok) report('action', 'bad_indicator_action', action, entry.action);
  let value: string | undefined;
  if (typeof entry.value !== 'string') {
    report(
      'value',
      'bad_indicator_value',
      { message: 'indicator value must be a string', expected: 'text, quoted in YAML', hint: 'quote hashes and addresses' },
      entry.value,
    );
  } else if (type.ok) {
    const checked = normaliseIndicatorValue(type.value, entry.value);
    if (checked.ok) value = checked.value;
    else report('value', checked.code, checked, entry.value);
  }
  const groups = checkGroups(entry.groups, options.knownGroups);
  if (!groups.ok) report('groups', 'bad_indicator_groups', groups, entry.groups);
  const expiresAt = entry.expirationTime === undefined ? undefined : checkExpiration(entry.expirationTime);
  if (expiresAt !== undefined && !expiresAt.ok) report('expirationTime', 'bad_expiration', expiresAt, entry.expirationTime);
  const severity = entry.severity;
  if (severity !== undefined && !(INDICATOR_SEVERITIES as readonly unknown[]).includes(severity)) {
    report(
      'severity',
      'bad_severity',
      {
        message: `severity ${JSON.stringify(severity)} is not an indicator severity`,
        expected: INDICATOR_SEVERITIES.join(' | '),
        hint: typeof severity === 'string' ? suggest(severity, INDICATOR_SEVERITIES) : undefined,
      },
      severity,
    );
  }
  if (entry.generateAlert !== undefined && typeof entry.generateAlert !== 'boolean') {
    report(
      'generateAlert',
      'bad_generate_alert',
      { message: 'generateAlert must be true or false', expected: 'true | false' },
      entry.generateAlert,
    );
  }
  for (const key of ['title', 'description', 'recommendedActions'] as const) {
    if (entry[key] !== undefined && typeof entry[key] !== 'string')
      report(key, 'bad_text', { message: `${key} must be text`, expected: 'a string' }, entry[key]);
  }
  const category =
    typeof entry.category === 'string'
      ? checkCategory(entry.category)
      : entry.category === undefined
        ? undefined
        : checkCategory(String(entry.category));
  if (category !== undefined && !category.ok) report('category', 'bad_category', category, entry.category);
  const techniques = entry.mitreTechniques === undefined ? undefined : checkTechniques(entry.mitreTechniques);
  if (techniques !== undefined && !techniques.ok) report('mitreTechniques', 'bad_techniques', techniques, entry.mitreTechniques);

  if (issues.length > before || !type.ok || !action.ok || value === undefined || !groups.ok) return undefined;
  const legacy = action.value.legacy;
  // §5.1: the legacy spellings are still read, as their current action, and the author is told to update.
  if (legacy !== undefined) {
    issues.push({
      ...issueOf(
        'legacy_action',
        [...at, 'action'],
        {
          message: `action ${legacy} is a legacy name, read as ${action.value.action}`,
          expected: INDICATOR_ACTIONS.join(' | '),
          hint: `write ${action.value.action}`,
        },
        legacy,
      ),
      severity: 'warning',
    });
  }
  return {
    id: typeof entry.id === 'string' ? entry.id : `${options.idPrefix ?? 'ioc'}-${index + 1}`,
    type: type.value,
    value,
    action: action.value.action,
    ...(legacyOf(action.value.legacy, entry.legacyAction) ?? {}),
    groups: groups.value,
    ...(expiresAt?.ok === true ? { expirationTime: String(entry.expirationTime).trim(), expiresAt: expiresAt.value } : {}),
    ...pickText(entry),
    ...(severity === undefined ? {} : { severity: severity as IndicatorSeverity }),
    ...(entry.generateAlert === undefined ? {} : { generateAlert: entry.generateAlert as boolean }),
    ...(category?.ok === true ? { category: category.value } : {}),
    ...(techniques?.ok === true ? { mitreTechniques: techniques.value } : {}),
  };
}

/**
 * Validates a list of indicator entries: every bad entry becomes issues (never dropped silently), the
 * good ones are returned in order. Entries past the tenant limit (default 15,000, T58) are refused.
 *
 * @example
 * parseIndicators([{ type: 'IpAddress', value: '10.0.0.5', action: 'Block' }]);
 * // { indicators: [], issues: [{ code: 'internal_ip', path: [0, 'value'], … }] }
 */
export function parseIndicators(raw: unknown, options: ParseIndicatorOptions = {}): ParsedIndicators {
  const issues: Issue[] = [];
  if (!Array.isArray(raw)) {
    issues.push(
      issueOf(
        'bad_indicators',
        options.path ?? [],
        {
          message: 'indicators must be a list',
          expected: 'a list of { type, value, action } entries',
          hint: 'write [] for none; import the portal CSV with importIndicatorCsv',
        },
        raw,
      ),
    );
    return { indicators: [], issues };
  }
  const parsed: Indicator[] = [];
  const positions: number[] = [];
  raw.forEach((entry, index) => {
    const indicator = parseIndicator(entry, index, issues, options);
    if (indicator !== undefined) {
      parsed.push(indicator);
      positions.push(index);
    }
  });
  return enforceTenantLimit(
    parsed,
    positions.map((position) => [...(options.path ?? []), position]),
    issues,
    options,
  );
}

function checkGroups(raw: unknown, known: readonly string[] | undefined): FieldCheck<readonly string[]> {
  const expected = 'a list of device-group names; [] or absent = all devices';
  if (raw === undefined) return { ok: true, value: [] };
  if (!Array.isArray(raw) || raw.some((name) => typeof name !== 'string' || name.trim() === '')) {
    return { ok: false, message: 'groups must be a list of device-group names', expected };
  }
  const names = [...new Set(raw.map((name: string) => name.trim()))];
  if (known !== undefined) {
    const allowed = [...known, UNGROUPED_DEVICES];
    const unknown = names.find((name) => !allowed.includes(name));
    if (unknown !== undefined) {
      const close = closest(unknown, allowed);
      return {
        ok: false,
        message: `device group "${unknown}" is not defined in tenant.deviceGroups`,
        expected: allowed.join(', '),
        hint: close === undefined ? 'define the group under tenant.deviceGroups' : `did you mean "${close}"?`,
      };
    }
  }
  return { ok: true, value: names };
}

function pickText(entry: Record<string, unknown>): Partial<Pick<Indicator, 'title' | 'description' | 'recommendedActions'>> {
  const out: { title?: string; description?: string; recommendedActions?: string } = {};
  if (typeof entry.title === 'string') out.title = entry.title;
  if (typeof entry.description === 'string') out.description = entry.description;
  if (typeof entry.recommendedActions === 'string') out.recommendedActions = entry.recommendedActions;
  return out;
}

function issueOf(
  code: string,
  path: Path,
  check: { message: string; expected?: string; hint?: string | undefined },
  received: unknown,
): Issue {
  const text = typeof received === 'string' ? received : (JSON.stringify(received) ?? String(received));
  return {
    code,
    path,
    message: check.message,
    ...(check.expected === undefined ? {} : { expected: check.expected }),
    received: text,
    ...(check.hint === undefined ? {} : { hint: check.hint }),
  };
}

function legacyOf(
  mapped: LegacyIndicatorAction | undefined,
  recorded: unknown,
): { legacyAction: LegacyIndicatorAction } | undefined {
  if (mapped !== undefined) return { legacyAction: mapped };
  return typeof recorded === 'string' && Object.hasOwn(LEGACY_ACTIONS, recorded)
    ? { legacyAction: recorded as LegacyIndicatorAction }
    : undefined;
}
