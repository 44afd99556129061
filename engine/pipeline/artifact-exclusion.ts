/** Which artifacts a decision looks up an exclusion for, and the entry it finds: one rule for the decision and its verdict. */
import type { Artifact } from '../core/artifact.ts';
import type { DeviceContext } from './device-context.ts';
import type { ExclusionRef } from './exclusion-ref.ts';

/**
 * The exclusion entry that applies to the artifact on the context's device, as the decision reports it: looked up in
 * active mode (every file MDAV scans, §4.1) and for an MDAV or EDR detection in any mode (block mode honours the same
 * lists, §3.8); undefined otherwise. Pure: the context is immutable and the lookup a function of the artifact.
 * `decideCode` skips the lookup when its answer cannot change the code (no detection and no indicator); a
 * `CompactVerdict` then calls this when its `exclusion` is first read.
 *
 * @example
 * artifactExclusion(context, artifact)?.id; // 'tenant:paths[0]'
 */
export function artifactExclusion(ctx: DeviceContext, artifact: Artifact): ExclusionRef | undefined {
  const signals = artifact.signals;
  return ctx.mode === 'active' || signals.mdav || signals.edr ? ctx.exclusionHit(artifact) : undefined;
}

/** Stands for an exclusion not looked up yet (`decideCode` left it to the verdict): never a lookup's answer. */
export const NOT_LOOKED_UP: unique symbol = Symbol('exclusion not looked up');
