/** Layers 4–5: the EDR sensor raises alerts; EDR in block mode remediates its detections unless excluded. */
import type { Artifact } from '../../core/artifact.ts';
import type { Reason } from '../../core/vocabulary.ts';
import type { DeviceContext } from '../device-context.ts';
import { INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE } from '../../policy/indicators/index.ts';
import { blockModeHonoursExclusion, REASONS } from '../reasons.ts';
import { threatName, type BlockModeDecision, type PendingAlert, type Trace } from './trace.ts';

/**
 * Runs the EDR sensor and EDR in block mode. Indicators are deliberately not a parameter: block mode
 * ignores them (§3.8), and keeping them out of reach makes that a property of the code.
 */
export function edrLayers(ctx: DeviceContext, trace: Trace, excluded: Reason | undefined): void {
  const artifact = trace.artifact;
  if (!ctx.edrSensor) {
    trace.reasons.push(ctx.edrSensorReason);
    return;
  }
  if (!artifact.signals.edr) {
    trace.reasons.push(REASONS.edrSensorClean);
    return;
  }
  // §4.5: files excluded from MDAV can still raise EDR alerts.
  trace.reasons.push(excluded === undefined ? REASONS.edrSensorDetected : REASONS.edrSensorDetectedExcluded);
  const alert: PendingAlert = { kind: 'edr', source: 'WindowsDefenderAtp', threat: threatName(artifact) };
  trace.alerts.push(alert);

  const decision = blockModeDecision(ctx, artifact, excluded);
  if (decision !== 'remediate') {
    if (decision === 'not-effective') trace.reasons.push(...ctx.blockModeReasons);
    else if (decision === 'active-noop') trace.reasons.push(REASONS.blockModeActiveNoop);
    else if (excluded !== undefined) trace.reasons.push(blockModeHonoursExclusion(excluded));
    return;
  }
  if (ctx.blockModePending !== undefined) trace.reasons.push(ctx.blockModePending);
  trace.reasons.push(REASONS.blockModeRemediated, INDICATOR_NOT_CONSULTED_IN_BLOCK_MODE);
  trace.by = 'edr-block-mode';
  trace.actionCenter = true;
  // §3.7 / compat note 3: the alert may name Defender Antivirus as its source even in passive mode.
  alert.source = 'WindowsDefenderAv';
}

/**
 * What EDR in block mode decides for an EDR detection, from the device context and the exclusion alone.
 * Indicators cannot reach it (§3.8), and it does not depend on what earlier layers did, so the laws can ask
 * what block mode would have done even when MDAV or the primary AV acted first.
 */
export function blockModeDecision(ctx: DeviceContext, artifact: Artifact, excluded: Reason | undefined): BlockModeDecision {
  if (!ctx.edrSensor || !artifact.signals.edr) return 'no-detection';
  if (!ctx.blockModeEffective) return 'not-effective';
  if (ctx.mode === 'active' && ctx.settings.activeModeBlockMode === 'none') return 'active-noop';
  return excluded === undefined ? 'remediate' : 'excluded';
}
