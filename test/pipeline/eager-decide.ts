/** The oracle: the eager decision as it was before verdicts were decided compactly (issue 13 #2), kept verbatim. */
import type { Artifact } from '../../engine/core/artifact.ts';
import type { Reason } from '../../engine/core/vocabulary.ts';
import { buildVerdict } from '../../engine/pipeline/build-verdict.ts';
import { canonicalisationReason } from '../../engine/pipeline/canonicalisation-reason.ts';
import type { DeviceContext } from '../../engine/pipeline/device-context.ts';
import { edrLayers } from '../../engine/pipeline/layers/edr.ts';
import { mdavLayer } from '../../engine/pipeline/layers/mdav.ts';
import { primaryAvLayer } from '../../engine/pipeline/layers/primary-av.ts';
import { startTrace } from '../../engine/pipeline/layers/trace.ts';
import type { Verdict } from '../../engine/pipeline/verdict.ts';

/** Every layer, every reason, the alerts and the Action Center entry, built at once: what `decideArtifact` did. */
export function eagerDecide(ctx: DeviceContext, artifact: Artifact): Verdict {
  const excluded = ctx.mode === 'active' || artifact.signals.mdav || artifact.signals.edr ? ctx.exclusions(artifact) : undefined;
  const trace = startTrace(artifact);
  if (artifact.written !== undefined) trace.reasons.push(canonicalisationReason(artifact) as Reason);
  if (primaryAvLayer(ctx, trace)) return buildVerdict(trace);
  if (mdavLayer(ctx, trace, excluded)) return buildVerdict(trace);
  edrLayers(ctx, trace, excluded);
  return buildVerdict(trace);
}
