/** Tells whether text is a `Get-MpComputerStatus` export, before anything of it is read or quoted (issue 14). */
import { readFormatList } from '../policy/exclusions/read-format-list.ts';

/** Properties every MSFT_MpComputerStatus carries and no Get-MpPreference export has (§1.2). */
const PROPERTY_NAMES = ['AMProductVersion', 'AMEngineVersion', 'AMServiceEnabled', 'AMRunningMode'];
const JSON_KEY = /"(?:AMProductVersion|AMEngineVersion|AMServiceEnabled|AMRunningMode)"\s*:/;

/**
 * `'json'` for `Get-MpComputerStatus | ConvertTo-Json` output (an object or a list naming `AMProductVersion`,
 * `AMEngineVersion`, `AMServiceEnabled` or `AMRunningMode` as a key), `'text'` for the Format-List output
 * (`AMRunningMode : Normal` lines), undefined for anything else: such a file is refused whole and none
 * of it is quoted, since it may be any file.
 *
 * @example
 * recogniseComputerStatus('AMRunningMode : Normal'); // 'text'
 * recogniseComputerStatus('{ "AMServiceEnabled": true }'); // 'json'
 * recogniseComputerStatus('ExclusionPath : {C:\\Tools}'); // undefined (Get-MpPreference)
 */
export function recogniseComputerStatus(text: string): 'json' | 'text' | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON_KEY.test(text) ? 'json' : undefined;
  return readFormatList(text).some((property) => PROPERTY_NAMES.includes(property.name)) ? 'text' : undefined;
}
