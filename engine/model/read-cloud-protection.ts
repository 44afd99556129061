/** Cloud-delivered protection (MAPS) as `Get-MpPreference` prints it: `MAPSReporting` 0 off, 1 basic, 2 advanced (§3.2). */
import type { ReadField } from '../core/device-facts.ts';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';
import { quote } from '../core/quote.ts';
import { importMpPreference, recogniseMpPreference } from '../policy/exclusions/index.ts';
import { readFormatList } from '../policy/exclusions/read-format-list.ts';

const HINT = 'export with Get-MpPreference | ConvertTo-Json | Out-File mppref.json';

/**
 * Reads `MAPSReporting` from a `Get-MpPreference` export (text or JSON): cloud protection is on for 1 or 2,
 * off for 0. The file must be one the exclusions importer takes (the same recogniser and checks); a
 * value other than 0, 1 or 2 is an issue at its line. Undefined when the export has no `MAPSReporting`.
 *
 * @example
 * readCloudProtection('ExclusionPath : {}\nMAPSReporting : 2'); // { ok: true, value: { value: true, line: 2, column: 17 } }
 */
export function readCloudProtection(text: string): Result<ReadField<boolean> | undefined> {
  const kind = recogniseMpPreference(text);
  // The exclusions importer owns what a Get-MpPreference export is: its refusal (unrecognised, bad JSON) is ours.
  // Its other findings (lists hidden from non-admins) do not hide MAPSReporting, so they are not.
  const refused = (): Result<undefined> => {
    const imported = importMpPreference(text);
    const issues = imported.ok ? [] : imported.issues.filter((i) => /unrecognised|bad_json/.test(i.code));
    return issues.length > 0 ? fail(issues) : ok(undefined);
  };
  if (kind === undefined) return refused();
  const lines = text.split(/\r?\n/);
  let raw: unknown;
  let line = 0;
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return refused();
    }
    const object: unknown = Array.isArray(data) ? data[0] : data;
    raw = typeof object === 'object' && object !== null ? (object as Record<string, unknown>).MAPSReporting : undefined;
    line = lines.findIndex((row) => row.includes('"MAPSReporting"')) + 1;
  } else {
    const found = readFormatList(text).find((property) => property.name === 'MAPSReporting');
    raw = found?.value.trim();
    line = found?.line ?? 0;
  }
  if (raw === undefined || raw === null || raw === '' || line === 0) return ok(undefined);
  const row = lines[line - 1] ?? '';
  const colon = row.indexOf(':', Math.max(0, row.indexOf('MAPSReporting')));
  const column = colon + 2 + (row.slice(colon + 1).length - row.slice(colon + 1).trimStart().length);
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (value !== 0 && value !== 1 && value !== 2) {
    const issue: Issue = {
      code: 'mp_preference_bad_value',
      path: ['MAPSReporting'],
      line,
      column,
      message: `MAPSReporting is ${quote(typeof raw === 'string' ? raw.slice(0, 40) : raw)}, not 0, 1 or 2`,
      expected: '0 (off), 1 (basic) or 2 (advanced)',
      hint: HINT,
    };
    return fail([issue]);
  }
  return ok({ value: value !== 0, line, column });
}
