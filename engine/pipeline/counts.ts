/** Aggregate counts of a run, kept incrementally so that a 10^8-artifact run never holds its verdicts. */
import type { ArtifactClass, Blocker, DetectionStatus, Outcome } from '../core/vocabulary.ts';
import { alertStatusOf } from './build-verdict.ts';
import { CompactVerdict } from './compact-verdict.ts';
import type { Alert, ActionCenterEntry, Verdict } from './verdict.ts';

export interface Counts {
  artifacts: number;
  readonly byOutcome: Record<Outcome, number>;
  readonly byBlocker: Record<Blocker, number>;
  readonly byDetectionStatus: Record<DetectionStatus, number>;
  /** class → outcome → count, for `totals` expectations. */
  readonly byClass: Record<ArtifactClass, Record<Outcome, number>>;
  /** device → outcome → count. */
  readonly byDevice: Map<string, Record<Outcome, number>>;
  alerts: number;
  readonly alertsByStatus: Record<Alert['detectionStatus'], number>;
  actionCenter: number;
  readonly actionCenterBy: Record<ActionCenterEntry['remediatedBy'], number>;
}

const outcomes = (): Record<Outcome, number> => ({ blocked: 0, detected: 0, allowed: 0, missed: 0 });

export function emptyCounts(): Counts {
  return {
    artifacts: 0,
    byOutcome: outcomes(),
    byBlocker: { 'primary-av': 0, mdav: 0, indicator: 0, 'edr-block-mode': 0, none: 0 },
    byDetectionStatus: { Blocked: 0, Prevented: 0, Detected: 0, none: 0 },
    byClass: { malicious: outcomes(), pua: outcomes(), benign: outcomes() },
    byDevice: new Map(),
    alerts: 0,
    alertsByStatus: { Blocked: 0, Prevented: 0, Detected: 0 },
    actionCenter: 0,
    actionCenterBy: { mdav: 0, 'edr-block-mode': 0 },
  };
}

/**
 * Adds one verdict to the counts (mutates `counts`; the one place a run accumulates).
 *
 * @example
 * const counts = emptyCounts();
 * countVerdict(counts, verdict);
 * counts.byOutcome.blocked; // 1
 */
export function countVerdict(counts: Counts, verdict: Verdict): void {
  counts.artifacts++;
  counts.byOutcome[verdict.outcome]++;
  counts.byBlocker[verdict.by]++;
  counts.byDetectionStatus[verdict.detectionStatus]++;
  counts.byClass[verdict.class][verdict.outcome]++;
  let device = counts.byDevice.get(verdict.device);
  if (device === undefined) {
    device = outcomes();
    counts.byDevice.set(verdict.device, device);
  }
  device[verdict.outcome]++;
  if (verdict instanceof CompactVerdict) {
    // Counted from the decision: a counting run never builds an alert or an entry (issue 13 #2).
    counts.alerts += verdict.alertCount;
    counts.alertsByStatus[alertStatusOf(verdict.detectionStatus)] += verdict.alertCount;
    if (verdict.actionCenter) {
      counts.actionCenter++;
      counts.actionCenterBy[verdict.by === 'edr-block-mode' ? 'edr-block-mode' : 'mdav']++;
    }
    return;
  }
  for (const alert of verdict.alerts) {
    counts.alerts++;
    counts.alertsByStatus[alert.detectionStatus]++;
  }
  if (verdict.actionCenterEntry !== undefined) {
    counts.actionCenter++;
    counts.actionCenterBy[verdict.actionCenterEntry.remediatedBy]++;
  }
}
