/** Automatic server-role exclusions delivered on Windows Server 2016 and later, real-time protection only (§4.1 srv-excl). */
import { append } from '../../core/append.ts';
import type { ExclusionLists } from '../../core/config.ts';
import type { OsName } from '../../core/vocabulary.ts';
import type { ExclusionEntry, ExclusionOptions } from './exclusion-entry.ts';
import { parseExclusions } from './parse-exclusions.ts';

export const SERVER_ROLES = ['hyper-v', 'ad-ds', 'dhcp', 'dns', 'file-storage', 'print', 'web-server', 'wsus'] as const;
/** A role DISM reports as installed. */
export type ServerRole = (typeof SERVER_ROLES)[number];

interface RoleList extends ExclusionLists {
  readonly name: string;
}

const S32 = '%systemroot%\\System32';
const NTDS = '%windir%\\Ntds';
const SYSVOL = '%systemroot%\\Sysvol\\Domain';

/** srv-excl (08/21/2023), default install paths only; `%system32%` written out, `%clusterserviceaccount%` left out. */
export const SERVER_ROLE_LISTS: Readonly<Record<ServerRole, RoleList>> = {
  'hyper-v': {
    name: 'Hyper-V',
    extensions: ['vhd', 'vhdx', 'avhd', 'avhdx', 'vsv', 'iso', 'rct', 'vmcx', 'vmrs'],
    paths: [
      '%ProgramData%\\Microsoft\\Windows\\Hyper-V',
      '%ProgramFiles%\\Hyper-V',
      '%SystemDrive%\\ProgramData\\Microsoft\\Windows\\Hyper-V\\Snapshots',
      '%Public%\\Documents\\Hyper-V\\Virtual Hard Disks',
    ],
    processes: [`${S32}\\Vmms.exe`, `${S32}\\Vmwp.exe`],
  },
  'ad-ds': {
    name: 'Active Directory Domain Services',
    extensions: [],
    paths: [
      ...['*.adm', '*.admx', '*.adml', 'Registry.pol', '*.aas', '*.inf', '*Scripts.ini', '*.ins', 'Oscfilter.ini'].map(
        (file) => `${SYSVOL}\\${file}`,
      ),
      ...['ntds.dit', 'ntds.pat', 'EDB*.log', 'Res*.log', 'Edb*.jrs', 'Ntds*.pat', 'TEMP.edb', 'Edb.chk'].map(
        (file) => `${NTDS}\\${file}`,
      ),
    ],
    processes: [`${S32}\\ntfrs.exe`, `${S32}\\lsass.exe`],
  },
  dhcp: {
    name: 'DHCP Server',
    extensions: [],
    paths: ['mdb', 'pat', 'log', 'chk', 'edb'].map((ext) => `${S32}\\DHCP\\*\\*.${ext}`),
    processes: [],
  },
  dns: {
    name: 'DNS Server',
    extensions: [],
    paths: [`${S32}\\Dns\\*\\*.log`, `${S32}\\Dns\\*\\*.dns`, `${S32}\\Dns\\*\\*.scc`, `${S32}\\Dns\\*\\BOOT`],
    processes: [`${S32}\\dns.exe`],
  },
  'file-storage': {
    name: 'File and Storage Services',
    extensions: [],
    paths: ['%SystemDrive%\\ClusterStorage', '%SystemDrive%\\mscs'],
    processes: [],
  },
  print: { name: 'Print Server', extensions: ['shd', 'spl'], paths: [`${S32}\\spool\\printers\\*`], processes: ['spoolsv.exe'] },
  'web-server': {
    name: 'Web Server',
    extensions: [],
    paths: [
      '%SystemRoot%\\IIS Temporary Compressed Files',
      '%SystemDrive%\\inetpub\\temp\\IIS Temporary Compressed Files',
      '%SystemDrive%\\inetpub\\temp\\ASP Compiled Templates',
      '%systemDrive%\\inetpub\\logs',
      '%systemDrive%\\inetpub\\wwwroot',
    ],
    processes: [
      '%SystemRoot%\\system32\\inetsrv\\w3wp.exe',
      '%SystemRoot%\\SysWOW64\\inetsrv\\w3wp.exe',
      '%SystemDrive%\\PHP5433\\php-cgi.exe',
    ],
  },
  wsus: {
    name: 'Windows Server Update Services',
    extensions: [],
    paths: [
      'WSUS\\WSUSContent',
      'WSUS\\UpdateServicesDBFiles',
      'SoftwareDistribution\\Datastore',
      'SoftwareDistribution\\Download',
    ].map((sub) => `%systemroot%\\${sub}`),
    processes: [],
  },
};

export interface ServerRoleOptions {
  readonly os: OsName;
  readonly roles: readonly ServerRole[];
  /** `DisableAutoExclusions` (opt-out). Default false. */
  readonly disableAutoExclusions?: boolean;
}

/** Automatic entries for a device (marked with their role), and a note when none apply and why. */
export interface ServerRoleExclusions {
  readonly entries: readonly ExclusionEntry[];
  readonly note?: string;
}

/** srv-excl: Server 2016 and later; not 2012 R2 (#48), not clients. */
function supportsAutoExclusions(os: OsName): boolean {
  return os === 'server-1803' || os === 'server-2016' || os === 'server-2019' || os === 'server-2022' || os === 'server-2025';
}

/**
 * The automatic exclusions for the installed roles. They apply to real-time protection only and rank
 * after every custom exclusion (§4.1).
 *
 * @example
 * serverRoleExclusions({ os: 'server-2019', roles: ['hyper-v'] }).entries.length; // 15
 */
export function serverRoleExclusions(roles: ServerRoleOptions, options: ExclusionOptions = {}): ServerRoleExclusions {
  if (!supportsAutoExclusions(roles.os)) {
    return {
      entries: [],
      note: `${roles.os} has no automatic server-role exclusions (Windows Server 2016 and later only, §4.1)`,
    };
  }
  if (roles.disableAutoExclusions === true)
    return { entries: [], note: 'automatic exclusions are turned off (DisableAutoExclusions)' };
  const names: string[][] = [[], [], []];
  const lists = { paths: [] as string[], extensions: [] as string[], processes: [] as string[] };
  for (const role of [...new Set(roles.roles)]) {
    const source = SERVER_ROLE_LISTS[role];
    append(lists.paths, source.paths);
    append(lists.extensions, source.extensions);
    append(lists.processes, source.processes);
    if (names[0])
      append(
        names[0],
        source.paths.map(() => source.name),
      );
    if (names[1])
      append(
        names[1],
        source.extensions.map(() => source.name),
      );
    if (names[2])
      append(
        names[2],
        source.processes.map(() => source.name),
      );
  }
  const rank = { paths: 0, extensions: 1, processes: 2 } as const;
  const entries = parseExclusions(lists, options).entries.map((entry) => ({
    ...entry,
    role: names[rank[entry.list]]?.[entry.index] ?? 'server',
  }));
  return { entries };
}
