/** Layers 2–3: Defender Antivirus in active mode (exclusions, indicators, its own detection) or passive mode. */
import type { Reason } from '../../core/vocabulary.ts';
import { decideFile, indicatorAlertFacts, isBlockingAction } from '../../policy/indicators/index.ts';
import type { DeviceContext } from '../device-context.ts';
import { REASONS } from '../reasons.ts';
import { threatName, type Trace } from './trace.ts';

const SCAN_TRIGGERS = new Set(['scheduled-scan', 'on-demand-scan']);

/**
 * Applies Defender Antivirus to the artifact. Returns true when MDAV or an indicator stopped it.
 * `excluded` is the MDAV exclusion that applies to this artifact's trigger, if any.
 */
export function mdavLayer(ctx: DeviceContext, trace: Trace, excluded: Reason | undefined): boolean {
  switch (ctx.mode) {
    case 'active':
      return activeMdav(ctx, trace, excluded);
    case 'passive':
      passiveMdav(ctx, trace, excluded);
      return false;
    default:
      trace.reasons.push(REASONS.mdavNotRunning, ctx.modeReason);
      return false;
  }
}

// §5.4's ordered evaluation decides; the scenario can express the steps `excluded`, `block-ioc`,
// `allow-ioc`, `engine` (the antivirus) and `no-block`. `wdac-block` and `smartscreen` have no scenario keys.
function activeMdav(ctx: DeviceContext, trace: Trace, excluded: Reason | undefined): boolean {
  const artifact = trace.artifact;
  if (!ctx.indicatorsHonoured) trace.reasons.push(...ctx.indicatorReasons);
  const indicator = ctx.indicatorsHonoured ? ctx.indicators(artifact) : undefined;
  const decision = decideFile(
    { excluded, indicator, engineBlock: artifact.signals.mdav ? 'antivirus' : undefined },
    ctx.settings,
  );
  trace.reasons.push(...decision.reasons);
  switch (decision.step) {
    case 'block-ioc': {
      // §5.5: an indicator block raises an alert (unless generateAlert is off) but no Action Center entry.
      const facts = indicatorAlertFacts(indicator!.indicator);
      if (facts.alert !== undefined)
        trace.alerts.push({ kind: 'indicator', source: 'WindowsDefenderAv', threat: facts.threatName ?? threatName(artifact) });
      trace.by = 'indicator';
      return true;
    }
    case 'engine':
      trace.reasons.push(REASONS.mdavRemediated);
      trace.alerts.push({ kind: 'mdav', source: 'WindowsDefenderAv', threat: threatName(artifact) });
      trace.by = 'mdav';
      trace.actionCenter = true;
      return true;
    default:
      break;
  }
  // Allowed through: by an exclusion or an Allow indicator over something that would have blocked —
  // the antivirus, the Block IoC the `excluded` step skipped, or a Block IoC that lost to a stronger Allow (T40, T41).
  const overruledBlock =
    (decision.step === 'excluded' && indicator !== undefined && isBlockingAction(indicator.indicator.action)) ||
    (decision.step === 'allow-ioc' && ctx.overruledBlock(artifact) !== undefined);
  if ((decision.step === 'excluded' || decision.step === 'allow-ioc') && (artifact.signals.mdav || overruledBlock)) {
    trace.reasons.push(decision.step === 'excluded' ? REASONS.mdavExcludedFromScan : REASONS.mdavAllowedByIndicator);
    trace.wouldHaveFlagged = true;
  } else if (decision.result === 'audit') {
    trace.alerts.push({ kind: 'audit', source: 'CustomerTI', threat: threatName(artifact) });
  } else if (!artifact.signals.mdav) {
    trace.reasons.push(REASONS.mdavClean);
  }
  return false;
}

function passiveMdav(ctx: DeviceContext, trace: Trace, excluded: Reason | undefined): void {
  const artifact = trace.artifact;
  // §5.2: indicators are not supported in passive mode; said so a trainee sees why a Block IoC did nothing.
  trace.reasons.push(...ctx.indicatorReasons);
  if (!SCAN_TRIGGERS.has(artifact.trigger)) {
    trace.reasons.push(REASONS.mdavPassiveNoRtp);
    return;
  }
  if (!artifact.signals.mdav) {
    trace.reasons.push(REASONS.mdavPassiveClean);
    return;
  }
  if (excluded !== undefined) {
    trace.reasons.push(excluded, REASONS.mdavExcludedFromScan);
    trace.wouldHaveFlagged = true;
    return;
  }
  trace.reasons.push(REASONS.mdavPassiveReported);
  trace.alerts.push({ kind: 'mdav', source: 'WindowsDefenderAv', threat: threatName(artifact) });
}
