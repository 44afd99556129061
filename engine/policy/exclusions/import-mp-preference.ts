/** Reads exclusion lists from `Get-MpPreference` output: the Format-List text or `ConvertTo-Json` (§4.1). */
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import { fail, ok, type Issue, type Result } from '../../core/issue.ts';
import { jsonErrorOffset } from './json-error-offset.ts';
import { readFormatList, splitListValue } from './read-format-list.ts';

/** The three properties, mapped to the contract's list names. */
export const MP_PROPERTIES = { ExclusionPath: 'paths', ExclusionExtension: 'extensions', ExclusionProcess: 'processes' } as const;
type Property = keyof typeof MP_PROPERTIES;

/** One property found in the input: where, and its value as read (text, or a JSON value). */
interface Found {
  readonly property: Property;
  readonly line: number;
  readonly value: unknown;
}

const HIDDEN = /^N\/A\b/;
const TRUNCATED = /(\.\.\.|…)\}?$/;
const EXPORT_HINT = 'export with Get-MpPreference | ConvertTo-Json';

function issue(code: string, found: Found, message: string, hint: string): Issue {
  return { code, path: [MP_PROPERTIES[found.property]], line: found.line, message, hint };
}

/** The items of one property, or issues: hidden from non-admins, not text. */
function items(found: Found, issues: Issue[]): string[] {
  const { value, property } = found;
  // ConvertTo-Json gives an array, null, one string, or (Windows PowerShell) a `{ value, Count }` wrapper.
  const inner = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : undefined;
  const wrapped = Array.isArray(inner) ? inner : value;
  const list: unknown[] = wrapped === null || wrapped === undefined ? [] : Array.isArray(wrapped) ? wrapped : [wrapped];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') {
      issues.push(issue('mp-preference-bad-value', found, `${property} holds ${JSON.stringify(item)}, not text`, EXPORT_HINT));
    } else if (HIDDEN.test(item.trim())) {
      const hint = 'run Get-MpPreference as an administrator; HideExclusionsFromLocalAdmins hides the lists even from admins (§4.1)';
      issues.push(issue('mp-preference-hidden', found, `${property} is hidden: "${item.trim()}"`, hint));
    } else if (item.trim() !== '') out.push(item.trim());
  }
  return out;
}

function fromText(text: string, issues: Issue[]): Found[] {
  const found: Found[] = [];
  for (const { name, value, line } of readFormatList(text)) {
    if (!(name in MP_PROPERTIES)) continue;
    const entry = { property: name as Property, line, value };
    if (TRUNCATED.test(value.trim())) {
      const hint = 'set $FormatEnumerationLimit = -1 before Get-MpPreference, or export with ConvertTo-Json';
      issues.push(issue('mp-preference-truncated', entry, `${name} was cut off by the formatter ("…" at the end)`, hint));
      found.push({ ...entry, value: [] });
    } else {
      const inner = value.trim().replace(/^\{(.*)\}$/s, '$1');
      found.push({ ...entry, value: items({ ...entry, value: HIDDEN.test(inner) ? inner : splitListValue(value) }, issues) });
    }
  }
  return found;
}

function fromJson(text: string, issues: Issue[]): Found[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const line = text.slice(0, Math.max(0, jsonErrorOffset(text))).split('\n').length;
    const message = `the JSON does not parse: ${String(error).replace(/^SyntaxError: /, '')}`;
    issues.push({ code: 'mp-preference-bad-json', path: [], line, message, hint: EXPORT_HINT });
    return [];
  }
  const object = Array.isArray(data) && data.length === 1 ? data[0] : data;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    const hint = 'export one device with Get-MpPreference | ConvertTo-Json';
    issues.push({ code: 'mp-preference-bad-json', path: [], line: 1, message: 'the JSON is not one Get-MpPreference object', hint });
    return [];
  }
  const lines = text.split('\n');
  return (Object.keys(MP_PROPERTIES) as Property[])
    .filter((property) => property in object)
    .map((property) => {
      const entry = { property, line: lines.findIndex((row) => row.includes(`"${property}"`)) + 1, value: (object as Record<string, unknown>)[property] };
      return { ...entry, value: items(entry, issues) };
    });
}

/**
 * Reads `ExclusionPath`, `ExclusionExtension` and `ExclusionProcess` from `Get-MpPreference` text
 * (with wrapped lines, `{}`, and the non-admin `N/A` placeholder) or from its `ConvertTo-Json` output
 * (arrays, null, or a single string). Problems come back with line numbers.
 *
 * @example
 * importMpPreference('ExclusionPath : {C:\\a, C:\\b}'); // { ok: true, value: { paths: ['C:\\a', 'C:\\b'], extensions: [], processes: [] } }
 */
export function importMpPreference(text: string): Result<ExclusionLists> {
  const issues: Issue[] = [];
  const trimmed = text.trim();
  const found = trimmed.startsWith('{') || trimmed.startsWith('[') ? fromJson(text, issues) : fromText(text, issues);
  const lists = { paths: [] as string[], extensions: [] as string[], processes: [] as string[] };
  const seen = new Set<Property>();
  for (const entry of found) {
    if (seen.has(entry.property)) issues.push(issue('mp-preference-duplicate', entry, `${entry.property} appears more than once`, 'import one device at a time'));
    seen.add(entry.property);
    append(lists[MP_PROPERTIES[entry.property]], entry.value as string[]);
  }
  if (found.length === 0 && issues.length === 0) {
    const message = 'no ExclusionPath, ExclusionExtension or ExclusionProcess property found';
    issues.push({ code: 'mp-preference-no-exclusions', path: [], line: 1, message, hint: 'paste the output of Get-MpPreference, or of Get-MpPreference | ConvertTo-Json' });
  }
  return issues.length > 0 ? fail(issues) : ok(lists);
}
