/** The policy a diff compares: the parts of a scenario that decide protection, each absent when the source does not carry it. */
import type { ConflictSettings, DeviceGroupConfig, ExclusionLists } from '../core/config.ts';

/** The tenant's policy switches and groups (§3.3 portal switch, §5.2 "Allow or block file", §5.3 device groups). */
export interface TenantPolicy {
  readonly edrBlockMode: boolean;
  readonly allowOrBlockFile: boolean;
  readonly deviceGroups: readonly DeviceGroupConfig[];
}

/**
 * One side of a diff. A part a source does not carry (a Get-MpPreference export carries exclusions only)
 * is undefined and comes from each diffed scenario, the same on both sides.
 */
export interface DiffPolicy {
  /** How the source was named on the command line (`policy/av.yaml`, `origin/main:policy/av.yaml`). */
  readonly source: string;
  /** What the source is, in words: `a scenario file`, `a Get-MpPreference export`, `an indicator import CSV`. */
  readonly what: string;
  /** The source's text, for placing entries at a line (SARIF findings). */
  readonly text: string;
  readonly tenant?: TenantPolicy;
  readonly settings?: ConflictSettings;
  readonly exclusions?: ExclusionLists;
  /** Raw indicator entries, as a scenario holds them. */
  readonly indicators?: readonly unknown[];
  /** Per-device exclusions by device name (a scenario file's `devices[].exclusions`). */
  readonly deviceExclusions?: Readonly<Record<string, ExclusionLists>>;
}

/** The parts of a policy, in the order the delta lists their changes. */
export const POLICY_PARTS = ['tenant', 'settings', 'exclusions', 'indicators', 'deviceExclusions'] as const;
export type PolicyPart = (typeof POLICY_PARTS)[number];
