// FROZEN (issue 13): a verbatim copy of engine/pipeline/synth/catalog-places.ts at e2b9e62, part of the G baseline; never optimise or update it (see bench/frozen-generator.ts).
/** Where synthetic artifacts live: user profiles, the processes that open them, and code-signing certificates. */

/** Workstation users; one is drawn per device, so its profile paths stay stable across a device's artifacts. */
export const WORKSTATION_USERS: readonly string[] = String.raw`
alice bob carol dmitri emma.jones fgarcia hiro.tanaka ines jkowalski kim.lee lars.nilsen maria.silva
nokafor oliver priya.r quentin rsmith sofia tariq ursula victor wei.zhang xavier yuki zoe
`
  .trim()
  .split(/\s+/);

/** Accounts whose profiles hold files on servers (service accounts and the local administrator). */
export const SERVER_USERS: readonly string[] = ['Administrator', 'svc_sql', 'svc_backup', 'svc_iis'];

/** `~token` folders of a profile, relative to `C:\Users\<user>\`, as `token=folder`. */
export const PROFILE_FOLDERS: readonly string[] = String.raw`
dl=Downloads
doc=Documents
desk=Desktop
tmp=AppData\Local\Temp
local=AppData\Local
roam=AppData\Roaming
olk=AppData\Local\Microsoft\Windows\INetCache\Content.Outlook\7XK2Q9PL
startup=AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup
`
  .trim()
  .split('\n');

/**
 * Opener and parent processes as `key=full image path`. §4.4 lint list: outlook, winword, powershell, cmd,
 * wscript and svchost are the processes Microsoft says never to exclude, so they appear often here.
 */
export const PROCESS_IMAGES: readonly string[] = String.raw`
explorer=C:\Windows\explorer.exe
userinit=C:\Windows\System32\userinit.exe
services=C:\Windows\System32\services.exe
svchost=C:\Windows\System32\svchost.exe
wmiprvse=C:\Windows\System32\wbem\WmiPrvSE.exe
cmd=C:\Windows\System32\cmd.exe
powershell=C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe
wscript=C:\Windows\System32\wscript.exe
mshta=C:\Windows\System32\mshta.exe
rundll32=C:\Windows\System32\rundll32.exe
msiexec=C:\Windows\System32\msiexec.exe
notepad=C:\Windows\System32\notepad.exe
outlook=C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE
winword=C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE
excel=C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE
msedge=C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe
chrome=C:\Program Files\Google\Chrome\Application\chrome.exe
ccmexec=C:\Windows\CCM\CcmExec.exe
contoso=C:\Program Files\Contoso\Agent\contoso-agent.exe
backup=C:\Program Files\Backup\agent.exe
sqlservr=C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlservr.exe
w3wp=C:\Windows\System32\inetsrv\w3wp.exe
vmms=C:\Windows\System32\vmms.exe
`
  .trim()
  .split('\n');

/**
 * Signers of benign (and a few PUA) binaries. Each gets one fixed leaf thumbprint, as a real vendor
 * certificate would; §5.1: Microsoft-signed certificates cannot be blocked by an indicator.
 */
export const SIGNERS: readonly string[] = [
  'microsoft-windows',
  'microsoft',
  'google',
  'mozilla',
  'adobe',
  'oracle',
  'contoso',
  'piriform',
];
