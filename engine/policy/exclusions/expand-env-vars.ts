/** Environment variables as the MDAV service (LocalSystem) sees them, expanded in exclusion entries (§4.2). */

/**
 * §4.2 table (ext-excl, current version): the variables as `NT AUTHORITY\SYSTEM` sees them. The last
 * five are machine variables SYSTEM also has, not listed on the page **[inference]**.
 */
const SYSTEM_ENV_VARS: ReadonlyMap<string, string> = new Map([
  ['APPDATA', 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming'],
  ['LOCALAPPDATA', 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local'],
  ['PROGRAMDATA', 'C:\\ProgramData'],
  ['ALLUSERSPROFILE', 'C:\\ProgramData'],
  ['PROGRAMFILES', 'C:\\Program Files'],
  ['PROGRAMFILES(X86)', 'C:\\Program Files (x86)'],
  ['SYSTEMDRIVE', 'C:'],
  ['SYSTEMROOT', 'C:\\Windows'],
  ['WINDIR', 'C:\\Windows'],
  ['PUBLIC', 'C:\\Users\\Public'],
  // §4.2/C11: the system profile, never the logged-on user's profile.
  ['USERPROFILE', 'C:\\Windows\\system32\\config\\systemprofile'],
  ['TEMP', 'C:\\Windows\\Temp'],
  ['TMP', 'C:\\Windows\\Temp'],
  ['COMMONPROGRAMFILES', 'C:\\Program Files\\Common Files'],
  ['COMMONPROGRAMFILES(X86)', 'C:\\Program Files (x86)\\Common Files'],
  ['PROGRAMW6432', 'C:\\Program Files'],
]);

/** The result of expanding: the text, and each `%NAME%` that is not a system variable. */
export interface EnvExpansion {
  readonly text: string;
  readonly unknown: readonly string[];
}

const NONE: readonly string[] = [];

// A variable is `%name%` with no separator inside; anything else is literal text.
const VARIABLE = /%([^%\\/]+)%/g;

/**
 * Expands the system variables of §4.2 (names are case-insensitive); unknown names stay as written and
 * are listed in `unknown` (user variables are not supported, C11).
 *
 * @example
 * expandEnvVars('%ProgramFiles%\\Contoso'); // { text: 'C:\\Program Files\\Contoso', unknown: [] }
 */
export function expandEnvVars(text: string): EnvExpansion {
  if (text.indexOf('%') === -1) return { text, unknown: NONE };
  const unknown: string[] = [];
  const expanded = text.replace(VARIABLE, (whole, name: string) => {
    const value = SYSTEM_ENV_VARS.get(name.toUpperCase());
    if (value === undefined) {
      unknown.push(whole);
      return whole;
    }
    return value;
  });
  return { text: expanded, unknown };
}

/** How many names a hint shows: the whole list made a 320-character line, past what a terminal line may hold. */
const NAMES_IN_HINT = 6;

/** The first documented variable names, spelled for a hint, and where the rest are listed. */
export function knownVariableList(): string {
  const names = [...SYSTEM_ENV_VARS.keys()].map((name) => `%${name}%`);
  return `${names.slice(0, NAMES_IN_HINT).join(', ')} (${names.length} in all: scenarios/README.md, "Paths as Defender sees them")`;
}
