/** What a simulation runs — tenant, fleet, policy and a timeline of artifacts, changes and generators — as the loader hands it to the pipeline. */
import type { Artifact } from './artifact.ts';
import type { Actor, ConflictSettings, DeviceConfig, DevicePatch, ExclusionLists, TenantConfig, TenantPatch } from './config.ts';
import type { GenerateSpec } from './generate-spec.ts';
import type { ActionType, AlertStatus, TimelineAction } from './vocabulary.ts';

export type { GenerateSpec } from './generate-spec.ts';

/** A timeline change: partial updates applied at its `at`, in file order. */
export interface ChangeSpec {
  readonly tenant?: TenantPatch;
  readonly devices?: Readonly<Record<string, DevicePatch>>;
  /** Replaces the global lists it names. */
  readonly exclusions?: Partial<ExclusionLists>;
  /** Replaces the indicator list (raw entries, parsed by policy/indicators). */
  readonly indicators?: readonly unknown[];
  readonly by?: Actor;
}

/** A timeline `action` (contract §5.4): what it targets, per kind (see `TimelineAction`). */
export interface ActionSpec {
  readonly action: TimelineAction;
  readonly artifact?: string;
  readonly device?: string;
  /** stop-and-quarantine: `all` or names. */
  readonly devices?: 'all' | readonly string[];
  /** stop-and-quarantine: the file (from `artifact`'s sha256 when the action names an artifact). */
  readonly sha256?: string;
  readonly actionType?: ActionType;
  /** undo: "Apply to X more instances of this file" (T80). */
  readonly moreInstances?: boolean;
  /** alert-status: the status set. */
  readonly status?: AlertStatus;
  readonly by?: Actor;
}

/** A timeline entry; `at` in ms from the start, `order` its position in the file (ties at one `at` keep it). A generator's `at` equals its spec's. */
export type TimelineEvent =
  | { readonly kind: 'artifact'; readonly at: number; readonly order: number; readonly artifact: Artifact }
  | { readonly kind: 'change'; readonly at: number; readonly order: number; readonly change: ChangeSpec }
  | { readonly kind: 'generate'; readonly at: number; readonly order: number; readonly generate: GenerateSpec }
  | { readonly kind: 'action'; readonly at: number; readonly order: number; readonly action: ActionSpec };

/** A whole simulation. The loader's `Scenario` is one of these, plus what only reports need. */
export interface SimulationInput {
  readonly seed: number;
  /** Absolute UTC ms of offset 0: indicator expiry (`expirationTime`) is compared against start + at. */
  readonly startMs: number;
  readonly settings: ConflictSettings;
  readonly tenant: TenantConfig;
  /** Listed devices, then fleet members, in file order. */
  readonly devices: readonly DeviceConfig[];
  readonly exclusions: ExclusionLists;
  /** Raw entries, parsed by policy/indicators. */
  readonly indicators: readonly unknown[];
  /** Sorted by `at`, then `order`. */
  readonly timeline: readonly TimelineEvent[];
}
