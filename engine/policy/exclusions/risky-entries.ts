/** What Microsoft says not to exclude (excl-mistakes, §4.4 lint list), as normalised data for the linter. */

/** Extensions never to exclude; images only when their libraries are patched. */
export const RISKY_EXTENSIONS: ReadonlySet<string> = new Set(
  '7z bat bin cab cmd com cpl dll exe fla gif gz hta inf java jar job jpeg jpg js ko ko.gz msi ocx png ps1 py rar reg scr sys tar tmp url vbe vbs wsf zip'.split(
    ' ',
  ),
);

/** Image formats that excl-mistakes allows to exclude only when the image libraries are patched. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['gif', 'jpeg', 'jpg', 'png']);

/** Processes never to exclude (lower case). */
export const RISKY_PROCESSES: ReadonlySet<string> = new Set(
  [
    'AcroRd32.exe',
    'addinprocess.exe',
    'addinprocess32.exe',
    'addinutil.exe',
    'bash.exe',
    'bginfo.exe',
    'bitsadmin.exe',
    'cdb.exe',
    'csi.exe',
    'cmd.exe',
    'cscript.exe',
    'dbghost.exe',
    'dbgsvc.exe',
    'dnx.exe',
    'dotnet.exe',
    'excel.exe',
    'fsi.exe',
    'fsiAnyCpu.exe',
    'iexplore.exe',
    'java.exe',
    'kd.exe',
    'lxssmanager.dll',
    'msbuild.exe',
    'mshta.exe',
    'ntkd.exe',
    'ntsd.exe',
    'outlook.exe',
    'psexec.exe',
    'powerpnt.exe',
    'powershell.exe',
    'rcsi.exe',
    'svchost.exe',
    'schtasks.exe',
    'system.management.automation.dll',
    'windbg.exe',
    'winword.exe',
    'wmic.exe',
    'wscript.exe',
    'wuauclt.exe',
  ].map((name) => name.toLowerCase()),
);

/** Folders too broad to exclude, normalised; a trailing `*` form is checked too. */
export const BROAD_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['c:\\users', 'every user profile'],
  ['c:\\program files', 'every installed program'],
  ['c:\\program files (x86)', 'every installed 32-bit program'],
  ['c:\\programdata', 'all application data'],
  ['c:\\windows', 'the operating system'],
  ['c:\\windows\\system32', 'the operating system'],
]);

/** System folders excl-mistakes names (normalised, env vars expanded). */
export const SYSTEM_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['c:\\windows\\prefetch', '%Windir%\\Prefetch'],
  ['c:\\windows\\system32\\spool', '%Windir%\\System32\\Spool'],
  ['c:\\windows\\system32\\catroot2', 'C:\\Windows\\System32\\CatRoot2'],
]);

/** Temp folders excl-mistakes names; user temps are matched by shape in the linter. */
export const TEMP_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['c:\\temp', 'C:\\Temp'],
  ['c:\\windows\\temp', '%Windir%\\Temp'],
]);

/** Folders whose immediate children are vendor roots (`C:\Program Files\Contoso\`, `%ProgramFiles%\Java`). */
export const VENDOR_PARENTS: ReadonlySet<string> = new Set(['c:\\program files', 'c:\\program files (x86)']);

/** Variables that resolve to the system profile, never to a user's (§4.2, C11). */
export const PROFILE_VARIABLES = /%(userprofile|appdata|localappdata)%/i;
