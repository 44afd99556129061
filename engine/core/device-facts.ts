/** What a `Get-MpComputerStatus` export says about one device, field by field, with where each was read (§1.2, §3.2). */
import type { MdavMode, RunningMode } from './vocabulary.ts';

/** One property as read: its value, and the 1-based line and column of the value in the export. */
export interface ReadField<T> {
  readonly value: T;
  readonly line: number;
  readonly column: number;
}

/** The boolean properties read, spelled as PowerShell prints them. */
export const STATUS_FLAGS = [
  'AMServiceEnabled',
  'AntivirusEnabled',
  'RealTimeProtectionEnabled',
  'OnAccessProtectionEnabled',
  'BehaviorMonitorEnabled',
  'IsTamperProtected',
] as const;
export type StatusFlag = (typeof STATUS_FLAGS)[number];

/** The version properties read; each must be a dotted version. */
export const STATUS_VERSIONS = ['AMProductVersion', 'AMEngineVersion', 'AMServiceVersion'] as const;
export type StatusVersion = (typeof STATUS_VERSIONS)[number];

/**
 * The `Get-MpComputerStatus` (MSFT_MpComputerStatus) properties edrsim reads; each is absent when the
 * export lacks it (e.g. `AMRunningMode` before platform 4.18.2008.9, §1.2). The rest of the export
 * (signature ages, scan times, ComputerID) is not read.
 */
export type ComputerStatusFacts = { readonly AMRunningMode?: ReadField<RunningMode> } & {
  readonly [K in StatusFlag]?: ReadField<boolean>;
} & { readonly [K in StatusVersion]?: ReadField<string> };

/**
 * What the export tells the device model: the mode it shows and the device fields it fixes. Each
 * field is undefined when the export does not say; the scenario must then give it (issue 14).
 */
export interface StatusDevice {
  readonly facts: ComputerStatusFacts;
  /** Read from `AMRunningMode` (and `AMProductVersion` for not installed); undefined without it. */
  readonly mode?: MdavMode;
  /** `AMRunningMode: EDR Block Mode`: block mode is effective on the device. */
  readonly blockModeEffective?: boolean;
  /** `mdav.installed`, `mdav.platform`, `mdav.engine` and `tamperProtection`, as the export fixes them. */
  readonly fields: {
    readonly installed?: ReadField<boolean>;
    readonly platform?: ReadField<string>;
    readonly engine?: ReadField<string>;
    readonly tamperProtection?: ReadField<boolean>;
  };
}
