/** Reads exclusion lists from `Get-MpPreference` output: the Format-List text or `ConvertTo-Json` (§4.1). */
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import { fail, ok, type Issue, type Result } from '../../core/issue.ts';
import { quote, quoteExcerpt } from '../../core/quote.ts';
import { jsonErrorOffset } from './json-error-offset.ts';
import { readFormatList, splitListValue } from './read-format-list.ts';
import { recogniseMpPreference } from './recognise-mp-preference.ts';

/** The three properties, mapped to the contract's list names. */
const MP_PROPERTIES = { ExclusionPath: 'paths', ExclusionExtension: 'extensions', ExclusionProcess: 'processes' } as const;
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
      // A number or true is short; a nested object or list could be the whole file, so it is only named.
      const shown = typeof item === 'object' && item !== null ? (Array.isArray(item) ? 'a list' : 'an object') : quote(item);
      issues.push(issue('mp_preference_bad_value', found, `${property} holds ${shown}, not text`, EXPORT_HINT));
    } else if (HIDDEN.test(item.trim())) {
      const hint =
        'run Get-MpPreference as an administrator; HideExclusionsFromLocalAdmins hides the lists even from admins (§4.1)';
      issues.push(issue('mp_preference_hidden', found, `${property} is hidden: ${quoteExcerpt(item.trim())}`, hint));
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
      issues.push(issue('mp_preference_truncated', entry, `${name} was cut off by the formatter ("…" at the end)`, hint));
      found.push({ ...entry, value: [] });
    } else {
      const inner = value.trim().replace(/^\{(.*)\}$/s, '$1');
      found.push({ ...entry, value: items({ ...entry, value: HIDDEN.test(inner) ? inner : splitListValue(value) }, issues) });
    }
  }
  return found;
}

/**
 * The issue for JSON that does not parse, placed at the first bad character. V8's own message is not
 * used: it quotes the text around the error, which may be a secret; at most 40 characters are shown.
 */
function jsonIssue(text: string): Issue {
  const offset = Math.max(0, jsonErrorOffset(text));
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const what = offset >= text.length ? 'the end of the file' : quoteExcerpt(text.slice(offset, offset + 40), 40);
  const message = `the JSON does not parse: unexpected ${what} at line ${line}, column ${column}`;
  return {
    code: 'mp_preference_bad_json',
    path: [],
    line,
    column,
    message,
    expected: 'the output of Get-MpPreference | ConvertTo-Json',
    hint: EXPORT_HINT,
  };
}

function fromJson(text: string, issues: Issue[]): Found[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    issues.push(jsonIssue(text));
    return [];
  }
  const object = Array.isArray(data) && data.length === 1 ? data[0] : data;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    const hint = 'export one device with Get-MpPreference | ConvertTo-Json';
    issues.push({
      code: 'mp_preference_bad_json',
      path: [],
      line: 1,
      message: 'the JSON is not one Get-MpPreference object',
      hint,
    });
    return [];
  }
  const lines = text.split('\n');
  return (Object.keys(MP_PROPERTIES) as Property[])
    .filter((property) => property in object)
    .map((property) => {
      const entry = {
        property,
        line: lines.findIndex((row) => row.includes(`"${property}"`)) + 1,
        value: (object as Record<string, unknown>)[property],
      };
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
  const kind = recogniseMpPreference(text);
  if (kind === undefined) {
    // Any file may be named here (a .env, /etc/passwd): refuse it whole and quote none of it.
    const message =
      'the file is not a Get-MpPreference export: it has no ExclusionPath, ExclusionExtension or ExclusionProcess property';
    return fail([
      {
        code: 'mp_preference_unrecognised',
        path: [],
        line: 1,
        message,
        expected: 'the output of Get-MpPreference, or of Get-MpPreference | ConvertTo-Json',
        hint: 'export with Get-MpPreference | ConvertTo-Json | Out-File mppref.json',
      },
    ]);
  }
  const issues: Issue[] = [];
  const found = kind === 'json' ? fromJson(text, issues) : fromText(text, issues);
  const lists = { paths: [] as string[], extensions: [] as string[], processes: [] as string[] };
  const seen = new Set<Property>();
  for (const entry of found) {
    if (seen.has(entry.property))
      issues.push(
        issue('mp_preference_duplicate', entry, `${entry.property} appears more than once`, 'import one device at a time'),
      );
    seen.add(entry.property);
    append(lists[MP_PROPERTIES[entry.property]], entry.value as string[]);
  }
  if (found.length === 0 && issues.length === 0) {
    // Recognised by a key that is not a property of the object read (nested, or in a list of devices).
    const message = 'no ExclusionPath, ExclusionExtension or ExclusionProcess property found on the object';
    issues.push({
      code: 'mp_preference_no_exclusions',
      path: [],
      line: 1,
      message,
      hint: 'export one device with Get-MpPreference | ConvertTo-Json',
    });
  }
  return issues.length > 0 ? fail(issues) : ok(lists);
}
