/** Scenario indicator entries (`{ type, value, action, groups?, … }`) → validated `Indicator`s with every issue. */
import type { Issue, Path } from '../../core/issue.ts';
import {
  INDICATOR_ACTIONS,
  INDICATOR_SEVERITIES,
  LEGACY_ACTIONS,
  type Indicator,
  type IndicatorSeverity,
  type LegacyIndicatorAction,
  type Mutable,
} from './indicator.ts';
import { checkAction, checkCategory, checkExpiration, checkGroups, checkTechniques, checkType } from './indicator-fields.ts';
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
const ACCEPTED_KEYS: ReadonlySet<string> = new Set([...KEYS, ...RECORD_KEYS]);
const TEXT_KEYS = ['title', 'description', 'recommendedActions'] as const;

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
  const before = issues.length;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push(
      issueOf(
        'bad_indicator',
        where(options, index),
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
    if (ACCEPTED_KEYS.has(key)) continue;
    const close = closest(key, KEYS);
    issues.push(
      issueOf(
        'unknown_key',
        where(options, index, key),
        {
          message: `key "${key}" is not an indicator field`,
          expected: KEYS.join(', '),
          hint: close === undefined ? undefined : `did you mean "${close}"?`,
        },
        key,
      ),
    );
  }
  const type = checkType(entry.type);
  if (!type.ok) issues.push(issueOf('bad_indicator_type', where(options, index, 'type'), type, entry.type));
  const action = checkAction(entry.action, type.ok ? type.value : undefined);
  if (!action.ok) issues.push(issueOf('bad_indicator_action', where(options, index, 'action'), action, entry.action));
  let value: string | undefined;
  if (typeof entry.value !== 'string') {
    issues.push(
      issueOf(
        'bad_indicator_value',
        where(options, index, 'value'),
        { message: 'indicator value must be a string', expected: 'text, quoted in YAML', hint: 'quote hashes and addresses' },
        entry.value,
      ),
    );
  } else if (type.ok) {
    const checked = normaliseIndicatorValue(type.value, entry.value);
    if (checked.ok) value = checked.value;
    else issues.push(issueOf(checked.code, where(options, index, 'value'), checked, entry.value));
  }
  const groups = checkGroups(entry.groups, options.knownGroups);
  if (!groups.ok) issues.push(issueOf('bad_indicator_groups', where(options, index, 'groups'), groups, entry.groups));
  const expiresAt = entry.expirationTime === undefined ? undefined : checkExpiration(entry.expirationTime);
  if (expiresAt !== undefined && !expiresAt.ok)
    issues.push(issueOf('bad_expiration', where(options, index, 'expirationTime'), expiresAt, entry.expirationTime));
  const severity = entry.severity;
  if (severity !== undefined && !(INDICATOR_SEVERITIES as readonly unknown[]).includes(severity)) {
    issues.push(
      issueOf(
        'bad_severity',
        where(options, index, 'severity'),
        {
          message: `severity ${JSON.stringify(severity)} is not an indicator severity`,
          expected: INDICATOR_SEVERITIES.join(' | '),
          hint: typeof severity === 'string' ? suggest(severity, INDICATOR_SEVERITIES) : undefined,
        },
        severity,
      ),
    );
  }
  if (entry.generateAlert !== undefined && typeof entry.generateAlert !== 'boolean') {
    issues.push(
      issueOf(
        'bad_generate_alert',
        where(options, index, 'generateAlert'),
        { message: 'generateAlert must be true or false', expected: 'true | false' },
        entry.generateAlert,
      ),
    );
  }
  for (const key of TEXT_KEYS) {
    if (entry[key] !== undefined && typeof entry[key] !== 'string')
      issues.push(
        issueOf('bad_text', where(options, index, key), { message: `${key} must be text`, expected: 'a string' }, entry[key]),
      );
  }
  const category =
    typeof entry.category === 'string'
      ? checkCategory(entry.category)
      : entry.category === undefined
        ? undefined
        : checkCategory(String(entry.category));
  if (category !== undefined && !category.ok)
    issues.push(issueOf('bad_category', where(options, index, 'category'), category, entry.category));
  const techniques = entry.mitreTechniques === undefined ? undefined : checkTechniques(entry.mitreTechniques);
  if (techniques !== undefined && !techniques.ok)
    issues.push(issueOf('bad_techniques', where(options, index, 'mitreTechniques'), techniques, entry.mitreTechniques));

  if (issues.length > before || !type.ok || !action.ok || value === undefined || !groups.ok) return undefined;
  const legacy = action.value.legacy;
  // §5.1: the legacy spellings are still read, as their current action, and the author is told to update.
  if (legacy !== undefined) {
    issues.push({
      ...issueOf(
        'legacy_action',
        where(options, index, 'action'),
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
  // Fields are set one by one in the record's documented order (JSON output keeps it): object spreads here
  // were most of the parse's cost at 15,000 entries.
  const out: Mutable<Indicator> = {
    id: typeof entry.id === 'string' ? entry.id : `${options.idPrefix ?? 'ioc'}-${index + 1}`,
    type: type.value,
    value,
    action: action.value.action,
  };
  const legacyAction = legacyOf(legacy, entry.legacyAction);
  if (legacyAction !== undefined) out.legacyAction = legacyAction;
  out.groups = groups.value;
  if (expiresAt?.ok === true) {
    out.expirationTime = String(entry.expirationTime).trim();
    out.expiresAt = expiresAt.value;
  }
  if (typeof entry.title === 'string') out.title = entry.title;
  if (typeof entry.description === 'string') out.description = entry.description;
  if (typeof entry.recommendedActions === 'string') out.recommendedActions = entry.recommendedActions;
  if (severity !== undefined) out.severity = severity as IndicatorSeverity;
  if (entry.generateAlert !== undefined) out.generateAlert = entry.generateAlert as boolean;
  if (category?.ok === true) out.category = category.value;
  if (techniques?.ok === true) out.mitreTechniques = techniques.value;
  return out as Indicator;
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

/**
 * An issue's path: the list's place, the entry's index, and the field when there is one. Built only for an issue, so
 * a valid entry (the common case, 15,000 of them in a full tenant) allocates none.
 */
function where(options: ParseIndicatorOptions, index: number, key?: string): Path {
  return key === undefined ? [...(options.path ?? []), index] : [...(options.path ?? []), index, key];
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

function legacyOf(mapped: LegacyIndicatorAction | undefined, recorded: unknown): LegacyIndicatorAction | undefined {
  if (mapped !== undefined) return mapped;
  return typeof recorded === 'string' && Object.hasOwn(LEGACY_ACTIONS, recorded)
    ? (recorded as LegacyIndicatorAction)
    : undefined;
}
