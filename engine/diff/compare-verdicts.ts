/** One artifact under two policies: the verdict as a small code, and the label the diff gives the pair. */
import type { ArtifactClass, Blocker, DetectionStatus, Outcome } from '../core/vocabulary.ts';
import { BLOCKERS, DETECTION_STATUSES, OUTCOMES } from '../core/vocabulary.ts';

/** The per-artifact labels: protection for malicious, PUA and probes; false positives for benign artifacts. */
export const ARTIFACT_LABELS = ['same', 'changed', 'weaker', 'stronger', 'fp-added', 'fp-removed'] as const;
export type ArtifactLabel = (typeof ARTIFACT_LABELS)[number];

/** What the diff compares of a verdict. */
export interface VerdictFacts {
  readonly outcome: Outcome;
  readonly by: Blocker;
  readonly detectionStatus: DetectionStatus;
  readonly actionCenter: boolean;
}

/**
 * The facts packed in one small integer, so a run of 100,000 artifacts keeps one number per artifact.
 *
 * @example
 * verdictCode({ outcome: 'blocked', by: 'mdav', detectionStatus: 'Blocked', actionCenter: true });
 */
export function verdictCode(verdict: VerdictFacts): number {
  return (
    ((OUTCOMES.indexOf(verdict.outcome) * 8 + BLOCKERS.indexOf(verdict.by)) * 4 +
      DETECTION_STATUSES.indexOf(verdict.detectionStatus)) *
      2 +
    (verdict.actionCenter ? 1 : 0)
  );
}

/** The facts back from a {@link verdictCode}. */
export function verdictFacts(code: number): VerdictFacts {
  return {
    actionCenter: code % 2 === 1,
    detectionStatus: DETECTION_STATUSES[Math.floor(code / 2) % 4]!,
    by: BLOCKERS[Math.floor(code / 8) % 8]!,
    outcome: OUTCOMES[Math.floor(code / 64)]!,
  };
}

/** blocked > detected > allowed = missed (issue 15): allowed and missed both let a malicious file run. */
export function protectionRank(outcome: Outcome): number {
  return outcome === 'blocked' ? 2 : outcome === 'detected' ? 1 : 0;
}

/**
 * The label of one artifact's BASE and HEAD verdicts (as codes). A benign artifact's change in rank is a
 * false positive added or removed, never weaker or stronger; the same rank with another `by`, status or
 * Action Center entry is `changed`.
 *
 * @example
 * compareVerdicts('malicious', blockedCode, detectedCode); // 'weaker'
 */
export function compareVerdicts(artifactClass: ArtifactClass, base: number, head: number): ArtifactLabel {
  if (base === head) return 'same';
  const [b, h] = [protectionRank(OUTCOMES[Math.floor(base / 64)]!), protectionRank(OUTCOMES[Math.floor(head / 64)]!)];
  if (b === h) return 'changed';
  if (artifactClass === 'benign') return h > b ? 'fp-added' : 'fp-removed';
  return h < b ? 'weaker' : 'stronger';
}

/** The run's label: `mixed` when some artifacts are weaker and some stronger; `equivalent` when neither. */
export type RunLabel = 'equivalent' | 'weaker' | 'stronger' | 'mixed';

export function runLabel(weaker: number, stronger: number): RunLabel {
  return weaker > 0 ? (stronger > 0 ? 'mixed' : 'weaker') : stronger > 0 ? 'stronger' : 'equivalent';
}
