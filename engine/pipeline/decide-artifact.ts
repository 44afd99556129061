/** The per-artifact decision: one pure function over a compiled device context. The pipeline's hot path. */
import type { Artifact } from '../core/artifact.ts';
import type { Blocker, Outcome, Reason } from '../core/vocabulary.ts';
import { fileStep, indicatorAlertFacts, isBlockingAction, type IndicatorMatch } from '../policy/indicators/index.ts';
import { detectionStatusOf } from './build-verdict.ts';
import { CompactVerdict } from './compact-verdict.ts';
import type { DeviceContext } from './device-context.ts';
import { blockModeDecision } from './layers/edr.ts';

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
  const signals = artifact.signals;
  // One exclusion lookup serves MDAV and block mode: both honour the same lists, scoped by trigger (§4.1, §3.8).
  // Off active mode an exclusion matters only to an MDAV or EDR detection, and most artifacts are clean.
  const excluded = ctx.mode === 'active' || signals.mdav || signals.edr ? ctx.exclusions(artifact) : undefined;
  let by: Blocker = 'none';
  let alerts = 0;
  let flagged = false;
  let actionCenter = false;
  let indicator: IndicatorMatch | undefined;
  if (ctx.primaryAvRunning && signals.primaryAv)
    by = 'primary-av'; // §1.1: Defender records nothing
  else if (ctx.mode === 'active') {
    // §5.4's ordered evaluation, as layers/mdav.ts applies it.
    indicator = ctx.indicatorsHonoured ? ctx.indicators(artifact) : undefined;
    const step = fileStep({ excluded, indicator, engineBlock: signals.mdav ? 'antivirus' : undefined }, ctx.settings);
    if (step === 'block-ioc') {
      // §5.5: an indicator block alerts (unless generateAlert is off) but makes no Action Center entry.
      if (indicatorAlertFacts(indicator!.indicator).alert !== undefined) alerts = 1;
      by = 'indicator';
    } else if (step === 'engine') {
      alerts = 1;
      by = 'mdav';
      actionCenter = true;
    } else if (step === 'excluded' || step === 'allow-ioc') {
      flagged =
        signals.mdav ||
        (step === 'excluded'
          ? indicator !== undefined && isBlockingAction(indicator.indicator.action)
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
  if (by === 'none' && ctx.edrSensor && signals.edr) {
    // §4.5: files excluded from MDAV can still raise EDR alerts; block mode remediates unless excluded (§3.8).
    alerts++;
    if (blockModeDecision(ctx, artifact, excluded) === 'remediate') {
      by = 'edr-block-mode';
      actionCenter = true;
    }
  }
  const outcome: Outcome = by !== 'none' ? 'blocked' : alerts > 0 ? 'detected' : flagged ? 'allowed' : 'missed';
  const status = detectionStatusOf(by, outcome, artifact);
  return new CompactVerdict(ctx, artifact, outcome, by, status, actionCenter, alerts, excluded as Reason | undefined, indicator);
}
