// FROZEN (issue 13): a verbatim copy of engine/pipeline/synth/catalog.ts at e2b9e62, part of the G baseline; never optimise or update it (see bench/frozen-generator.ts).
/**
 * The synthetic catalog: artifact templates per class and kind, one compact line each.
 * Line format: `profile|path|variants|openers|threat|technique|signer`, where profile is `a` (any
 * device), `w` (workstations) or `s` (servers); a path starting `~token\` lives in the device user's
 * profile (see PROFILE_FOLDERS); `#` in a path is a 5-digit number and `$` 8 hex digits, both fixed per
 * variant; `variants` is how many distinct files (hashes) the line stands for, a power of two up to
 * 65536 (a 16-bit draw picks one); openers are PROCESS_IMAGES keys. For behaviours, `threat` is the
 * §3.1 tactic and the name becomes `Behavior:Win32/<Tactic>.<L>!ml`.
 */

/** Share of files, processes and behaviours per class (malicious, pua, benign): EDR sees behaviour mostly for malware. */
export const KIND_SHARES = { malicious: [0.55, 0.2, 0.25], pua: [0.85, 0.15, 0], benign: [0.75, 0.2, 0.05] } as const;

/** Files are mostly met on access; some in scheduled scans (mostly quick) and on-demand scans (mostly full). */
export const FILE_TRIGGER_SHARES = { onAccess: 0.85, scheduledScan: 0.1, quickOfScheduled: 0.8, quickOfOnDemand: 0.3 } as const;

export const MALICIOUS_FILES: readonly string[] = String.raw`
w|~dl\Invoice_#.exe|512|explorer,msedge,chrome|Trojan:Win32/Wacatac.B!ml|T1204.002
w|~olk\Remittance_#.docm|256|outlook,winword|TrojanDownloader:O97M/Obfuse.RVS!MTB|T1566.001
w|~dl\Payment_Advice_#.iso|128|msedge,outlook,explorer|Trojan:Win32/Qakbot.PD!MTB|T1553.005
w|~dl\Scan_#.js|256|explorer,wscript|Trojan:JS/Nemucod.SO!MTB|T1059.007
w|~dl\Order_#.hta|64|mshta,msedge|Trojan:HTML/Phish.AXT!MTB|T1218.005
w|~tmp\update_#.ps1|128|powershell|Trojan:PowerShell/Downloader.SB!MTB|T1059.001
w|~roam\Microsoft\svchost.exe|32|explorer,cmd|Backdoor:Win32/CobaltStrike.NP!dha|T1036.005
w|~startup\OneDriveUpdate.exe|32|explorer|Trojan:Win32/AgentTesla!ml|T1547.001
w|~tmp\xmrig_#.exe|32|powershell,cmd|Trojan:Win32/CoinMiner!MSR|T1496
w|~dl\crack_#.zip|128|chrome,msedge|Trojan:Win32/Vidar.PC!MTB|T1204.002
a|C:\ProgramData\m#.exe|32|cmd,powershell|HackTool:Win32/Mimikatz.D|T1003.001
a|C:\PerfLogs\lock_#.exe|64|cmd,explorer|Ransom:Win32/LockBit.PA!MTB|T1486
a|C:\Users\Public\Libraries\beacon_#.dll|32|rundll32|Backdoor:Win32/CobaltStrike.C!dha|T1218.011
a|C:\Windows\Temp\$.exe|128|svchost,wmiprvse|Trojan:Win32/Ymacco.AA2B|T1105
a|\\fs01\public\tools\ps_#.exe|32|explorer,cmd|Trojan:Win32/Emotet.RPH!MTB|T1570
s|C:\inetpub\wwwroot\aspnet_client\shell_#.aspx|32|w3wp|Backdoor:ASP/Chopper.F!dha|T1505.003
s|C:\Windows\Temp\svchost_#.exe|32|sqlservr,services|Ransom:Win32/Mallox.SA!MTB|T1486
`
  .trim()
  .split('\n');

export const PUA_FILES: readonly string[] = String.raw`
w|~dl\FreePDFConverter_Setup_#.exe|32|msedge,chrome,explorer|PUA:Win32/Presenoker
w|~dl\uTorrent_#.exe|16|chrome,msedge|PUA:Win32/uTorrent
w|~dl\DriverPack-17-Online_#.exe|16|chrome,msedge|PUABundler:Win32/DriverPack
w|~dl\Softonic_Downloader_#.exe|16|chrome,msedge|PUADlManager:Win32/Softonic
w|~tmp\OfferCore_#.exe|16|msiexec,explorer|PUADlManager:Win32/OfferCore
w|~dl\setup_#.exe|64|msedge,chrome|PUA:Win32/Caypnamer.A!ml
w|~dl\toolbar_#.exe|16|msedge,chrome|PUA:Win32/Conduit
a|C:\Program Files (x86)\CCleaner\CCleaner64.exe|4|explorer|PUA:Win32/CCleaner||piriform
a|\\fs01\public\installers\setup_#.exe|16|explorer|PUABundler:Win32/CandyOpen
`
  .trim()
  .split('\n');

