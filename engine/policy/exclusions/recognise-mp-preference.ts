/** Tells whether text is a `Get-MpPreference` export, before anything of it is read or quoted (issue 10). */
import { readFormatList } from './read-format-list.ts';

/** The three list properties an export always carries, possibly empty (§4.1). */
const PROPERTY_NAMES = ['ExclusionPath', 'ExclusionExtension', 'ExclusionProcess'];
/** A JSON key naming one of them: `"ExclusionPath" :`. */
const JSON_KEY = /"Exclusion(?:Path|Extension|Process)"\s*:/;

/**
 * `'json'` for `Get-MpPreference | ConvertTo-Json` output (an object or a one-item list that names
 * `ExclusionPath`, `ExclusionExtension` or `ExclusionProcess` as a key), `'text'` for the Format-List
 * output (`ExclusionPath : {…}` lines), or undefined for anything else: such a file is refused as
 * a whole and none of it is quoted, since it may be any file (a `.env`, `/etc/passwd`).
 *
 * @example
 * recogniseMpPreference('ExclusionPath : {C:\\Tools}'); // 'text'
 * recogniseMpPreference('{ "ExclusionPath": null }'); // 'json'
 * recogniseMpPreference('SECRET=x'); // undefined
 */
export function recogniseMpPreference(text: string): 'json' | 'text' | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON_KEY.test(text) ? 'json' : undefined;
  return readFormatList(text).some((property) => PROPERTY_NAMES.includes(property.name)) ? 'text' : undefined;
}
