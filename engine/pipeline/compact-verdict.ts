/** The hot path's verdict: outcome, blocker, status and what decided, with reasons and alerts built only when read. */
import type { Artifact } from '../core/artifact.ts';
import type { ArtifactClass, ArtifactKind, Blocker, DetectionStatus, Outcome, Reason } from '../core/vocabulary.ts';
import type { IndicatorMatch } from '../policy/indicators/index.ts';
import { artifactExclusion, NOT_LOOKED_UP } from './artifact-exclusion.ts';
import type { DeviceContext } from './device-context.ts';
import type { ExclusionRef } from './exclusion-ref.ts';
import { explainArtifact } from './explain-artifact.ts';
import type { ActionCenterEntry, Alert, Verdict } from './verdict.ts';

/**
 * A {@link Verdict} whose own fields are the decision (no strings built, no arrays); `reasons`, `alerts` and
 * `actionCenterEntry` come from {@link explainArtifact} over the same context and artifact on first read and
 * are kept. The context is immutable (the cache replaces it on a change, never edits it), so the explanation
 * is the one the decision had. `plain()` gives the explained verdict as a plain object, for reports.
 *
 * @example
 * const verdict = decideArtifact(context, artifact); // a CompactVerdict
 * verdict.alertCount;        // 1, without building the alert
 * verdict.reasons.length;    // 6: explained now
 */
export class CompactVerdict implements Verdict {
  #explained: Verdict | undefined = undefined;
  #exclusion: ExclusionRef | undefined | typeof NOT_LOOKED_UP;

  constructor(
    readonly ctx: DeviceContext,
    readonly source: Artifact,
    readonly outcome: Outcome,
    readonly by: Blocker,
    readonly detectionStatus: DetectionStatus,
    readonly actionCenter: boolean,
    /** How many alerts the verdict has (0–2); all show `alertStatusOf(detectionStatus)`. */
    readonly alertCount: number,
    /** The exclusion entry that applied, or `NOT_LOOKED_UP` when the decision did not need it: read `exclusion`. */
    exclusion: ExclusionRef | undefined | typeof NOT_LOOKED_UP,
    /** The indicator that won the §5.4 lookup, if one was consulted and matched (`indicator.id` is stable). */
    readonly indicator: IndicatorMatch | undefined,
    /** Outcome, blocker, status, class, alert count and Action Center flag packed as small ints (`verdict-code.ts`). */
    readonly code: number,
  ) {
    this.#exclusion = exclusion;
  }

  /**
   * The exclusion entry that applied to this artifact, if any (`artifactExclusion`): its stable id and reason, shared
   * per compiled entry. Looked up on first read when the decision did not need it (no detection, no indicator).
   */
  get exclusion(): ExclusionRef | undefined {
    const exclusion = this.#exclusion;
    if (exclusion !== NOT_LOOKED_UP) return exclusion;
    return (this.#exclusion = artifactExclusion(this.ctx, this.source));
  }

  // The artifact's own facts, read from it: four fewer fields per verdict (a counted decision makes one per artifact
  // in L and in explaining runs; issue 13, eighth pass).
  get device(): string {
    return this.source.device;
  }

  get at(): number {
    return this.source.at;
  }

  get class(): ArtifactClass {
    return this.source.class;
  }

  get kind(): ArtifactKind {
    return this.source.kind;
  }

  /** The artifact's id, read from it when asked: a generated artifact joins its id only then (counting never asks). */
  get artifact(): string {
    return this.source.id;
  }

  /** The explained verdict, built once. */
  plain(): Verdict {
    return (this.#explained ??= explainArtifact(this.ctx, this.source));
  }

  get reasons(): readonly Reason[] {
    return this.plain().reasons;
  }

  get alerts(): readonly Alert[] {
    return this.plain().alerts;
  }

  get actionCenterEntry(): ActionCenterEntry | undefined {
    return this.plain().actionCenterEntry;
  }
}

/** A verdict as a plain object with every field its own: a compact one explained, any other as it is. */
export function plainVerdict(verdict: Verdict): Verdict {
  return verdict instanceof CompactVerdict ? verdict.plain() : verdict;
}