export const BENIGN_FILES: readonly string[] = String.raw`
a|C:\Windows\System32\kernel32.dll|4|svchost,explorer|||microsoft-windows
a|C:\Windows\System32\ntdll.dll|4|svchost,services|||microsoft-windows
a|C:\Windows\System32\drivers\etc\hosts|1|svchost
a|C:\Windows\System32\catroot2\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}\catdb|1|svchost
a|C:\Windows\Temp\$.tmp|256|svchost,msiexec
a|C:\Windows\SoftwareDistribution\Download\windows10.0-kb50#-x64.cab|64|svchost|||microsoft-windows
w|C:\Windows\Prefetch\CHROME.EXE-$.pf|64|svchost
w|C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE|4|explorer|||microsoft
w|C:\Program Files\Google\Chrome\Application\chrome.exe|8|explorer|||google
w|C:\Program Files\Mozilla Firefox\firefox.exe|8|explorer|||mozilla
w|C:\Program Files (x86)\Adobe\Acrobat Reader DC\Reader\AcroRd32.exe|4|explorer,outlook|||adobe
a|C:\Program Files\7-Zip\7z.dll|2|explorer
a|C:\Program Files\Java\jre-1.8\bin\java.exe|4|cmd,explorer|||oracle
a|C:\Program Files\Contoso\Agent\contoso-agent.exe|4|services|||contoso
a|C:\Program Files\Backup\agent.exe|4|services|||contoso
a|C:\ProgramData\Contoso\Agent\logs\agent_#.log|4096|contoso
w|~dl\Quarterly Report #.pdf|16384|msedge,outlook,explorer
w|~doc\Budget #.xlsx|16384|excel,explorer,backup
w|~desk\notes_#.txt|4096|notepad,explorer,backup
w|~olk\Agenda_#.docx|8192|outlook,winword
w|~tmp\~DF$.tmp|8192|winword,excel
w|~local\Microsoft\Teams\current\Teams.exe|4|explorer|||microsoft
w|~local\Microsoft\OneDrive\OneDrive.exe|4|explorer|||microsoft
w|~roam\Microsoft\Windows\Recent\Budget #.lnk|4096|explorer
w|~dl\ChromeSetup.exe|4|msedge|||google
a|\\fs01\share\Finance\Forecast #.xlsx|8192|excel,explorer,backup
a|\\fs01\deploy\Office\setup.exe|2|explorer|||microsoft
s|D:\SQLData\MSSQL16.MSSQLSERVER\MSSQL\DATA\sales_#.mdf|64|sqlservr
s|D:\SQLData\MSSQL16.MSSQLSERVER\MSSQL\DATA\sales_#_log.ldf|64|sqlservr
s|E:\Backup\SQL\sales_#.bak|4096|backup
s|C:\inetpub\wwwroot\app\bin\Contoso.Web.dll|4|w3wp|||contoso
s|C:\inetpub\logs\LogFiles\W3SVC1\u_ex#.log|4096|w3wp
s|D:\VMs\build-#.vhdx|16|vmms
s|D:\Shares\Finance\Budget #.xlsx|8192|svchost
`
  .trim()
  .split('\n');

export const MALICIOUS_PROCESSES: readonly string[] = String.raw`
w|~tmp\$.exe|256|explorer,winword,outlook|Trojan:Win32/Wacatac.H!ml|T1204.002
w|~startup\OneDriveUpdate.exe|32|explorer,userinit|Trojan:Win32/AgentTesla!ml|T1547.001
w|~roam\Microsoft\svchost.exe|32|explorer|Backdoor:Win32/CobaltStrike.NP!dha|T1036.005
a|C:\ProgramData\Intel\$.exe|64|svchost,cmd|Trojan:Win32/Emotet.RPH!MTB|T1053.005
a|C:\PerfLogs\lock_#.exe|64|cmd,explorer|Ransom:Win32/LockBit.PA!MTB|T1486
a|C:\Windows\Temp\$.exe|128|wmiprvse,services|Trojan:Win32/Ymacco.AA2B|T1047
a|C:\ProgramData\procdump_#.exe|16|cmd|HackTool:Win32/DumpLsass.A|T1003.001
s|C:\Windows\Temp\svchost_#.exe|32|sqlservr,services|Ransom:Win32/Mallox.SA!MTB|T1486
`
  .trim()
  .split('\n');

export const PUA_PROCESSES: readonly string[] = String.raw`
w|~local\Programs\uTorrent\uTorrent.exe|8|explorer|PUA:Win32/uTorrent
w|~tmp\OfferCore_#.exe|16|msiexec|PUADlManager:Win32/OfferCore
a|C:\Program Files (x86)\CCleaner\CCleaner64.exe|4|explorer|PUA:Win32/CCleaner||piriform
a|C:\ProgramData\Baidu\BaiduProtect.exe|4|services|PUA:Win32/Vigua.A
`
  .trim()
  .split('\n');

