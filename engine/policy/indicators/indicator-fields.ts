/** Checks for the indicator fields other than the value: type, action, expiration, category, techniques. */
import {
  ACTIONS_BY_TYPE,
  INDICATOR_ACTIONS,
  INDICATOR_TYPES,
  LEGACY_ACTIONS,
  UNGROUPED_DEVICES,
  WRITTEN_INDICATOR_ACTIONS,
  isNetworkIndicatorType,
  type IndicatorAction,
  type IndicatorType,
  type LegacyIndicatorAction,
} from './indicator.ts';
import { closest } from '../../core/did-you-mean.ts';

/** A field's parsed value, or the parts of an issue (the caller adds code and path). */
export type FieldCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly expected: string; readonly hint?: string };

// Common portal and shorthand spellings, so the hint can name the API value.
const TYPE_ALIASES: Readonly<Record<string, IndicatorType>> = {
  sha1: 'FileSha1',
  sha256: 'FileSha256',
  md5: 'FileMd5',
  file: 'FileSha256',
  filehash: 'FileSha256',
  certificate: 'CertificateThumbprint',
  cert: 'CertificateThumbprint',
  thumbprint: 'CertificateThumbprint',
  ip: 'IpAddress',
  ipaddress: 'IpAddress',
  domain: 'DomainName',
  url: 'Url',
};
const ACTION_ALIASES: Readonly<Record<string, IndicatorAction>> = {
  allow: 'Allowed',
  allowed: 'Allowed',
  audit: 'Audit',
  warn: 'Warn',
  block: 'Block',
  blockexecution: 'Block',
  blockandremediate: 'BlockAndRemediate',
  alertonly: 'Audit',
};

function fold(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, '');
}

export function checkType(raw: unknown): FieldCheck<IndicatorType> {
  if (typeof raw === 'string' && (INDICATOR_TYPES as readonly string[]).includes(raw))
    return { ok: true, value: raw as IndicatorType };
  const expected = INDICATOR_TYPES.join(' | ');
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  const close = typeof raw === 'string' ? (TYPE_ALIASES[fold(raw)] ?? closest(raw, INDICATOR_TYPES)) : undefined;
  return {
    ok: false,
    message: `indicator type ${text} is not an indicator type`,
    expected,
    hint: close === undefined ? undefined : `did you mean "${close}"?`,
  };
}

/** Parses an action, mapping legacy spellings (§5.1), and checks it is offered for `type`. */
export function checkAction(
  raw: unknown,
  type: IndicatorType | undefined,
): FieldCheck<{ action: IndicatorAction; legacy?: LegacyIndicatorAction }> {
  const all = WRITTEN_INDICATOR_ACTIONS;
  let action: IndicatorAction | undefined;
  let legacy: LegacyIndicatorAction | undefined;
  if (typeof raw === 'string' && (INDICATOR_ACTIONS as readonly string[]).includes(raw)) action = raw as IndicatorAction;
  if (typeof raw === 'string' && Object.hasOwn(LEGACY_ACTIONS, raw)) {
    legacy = raw as LegacyIndicatorAction;
    action = LEGACY_ACTIONS[legacy];
  }
  if (action === undefined) {
    const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
    const close = typeof raw === 'string' ? (ACTION_ALIASES[fold(raw)] ?? closest(raw, all)) : undefined;
    return {
      ok: false,
      message: `action ${text} is not an indicator action`,
      expected: all.join(' | '),
      hint: close === undefined ? undefined : `did you mean "${close}"?`,
    };
  }
  if (type !== undefined && !ACTIONS_BY_TYPE[type].includes(action)) {
    const hint = isNetworkIndicatorType(type)
      ? 'network indicators do not support BlockAndRemediate (ioc-manage); use Block'
      : 'certificate indicators offer only Allowed or BlockAndRemediate (ioc-ovw)';
    const spelt = legacy === undefined ? action : `${legacy} (now ${action})`;
    return {
      ok: false,
      message: `action ${spelt} is not available for ${type} indicators`,
      expected: ACTIONS_BY_TYPE[type].join(' | '),
      hint,
    };
  }
  return { ok: true, value: legacy === undefined ? { action } : { action, legacy } };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 timestamp with a zone (`2026-03-16T09:00:00.0Z`) to epoch ms. */
export function checkExpiration(raw: unknown): FieldCheck<number> {
  const expected = 'an ISO 8601 UTC time such as 2026-03-16T09:00:00.0Z';
  const match = typeof raw === 'string' ? ISO.exec(raw.trim()) : null;
  if (match !== null) {
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const ms = Date.parse(match[0]);
    const inRange = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
    if (inRange && !Number.isNaN(ms)) {
      return { ok: true, value: ms };
    }
  }
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return {
    ok: false,
    message: `expirationTime ${text} is not a valid ISO 8601 time with a zone`,
    expected,
    hint: 'end it with Z for UTC; quote it in YAML',
  };
}

/** Alert categories the portal lists (MITRE-aligned, Pascal case); `None` appears in the portal sample. */
export const INDICATOR_CATEGORIES = [
  'None',
  'Collection',
  'CommandAndControl',
  'CredentialAccess',
  'DefenseEvasion',
  'Discovery',
  'Execution',
  'Exfiltration',
  'Exploit',
  'Impact',
  'InitialAccess',
  'LateralMovement',
  'Malware',
  'Persistence',
  'PrivilegeEscalation',
  'Ransomware',
  'SuspiciousActivity',
  'UnwantedSoftware',
] as const;

/** §5.1 / ioc-manage: categories must be Pascal case and from the portal's list. */
export function checkCategory(raw: string): FieldCheck<string> {
  if ((INDICATOR_CATEGORIES as readonly string[]).includes(raw)) return { ok: true, value: raw };
  const pascal = raw
    .split(/[\s_-]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('');
  const close = (INDICATOR_CATEGORIES as readonly string[]).includes(pascal) ? pascal : closest(raw, INDICATOR_CATEGORIES);
  return {
    ok: false,
    message: `category "${raw}" is not a portal alert category in Pascal case`,
    expected: INDICATOR_CATEGORIES.join(' | '),
    hint: close === undefined ? 'categories are written in Pascal case, e.g. CommandAndControl' : `did you mean "${close}"?`,
  };
}

const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

/** MITRE ATT&CK technique ids (`T1204` or `T1204.002`), from a list or comma-separated text. */
export function checkTechniques(raw: unknown): FieldCheck<readonly string[]> {
  const list =
    typeof raw === 'string'
      ? raw
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '')
      : raw;
  const expected = 'MITRE ATT&CK technique ids such as T1204 or T1204.002';
  if (!Array.isArray(list)) return { ok: false, message: 'mitreTechniques must be a list of technique ids', expected };
  const bad = list.find((item) => typeof item !== 'string' || !TECHNIQUE.test(item));
  if (bad !== undefined) return { ok: false, message: `technique ${JSON.stringify(bad)} is not a MITRE ATT&CK id`, expected };
  return { ok: true, value: list as string[] };
}

/** Device-group names, trimmed and without repeats; checked against the tenant's groups when `known` is given (§5.3). */
export function checkGroups(raw: unknown, known: readonly string[] | undefined): FieldCheck<readonly string[]> {
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
