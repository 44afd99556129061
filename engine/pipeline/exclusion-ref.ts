/** A compiled exclusion entry under a stable id: which list of whose policy, and where in it. */
import type { Reason } from '../core/vocabulary.ts';
import type { ExclusionEntry, ExclusionListName } from '../policy/exclusions/index.ts';

/** Where an exclusion entry was written: the tenant's lists, the device's own lists, or a server role (§4.1). */
export type ExclusionOrigin = 'tenant' | 'device' | 'server-role';

/**
 * One compiled exclusion entry as the hot path hands it on: made once per entry (never per artifact), so a
 * verdict holds a shared object, not a string. `origin`, `list` and `index` name the entry in the scenario:
 * `index` is its 0-based position in `exclusions.<list>` of the tenant (`tenant`) or of the device
 * (`device`), or in the role's automatic list (`server-role`). `id` is the same as text, e.g. `tenant:paths[3]`.
 */
export interface ExclusionRef {
  readonly id: string;
  readonly origin: ExclusionOrigin;
  readonly list: ExclusionListName;
  readonly index: number;
  readonly entry: ExclusionEntry;
  /** The reason the eager decision gives for it: shared, one per compiled entry. */
  readonly reason: Reason;
}

/**
 * The ref of a compiled entry in a device's combined lists, where the tenant's entries come first and the
 * device's own follow (`policy-state.ts` concatenates them in that order): `tenantCounts` says how many of
 * each list are the tenant's.
 *
 * @example
 * exclusionRef(entry, reason, { paths: 2, extensions: 0, processes: 0 }).id; // 'device:paths[0]' for combined index 2
 */
export function exclusionRef(
  entry: ExclusionEntry,
  reason: Reason,
  tenantCounts: Readonly<Record<ExclusionListName, number>>,
): ExclusionRef {
  const tenant = tenantCounts[entry.list];
  const origin: ExclusionOrigin = entry.role !== undefined ? 'server-role' : entry.index < tenant ? 'tenant' : 'device';
  const index = origin === 'device' ? entry.index - tenant : entry.index;
  return { id: `${origin}:${entry.list}[${index}]`, origin, list: entry.list, index, entry, reason };
}
