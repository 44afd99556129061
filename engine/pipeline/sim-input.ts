/** What a simulation runs: a tenant, a fleet, a policy and a timeline. The loader's `Scenario` is one of these. */
import type { Artifact } from '../core/artifact.ts';
import type { Actor, ConflictSettings, DeviceConfig, DevicePatch, ExclusionLists, TenantConfig, TenantPatch } from '../core/config.ts';

export interface ChangeSpec {
  readonly tenant?: TenantPatch;
  readonly devices?: Readonly<Record<string, DevicePatch>>;
  /** Replaces the global exclusion lists it names. */
  readonly exclusions?: Partial<ExclusionLists>;
  /** Replaces the indicator list (raw entries, parsed by policy/indicators). */
  readonly indicators?: readonly unknown[];
  readonly by?: Actor;
}

export interface GenerateEventSpec {
  readonly id: string;
  readonly count: number;
  readonly devices: readonly string[];
  readonly window: number;
  readonly mix: { readonly malicious: number; readonly pua: number; readonly benign: number };
  readonly detection: { readonly primaryAv: number; readonly mdav: number; readonly edr: number };
}

/** A timeline entry; `order` is its position in the file, which breaks ties at the same `at`. */
export type TimelineEvent =
  | { readonly kind: 'artifact'; readonly at: number; readonly order: number; readonly artifact: Artifact }
  | { readonly kind: 'change'; readonly at: number; readonly order: number; readonly change: ChangeSpec }
  | { readonly kind: 'generate'; readonly at: number; readonly order: number; readonly generate: GenerateEventSpec };

export interface SimulationInput {
  readonly seed: number;
  /** Absolute UTC ms of offset 0: indicator expiry (`expirationTime`) is compared against start + at. */
  readonly startMs: number;
  readonly settings: ConflictSettings;
  readonly tenant: TenantConfig;
  readonly devices: readonly DeviceConfig[];
  readonly exclusions: ExclusionLists;
  readonly indicators: readonly unknown[];
  /** Sorted by `at`, then `order`. */
  readonly timeline: readonly TimelineEvent[];
}
