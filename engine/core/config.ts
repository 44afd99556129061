/**
 * Tenant and device configuration after defaults are applied: the shape scenario/ produces and
 * model/ and pipeline/ consume. Field names follow the scenario contract (§1).
 */
import type { AutomationLevel, OsName } from './vocabulary.ts';

export type License = 'plan-1' | 'plan-2';
export type PrimaryAv = 'defender' | 'non-microsoft';
export type ServerAgent = 'unified' | 'legacy';
export type SmartAppControl = 'off' | 'on' | 'evaluation';
export type TurnOffDefenderPolicy = 'none' | 'before-onboarding' | 'after-onboarding';
/** State of a non-Microsoft primary AV product (§1.4: MDAV may re-enable when it expires or stops). */
export type ThirdPartyAvState = 'running' | 'expired';

/** Device-group definition (§5.3): rank 1 is highest; first match by rank wins. */
export interface DeviceGroupConfig {
  readonly name: string;
  readonly rank: number;
  /** Each property lists values combined with OR; properties combine with AND. */
  readonly match: {
    readonly os?: readonly OsName[];
    readonly names?: readonly string[];
    readonly tags?: readonly string[];
    readonly domains?: readonly string[];
  };
  /** AIR's automation level (§6.5); undefined: the tenant default. */
  readonly automationLevel?: AutomationLevel;
}

export interface TenantConfig {
  readonly license: License;
  /** Portal switch "Enable EDR in block mode", tenant-wide. Default false. */
  readonly edrBlockMode: boolean;
  /** Advanced feature "Allow or block file", needed by file indicators. Default true. */
  readonly allowOrBlockFile: boolean;
  readonly deviceGroups: readonly DeviceGroupConfig[];
  readonly propagation: {
    /** ms; default 30m, the documented worst case (§3.5). */
    readonly edrBlockModeDisable: number;
    /** ms; default 0 (undocumented, §9). */
    readonly edrBlockModeEnable: number;
  };
  /** Automated investigation and response is modelled (issue 17): `tenant.air`, `createdAt` or any `automationLevel`. Default false. */
  readonly air?: boolean;
  /** `tenant.createdAt`, epoch ms; default: the scenario's start (§6.5 tenant default level). */
  readonly createdAt?: number;
  readonly ungroupedAutomationLevel?: AutomationLevel;
  /** Advanced feature "Autoresolve remediated alerts"; default true (§6.5). */
  readonly autoresolve?: boolean;
}

export interface MdavConfig {
  readonly installed: boolean;
  /** AMProductVersion, validated text. */
  readonly platform: string;
  /** AMEngineVersion, validated text. */
  readonly engine: string;
  /** Cloud-delivered protection (MAPS). */
  readonly cloudProtection: boolean;
}

/** Exclusion lists as written (§4); parsed and compiled by policy/exclusions. */
export interface ExclusionLists {
  readonly paths: readonly string[];
  readonly extensions: readonly string[];
  readonly processes: readonly string[];
}

export interface DeviceConfig {
  readonly name: string;
  readonly os: OsName;
  readonly onboarded: boolean;
  readonly serverAgent: ServerAgent;
  readonly primaryAv: PrimaryAv;
  readonly thirdPartyAv: ThirdPartyAvState;
  readonly securityCenter: boolean;
  readonly smartAppControl: SmartAppControl;
  /** Registry value `ForceDefenderPassiveMode`; undefined = not set. */
  readonly forceDefenderPassiveMode?: 0 | 1;
  readonly turnOffDefenderPolicy: TurnOffDefenderPolicy;
  readonly tamperProtection: boolean;
  readonly mdav: MdavConfig;
  /** Defender CSP Configuration/PassiveRemediation bit set; undefined = not configured. */
  readonly passiveRemediation?: number;
  /** GPO "Enable EDR in block mode". */
  readonly groupPolicyEdrBlockMode: boolean;
  /** Per-device exclusions, added to the global lists for this device. */
  readonly exclusions: ExclusionLists;
  readonly tags: readonly string[];
  readonly domain?: string;
}

/** Partial update of a device, as a timeline `change` writes it. */
export type DevicePatch = Partial<Omit<DeviceConfig, 'name' | 'mdav' | 'exclusions'>> & {
  readonly mdav?: Partial<MdavConfig>;
  readonly exclusions?: Partial<ExclusionLists>;
};

export type TenantPatch = Partial<Omit<TenantConfig, 'propagation'>> & {
  readonly propagation?: Partial<TenantConfig['propagation']>;
};

