/** What a simulation runs: a tenant, a fleet, a policy and a timeline. The loader's `Scenario` is one of these. */
import type { ConflictSettings, DeviceConfig, ExclusionLists, TenantConfig } from '../core/config.ts';
import type { ChangeSpec, GenerateSpec, TimelineEvent } from '../core/timeline.ts';

export type { ChangeSpec, GenerateSpec, TimelineEvent };

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
