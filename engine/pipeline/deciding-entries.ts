/** The policy entries behind a compact verdict, as stable ids: the exclusion that applied and the indicator that won. */
import type { Indicator } from '../policy/indicators/index.ts';
import type { CompactVerdict } from './compact-verdict.ts';
import type { ExclusionRef } from './exclusion-ref.ts';

/** The entries a verdict's decision read; each absent when none applied. */
export interface DecidingEntries {
  /**
   * The first exclusion in precedence order (§4.3) that applies to the artifact on its device, if the
   * decision looked one up (active mode, or an MDAV or EDR signal). Whether it changed the outcome is in
   * the verdict's `by` and `outcome` (e.g. an excluded file that the primary AV blocked).
   */
  readonly exclusion?: ExclusionRef;
  /** The indicator that won the §5.4 lookup (`indicator.id` is stable in its list: `ioc-<n>` or the id written). */
  readonly indicator?: Indicator;
}

/**
 * The exclusion entry and the indicator that decided a compact verdict, without explaining it: what the
 * policy diff and coverage commands read. No strings are built: both are the compiled, shared objects.
 *
 * @example
 * const entries = decidingEntries(decideArtifact(context, artifact));
 * entries.exclusion?.id;    // 'tenant:paths[0]'
 * entries.indicator?.id;    // 'ioc-3'
 */
export function decidingEntries(verdict: CompactVerdict): DecidingEntries {
  const exclusion = verdict.exclusion;
  const indicator = verdict.indicator?.indicator;
  if (exclusion === undefined) return indicator === undefined ? {} : { indicator };
  return indicator === undefined ? { exclusion } : { exclusion, indicator };
}
