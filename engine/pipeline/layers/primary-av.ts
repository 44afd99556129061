/** Layer 1: a non-Microsoft primary antivirus. When it stops something, Defender for Endpoint sees nothing. */
import type { DeviceContext } from '../device-context.ts';
import { REASONS } from '../reasons.ts';
import type { Trace } from './trace.ts';

/** Returns true when the primary AV stopped the artifact (the decision ends there). */
export function primaryAvLayer(ctx: DeviceContext, trace: Trace): boolean {
  if (!ctx.primaryAvRunning) return false;
  if (trace.artifact.signals.primaryAv) {
    trace.reasons.push(REASONS.primaryAvBlocked);
    trace.by = 'primary-av';
    return true;
  }
  trace.reasons.push(REASONS.primaryAvMissed);
  return false;
}