/** Who made a change; the role decides whether it is applied (§3.2: Global or Security Administrator). */
export interface Actor {
  readonly user: string;
  readonly role: string;
}

/**
 * Settings that choose between readings where Microsoft's pages conflict (§7). Each default is the
 * reference's recommendation; the alternative is there to explore.
 */
export interface ConflictSettings {
  /** C5: Win 11, non-Microsoft AV, not onboarded, SmartAppControl on/evaluation → `passive` (first compat table) or `disabled`. */
  readonly smartAppControlUnonboarded: 'passive' | 'disabled';
  /** C3: AMRunningMode of an active device with block mode effective: `Normal` (FAQ) or `EDR Block Mode` (mdav-win). */
  readonly activeRunningMode: 'Normal' | 'EDR Block Mode';
  /** §3.9: in active mode block mode remediates EDR detections MDAV did not remediate (`post-breach`, 2021-08 wording) or does nothing (`none`). */
  readonly activeModeBlockMode: 'post-breach' | 'none';
  /** C1: `current` = unified-agent 2016/2012 R2 in either mode, legacy 2016 only while active; `2021` = Server 2016 only in active mode whatever the agent. */
  readonly server2016BlockMode: 'current' | '2021';
  /** §4.3: `C:\Temp\*` matches files directly in the folder (`literal`) or the folder recursively (`folder`). */
  readonly trailingStar: 'literal' | 'folder';
  /** C12: repeated `Process:` in one contextual entry combine with `or` or `and`. */
  readonly repeatedProcess: 'or' | 'and';
  /** C8: WDAC Allow + Block IoC → `block` (ordered list) or `allow` (example table). */
  readonly wdacAllowVsBlockIoc: 'block' | 'allow';
  /**
   * §3.9 / §3.10 / C4: which devices get the `turn-on-edr-block-mode` recommendation: `passive-only` (current
   * guidance: it targets passive devices, and the 2025-05 FAQ recommends disabling block mode when Defender
   * Antivirus is primary) or `all-running` (the 2021 and 2024-09 readings: active devices too).
   */
  readonly blockModeRecommendation: 'passive-only' | 'all-running';
}

export const DEFAULT_CONFLICT_SETTINGS: ConflictSettings = {
  smartAppControlUnonboarded: 'passive',
  activeRunningMode: 'Normal',
  activeModeBlockMode: 'post-breach',
  server2016BlockMode: 'current',
  trailingStar: 'literal',
  repeatedProcess: 'or',
  wdacAllowVsBlockIoc: 'block',
  blockModeRecommendation: 'passive-only',
};

// Frozen: every device given none of its own shares these objects (deviceWithDefaults).
export const DEFAULT_MDAV: MdavConfig = Object.freeze({
  installed: true,
  platform: '4.18.24090.11',
  engine: '1.1.24090.11',
  cloudProtection: true,
});

export const EMPTY_EXCLUSIONS: ExclusionLists = Object.freeze({
  paths: Object.freeze([]),
  extensions: Object.freeze([]),
  processes: Object.freeze([]),
});

/**
 * A device with every contract default filled in; `name` and `os` are required. A device given no `mdav` or no
 * `exclusions` shares the frozen defaults: two objects fewer per device in a 10^6-device fleet, and a device's first
 * artifact reads its versions and lists from lines every device shares (issue 13, ninth pass).
 */
export function deviceWithDefaults(partial: Partial<DeviceConfig> & Pick<DeviceConfig, 'name' | 'os'>): DeviceConfig {
  return {
    onboarded: true,
    serverAgent: 'unified',
    primaryAv: 'defender',
    thirdPartyAv: 'running',
    securityCenter: true,
    smartAppControl: 'off',
    turnOffDefenderPolicy: 'none',
    tamperProtection: true,
    groupPolicyEdrBlockMode: false,
    tags: [],
    ...partial,
    mdav: partial.mdav === undefined ? DEFAULT_MDAV : { ...DEFAULT_MDAV, ...partial.mdav },
    exclusions: partial.exclusions === undefined ? EMPTY_EXCLUSIONS : { ...EMPTY_EXCLUSIONS, ...partial.exclusions },
  };
}

export const DEFAULT_TENANT: TenantConfig = {
  license: 'plan-2',
  edrBlockMode: false,
  allowOrBlockFile: true,
  deviceGroups: [],
  propagation: { edrBlockModeDisable: 30 * 60_000, edrBlockModeEnable: 0 },
};
