/** The per-artifact decision: one pure function over a compiled device context. The pipeline's hot path. */
import type { Artifact } from '../core/artifact.ts';
import type { Reason } from '../core/vocabulary.ts';
import { fileStep, indicatorAlertFacts, isBlockingAction, type IndicatorMatch } from '../policy/indicators/index.ts';
import { NOT_LOOKED_UP } from './artifact-exclusion.ts';
import { CompactVerdict } from './compact-verdict.ts';
import type { DeviceContext } from './device-context.ts';
import type { ExclusionRef } from './exclusion-ref.ts';
import { blockModeDecision } from './layers/edr.ts';
import { decodeVerdict, packVerdict } from './verdict-code.ts';

// Ordinals in BLOCKERS, OUTCOMES and DETECTION_STATUSES (core/vocabulary.ts): the decision works in small
// ints, so the counting sink tallies `verdict.code` without a string key (verdict-code.ts).
const PRIMARY_AV = 0;
const MDAV = 1;
const INDICATOR = 2;
const EDR_BLOCK_MODE = 3;
const NONE = 4;
const BLOCKED = 0;
const DETECTED = 1;
const ALLOWED = 2;
const MISSED = 3;
const STATUS_BLOCKED = 0;
const STATUS_PREVENTED = 1;
const STATUS_DETECTED = 2;
const STATUS_NONE = 3;
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const pack = packVerdict;
const decode = decodeVerdict;
const stepOf = fileStep;
const alertFactsOf = indicatorAlertFacts;
const blocking = isBlockingAction;
const blockMode = blockModeDecision;
const Compact = CompactVerdict;

/** What the last {@link decideCode} found beyond its code: the entries that decided it (reused, read at once). */
interface Found {
  exclusion: ExclusionRef | undefined | typeof NOT_LOOKED_UP;
  indicator: IndicatorMatch | undefined;
}
const found: Found = { exclusion: undefined, indicator: undefined };
/**
 * `fileStep`'s input, refilled per active decision instead of a literal per artifact (it reads it and keeps
 * nothing). Its values are shared, long-lived objects (compiled reasons and matches), never young ones.
 */
const stepInput: { excluded: Reason | undefined; indicator: IndicatorMatch | undefined; engineBlock: 'antivirus' | undefined } = {
  excluded: undefined,
  indicator: undefined,
  engineBlock: undefined,
};

/**
 * Decides one artifact on one device, applying the layers in the order a device does: primary AV,
 * Defender Antivirus (active or passive, with exclusions and indicators), the EDR sensor, and EDR in
 * block mode. Pure: the same context and artifact always give the same verdict. It decides only: the
 * reasons, alerts and Action Center entry are built by `explainArtifact` when the verdict's are read
 * (a law in the tests holds both to the eager decision, on the library and on random streams).
 *
 * @example
 * const verdict = decideArtifact(context, artifact);
 * verdict.outcome; // 'blocked'
 * verdict.by;      // 'edr-block-mode'
 */
export function decideArtifact(ctx: DeviceContext, artifact: Artifact): CompactVerdict {
  const code = decideCode(ctx, artifact);
  // The facts spelled from the code (one home of its layout): inlined, the object is never allocated.
  const facts = decode(code);
  return new Compact(
    ctx,
    artifact,
    facts.outcome,
    facts.by,
    facts.detectionStatus,
    facts.actionCenter,
    facts.alertCount,
    found.exclusion,
    found.indicator,
    code,
  );
}

/**
 * The decision of {@link decideArtifact} as its packed code alone (`verdict-code.ts`: outcome, blocker,
 * status, class, alert count, Action Center): what a counting run needs, with no verdict object made per
 * artifact. The one home of the layers' rules; `decideArtifact` wraps it.
 *
 * @example
 * decodeVerdict(decideCode(context, artifact)).outcome === decideArtifact(context, artifact).outcome; // true
 */
export function decideCode(ctx: DeviceContext, artifact: Artifact): number {
  const signals = artifact.signals;
  const active = ctx.mode === 'active';
  const primaryAv = ctx.primaryAvRunning && signals.primaryAv;
  // §5.4's ordered evaluation reads the indicator in active mode unless the primary AV acted (§1.1).
  const indicator = active && !primaryAv && ctx.indicatorsHonoured ? ctx.indicators(artifact) : undefined;
  // One exclusion lookup serves MDAV and block mode: both honour the same lists, scoped by trigger (§4.1, §3.8). It
  // changes the code only for an MDAV or EDR detection or a matched indicator (a clean file with neither is missed,
  // excluded or not): otherwise active mode leaves it to the verdict, which looks it up if read (artifactExclusion).
  const needed = signals.mdav || signals.edr || indicator !== undefined;
  const hit = needed ? ctx.exclusionHit(artifact) : undefined;
  const excluded = hit?.reason;
  let by = NONE;
  let alerts = 0;
  let flagged = false;
  let actionCenter = false;
  if (primaryAv)
    by = PRIMARY_AV; // §1.1: Defender records nothing
  else if (active) {
    // §5.4's ordered evaluation, as layers/mdav.ts applies it.
    stepInput.excluded = excluded;
    stepInput.indicator = indicator;
    stepInput.engineBlock = signals.mdav ? 'antivirus' : undefined;
    const step = stepOf(stepInput, ctx.settings);
    if (step === 'block-ioc') {
      // §5.5: an indicator block alerts (unless generateAlert is off) but makes no Action Center entry.
      if (alertFactsOf(indicator!.indicator).alert !== undefined) alerts = 1;
      by = INDICATOR;
    } else if (step === 'engine') {
      alerts = 1;
      by = MDAV;
      actionCenter = true;
    } else if (step === 'excluded' || step === 'allow-ioc') {
      flagged =
        signals.mdav ||
        (step === 'excluded'
          ? indicator !== undefined && blocking(indicator.indicator.action)
          : ctx.overruledBlock(artifact) !== undefined);
    } else if (indicator?.indicator.action === 'Audit') alerts = 1;
  } else if (
    ctx.mode === 'passive' &&
    signals.mdav &&
    (artifact.trigger === 'scheduled-scan' || artifact.trigger === 'on-demand-scan')
  ) {
    // §2.1: passive mode scans on scan triggers only, reports and never remediates; an exclusion lets it through.
    if (excluded !== undefined) flagged = true;
    else alerts = 1;
  }
  if (by === NONE && ctx.edrSensor && signals.edr) {
    // §4.5: files excluded from MDAV can still raise EDR alerts; block mode remediates unless excluded (§3.8).
    alerts++;
    if (blockMode(ctx, artifact, excluded) === 'remediate') {
      by = EDR_BLOCK_MODE;
      actionCenter = true;
    }
  }
  const outcome = by !== NONE ? BLOCKED : alerts > 0 ? DETECTED : flagged ? ALLOWED : MISSED;
  // detectionStatusOf (build-verdict.ts) in ordinals: §6.6.
  const status =
    by === PRIMARY_AV
      ? STATUS_NONE
      : by === EDR_BLOCK_MODE
        ? STATUS_BLOCKED
        : outcome === BLOCKED
          ? artifact.kind === 'file' && artifact.trigger !== 'behavior'
            ? STATUS_PREVENTED
            : STATUS_BLOCKED
          : outcome === DETECTED
            ? STATUS_DETECTED
            : STATUS_NONE;
  const cls = artifact.class === 'malicious' ? 0 : artifact.class === 'pua' ? 1 : 2;
  found.exclusion = needed || !active ? hit : NOT_LOOKED_UP;
  found.indicator = indicator;
  return pack(outcome, by, status, cls, alerts, actionCenter);
}
