/** The explained decision: every layer's reasons, the alerts and the Action Center entry, built when a reader asks. */
import type { Artifact } from '../core/artifact.ts';
import type { Reason } from '../core/vocabulary.ts';
import { buildVerdict } from './build-verdict.ts';
import { canonicalisationReason } from './canonicalisation-reason.ts';
import type { DeviceContext } from './device-context.ts';
import { edrLayers } from './layers/edr.ts';
import { mdavLayer } from './layers/mdav.ts';
import { primaryAvLayer } from './layers/primary-av.ts';
import { startTrace } from './layers/trace.ts';
import type { Verdict } from './verdict.ts';

/**
 * Decides one artifact on one device and says why, applying the layers in the order a device does: primary
 * AV, Defender Antivirus (active or passive, with exclusions and indicators), the EDR sensor, and EDR in
 * block mode. Pure: the same context and artifact always give the same verdict, so `decideArtifact`'s
 * compact verdict builds its reasons with this, from the same context and artifact, only when read.
 *
 * @example
 * const verdict = explainArtifact(context, artifact);
 * verdict.reasons.map((r) => r.code); // ['missed', 'not-supported-passive', 'passive-no-real-time', 'detected', 'remediated', 'not-consulted']
 */
export function explainArtifact(ctx: DeviceContext, artifact: Artifact): Verdict {
  // One exclusion lookup serves MDAV and block mode: both honour the same lists, scoped by trigger (§4.1, §3.8).
  // An artifact is its own exclusion query (path, process, trigger, scanType): no allocation on the hot path.
  // Off active mode an exclusion matters only to an MDAV or EDR detection, and most artifacts are clean.
  const excluded = ctx.mode === 'active' || artifact.signals.mdav || artifact.signals.edr ? ctx.exclusions(artifact) : undefined;
  const trace = startTrace(artifact);
  // Contract §5.1: say first, and only when it happened, that the path matched is not the one written.
  if (artifact.written !== undefined) trace.reasons.push(canonicalisationReason(artifact) as Reason);
  if (primaryAvLayer(ctx, trace)) return buildVerdict(trace);
  if (mdavLayer(ctx, trace, excluded)) return buildVerdict(trace);
  edrLayers(ctx, trace, excluded);
  return buildVerdict(trace);
}