export const BENIGN_PROCESSES: readonly string[] = String.raw`
a|C:\Windows\System32\svchost.exe|4|services|||microsoft-windows
w|C:\Windows\explorer.exe|4|userinit|||microsoft-windows
a|C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe|4|explorer,cmd,ccmexec|||microsoft-windows
a|C:\Windows\System32\cmd.exe|4|explorer,svchost|||microsoft-windows
a|C:\Windows\System32\SearchIndexer.exe|4|services|||microsoft-windows
a|C:\Windows\System32\wbem\WmiPrvSE.exe|4|svchost|||microsoft-windows
a|C:\Program Files\Backup\agent.exe|4|services|||contoso
w|C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE|4|explorer|||microsoft
w|C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe|8|explorer|||microsoft
w|C:\Program Files\Google\Chrome\Application\chrome.exe|8|explorer|||google
w|~local\Microsoft\Teams\current\Teams.exe|4|explorer|||microsoft
s|C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlservr.exe|4|services|||microsoft
s|C:\Windows\System32\inetsrv\w3wp.exe|2|svchost|||microsoft-windows
`
  .trim()
  .split('\n');

/** §3.1: behaviour tactics with ATT&CK techniques, including what behavioural blocking is documented to stop. */
export const MALICIOUS_BEHAVIORS: readonly string[] = String.raw`
w|C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE|4|outlook,explorer|InitialAccess|T1566.001|microsoft
s|C:\Windows\System32\inetsrv\w3wp.exe|2|svchost|InitialAccess|T1190|microsoft-windows
a|C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe|4|winword,wscript,cmd,mshta|Execution|T1059.001|microsoft-windows
a|C:\Windows\System32\cmd.exe|4|winword,wscript,explorer|Execution|T1059.003|microsoft-windows
w|C:\Windows\System32\wscript.exe|4|explorer,outlook|Execution|T1059.005|microsoft-windows
a|C:\Windows\System32\wbem\WmiPrvSE.exe|4|svchost|Execution|T1047|microsoft-windows
a|C:\Windows\System32\reg.exe|4|cmd,powershell|Persistence|T1547.001|microsoft-windows
a|C:\Windows\System32\schtasks.exe|4|cmd,powershell|Persistence|T1053.005|microsoft-windows
a|C:\Windows\System32\sc.exe|4|cmd|Persistence|T1543.003|microsoft-windows
a|C:\ProgramData\Intel\$.exe|64|cmd|Persistence|T1542.003
a|C:\Windows\System32\fodhelper.exe|4|powershell,cmd|PrivilegeEscalation|T1548.002|microsoft-windows
w|~tmp\$.exe|256|explorer,powershell|PrivilegeEscalation|T1055
a|C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe|4|cmd|DefenseEvasion|T1562.001|microsoft-windows
a|C:\Windows\System32\rundll32.exe|4|explorer,powershell|DefenseEvasion|T1055.012|microsoft-windows
a|C:\Windows\System32\certutil.exe|4|cmd|DefenseEvasion|T1553.004|microsoft-windows
a|C:\Windows\System32\rundll32.exe|4|powershell,cmd|CredentialAccess|T1003.001|microsoft-windows
a|C:\Windows\System32\reg.exe|4|cmd|CredentialAccess|T1003.002|microsoft-windows
a|C:\Windows\System32\net.exe|4|cmd,powershell|Discovery|T1087.002|microsoft-windows
a|C:\ProgramData\AdFind.exe|2|cmd|Discovery|T1018
a|C:\Windows\PSEXESVC.exe|2|services|LateralMovement|T1021.002
a|C:\ProgramData\m#.exe|32|cmd|LateralMovement|T1550.002
a|C:\Program Files\7-Zip\7z.exe|2|cmd|Collection|T1560.001
w|C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe|4|cmd|Collection|T1114.001|microsoft-windows
a|C:\Windows\System32\certutil.exe|4|cmd,powershell|CommandAndControl|T1105|microsoft-windows
a|C:\Windows\System32\bitsadmin.exe|4|cmd|CommandAndControl|T1105|microsoft-windows
a|C:\Windows\System32\rundll32.exe|4|explorer|CommandAndControl|T1071.001|microsoft-windows
a|C:\ProgramData\rclone.exe|2|cmd,powershell|Exfiltration|T1567.002
a|C:\Windows\System32\vssadmin.exe|4|cmd|Impact|T1490|microsoft-windows
a|C:\PerfLogs\lock_#.exe|64|cmd,explorer|Impact|T1486
w|~tmp\xmrig_#.exe|32|powershell|Impact|T1496
a|C:\Windows\Temp\$.exe|128|svchost,wmiprvse|Generic
`
  .trim()
  .split('\n');

export const BENIGN_BEHAVIORS: readonly string[] = String.raw`
a|C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe|4|ccmexec,svchost|||microsoft-windows
a|C:\Windows\System32\schtasks.exe|4|msiexec,svchost|||microsoft-windows
a|C:\Program Files\Backup\agent.exe|4|services|||contoso
w|C:\Program Files\Google\Chrome\Application\chrome.exe|8|explorer|||google
s|C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlservr.exe|4|services|||microsoft
`
  .trim()
  .split('\n');
