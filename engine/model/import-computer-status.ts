/** Reads device facts from `Get-MpComputerStatus` output: the Format-List text or `ConvertTo-Json` (§1.2, §3.2). */
import { STATUS_FLAGS, STATUS_VERSIONS, type ComputerStatusFacts, type ReadField } from '../core/device-facts.ts';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';
import { quote, quoteExcerpt } from '../core/quote.ts';
import { parseVersion } from '../core/version.ts';
import { RUNNING_MODES, type RunningMode } from '../core/vocabulary.ts';
import { jsonErrorOffset } from '../policy/exclusions/json-error-offset.ts';
import { readFormatList } from '../policy/exclusions/read-format-list.ts';
import { recogniseComputerStatus } from './recognise-computer-status.ts';

const EXPORT_HINT = 'export one device with Get-MpComputerStatus | ConvertTo-Json | Out-File status.json';
const READ = new Set<string>(['AMRunningMode', ...STATUS_FLAGS, ...STATUS_VERSIONS]);

/** One property found: name, raw value (text, or a JSON value), where. */
interface Found {
  readonly name: string;
  readonly value: unknown;
  readonly line: number;
  readonly column: number;
}

function issue(code: string, found: Pick<Found, 'line' | 'column'>, message: string, hint = EXPORT_HINT): Issue {
  return { code, path: [], line: found.line, column: found.column, message, hint };
}

/** Checks one property's value against what PowerShell prints for it; undefined (with an issue) when it is not. */
function readValue(found: Found, issues: Issue[]): ReadField<string | boolean> | undefined {
  const { name, value, line, column } = found;
  const at = { line, column };
  const shown =
    typeof value === 'string' ? quoteExcerpt(value, 40) : typeof value === 'object' ? 'an object or list' : quote(value);
  if ((STATUS_FLAGS as readonly string[]).includes(name)) {
    // Format-List prints True/False; ConvertTo-Json writes true/false.
    const flag = value === true || value === 'True' ? true : value === false || value === 'False' ? false : undefined;
    if (flag === undefined) issues.push(issue('computer_status_bad_value', at, `${name} is ${shown}, not True or False`));
    return flag === undefined ? undefined : { value: flag, line, column };
  }
  if (typeof value !== 'string') {
    issues.push(issue('computer_status_bad_value', at, `${name} is ${shown}, not text`));
    return undefined;
  }
  if (name === 'AMRunningMode') {
    if ((RUNNING_MODES as readonly string[]).includes(value)) return { value: value as RunningMode, line, column };
    const sxs = value === 'SxS Passive Mode';
    issues.push(
      issue(
        sxs ? 'computer_status_unsupported_mode' : 'computer_status_bad_value',
        at,
        sxs
          ? 'AMRunningMode is "SxS Passive Mode" (limited periodic scanning), which edrsim does not model (§1.1)'
          : `AMRunningMode is ${shown}, not one of ${RUNNING_MODES.map((mode) => quote(mode)).join(', ')} (§1.2)`,
        sxs ? 'limited periodic scanning is consumer-only and not supported in enterprises (§1.1)' : EXPORT_HINT,
      ),
    );
    return undefined;
  }
  if (!parseVersion(value).ok) {
    issues.push(issue('computer_status_bad_value', at, `${name} is ${shown}, not a version such as 4.18.24090.11`));
    return undefined;
  }
  return { value, line, column };
}

function fromText(text: string): Found[] {
  const lines = text.split(/\r?\n/);
  return readFormatList(text)
    .filter((property) => READ.has(property.name))
    .map(({ name, value, line }) => {
      const row = lines[line - 1] ?? '';
      const colon = row.indexOf(':');
      const column = colon + 2 + (row.slice(colon + 1).length - row.slice(colon + 1).trimStart().length);
      return { name, value: value.trim(), line, column };
    });
}

function fromJson(text: string, issues: Issue[]): Found[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the error, which may be a secret: only the place is told.
    const offset = Math.max(0, jsonErrorOffset(text));
    const before = text.slice(0, offset);
    const at = { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
    issues.push(issue('computer_status_bad_json', at, 'the JSON does not parse'));
    return [];
  }
  if (Array.isArray(data) && data.length > 1) {
    issues.push(
      issue('computer_status_many_devices', { line: 1, column: 1 }, `the JSON holds ${data.length} objects, not one device`),
    );
    return [];
  }
  const object = Array.isArray(data) ? data[0] : data;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    issues.push(issue('computer_status_bad_json', { line: 1, column: 1 }, 'the JSON is not one Get-MpComputerStatus object'));
    return [];
  }
  const lines = text.split('\n');
  return Object.entries(object as Record<string, unknown>)
    .filter(([name, value]) => READ.has(name) && value !== null)
    .map(([name, value]) => {
      const index = lines.findIndex((row) => row.includes(`"${name}"`));
      const row = lines[index] ?? '';
      const after = row.indexOf(':', row.indexOf(`"${name}"`));
      const column = after < 0 ? 1 : after + 2 + (row.slice(after + 1).length - row.slice(after + 1).trimStart().length);
      return { name, value, line: index + 1, column };
    });
}

/**
 * Reads `AMRunningMode`, the service and protection flags, `IsTamperProtected` and the three versions
 * from `Get-MpComputerStatus` output (Format-List text, or `ConvertTo-Json` of one device). A property
 * printed empty or null is unknown, not an error; a value PowerShell would not print is an issue at
 * its line and column. Properties edrsim does not model are ignored.
 *
 * @example
 * importComputerStatus('AMRunningMode : Passive Mode\nAMServiceEnabled : True').ok; // true
 */
export function importComputerStatus(text: string): Result<ComputerStatusFacts> {
  const kind = recogniseComputerStatus(text);
  if (kind === undefined) {
    // Any file may be named here: refuse it whole and quote none of it.
    return fail([
      {
        ...issue(
          'computer_status_unrecognised',
          { line: 1, column: 1 },
          'the file is not a Get-MpComputerStatus export: it has no AMProductVersion, AMEngineVersion, AMServiceEnabled or AMRunningMode property',
        ),
        expected: 'the output of Get-MpComputerStatus, or of Get-MpComputerStatus | ConvertTo-Json',
      },
    ]);
  }
  const issues: Issue[] = [];
  const found = kind === 'json' ? fromJson(text, issues) : fromText(text);
  const facts: Record<string, ReadField<string | boolean>> = {};
  const seen = new Set<string>();
  for (const entry of found) {
    if (seen.has(entry.name)) {
      issues.push(
        issue('computer_status_many_devices', entry, `${entry.name} appears more than once`, 'export one device at a time'),
      );
      continue;
    }
    seen.add(entry.name);
    // Format-List prints an empty value for a property the platform does not fill: unknown, not wrong.
    if (entry.value === '') continue;
    const read = readValue(entry, issues);
    if (read !== undefined) facts[entry.name] = read;
  }
  return issues.length > 0 ? fail(issues) : ok(facts as ComputerStatusFacts);
}
