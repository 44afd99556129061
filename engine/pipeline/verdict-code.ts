/** A compact verdict's countable facts packed into one small int, so a counting run tallies with one array increment. */
import {
  ARTIFACT_CLASSES,
  BLOCKERS,
  DETECTION_STATUSES,
  OUTCOMES,
  type ArtifactClass,
  type Blocker,
  type DetectionStatus,
  type Outcome,
} from '../core/vocabulary.ts';
// Imported bindings copied to locals: under tsx each cross-module access is a getter call, and decodeVerdict runs per
// decision (issue 13: 12 % of L before).
const outcomes = OUTCOMES;
const blockers = BLOCKERS;
const statuses = DETECTION_STATUSES;
const classes = ARTIFACT_CLASSES;

/** How many distinct codes there are: every code is below it (12 bits). */
export const VERDICT_CODES = 1 << 12;

/** A code's fields, as the verdict spells them. */
export interface VerdictFacts {
  readonly outcome: Outcome;
  readonly by: Blocker;
  readonly detectionStatus: DetectionStatus;
  readonly class: ArtifactClass;
  /** 0–3 alerts. */
  readonly alertCount: number;
  readonly actionCenter: boolean;
}

const ordinal = <T extends string>(list: readonly T[]): Readonly<Record<T, number>> =>
  Object.fromEntries(list.map((value, index) => [value, index])) as Record<T, number>;
const OUTCOME = ordinal(OUTCOMES);
const BLOCKER = ordinal(BLOCKERS);
const STATUS = ordinal(DETECTION_STATUSES);
const CLASS = ordinal(ARTIFACT_CLASSES);

/**
 * Packs a verdict's facts: outcome (bits 0–1, so `code & 3` is the outcome's ordinal in `OUTCOMES`),
 * blocker (2–4), status (5–6), class (7–8), alert count (9–10), Action Center (11).
 *
 * @example
 * decodeVerdict(verdictCode({ outcome: 'blocked', by: 'mdav', detectionStatus: 'Prevented', class: 'pua', alertCount: 1, actionCenter: true })).by; // 'mdav'
 */
export function verdictCode(facts: VerdictFacts): number {
  return (
    OUTCOME[facts.outcome] |
    (BLOCKER[facts.by] << 2) |
    (STATUS[facts.detectionStatus] << 5) |
    (CLASS[facts.class] << 7) |
    (facts.alertCount << 9) |
    (facts.actionCenter ? 1 << 11 : 0)
  );
}

/**
 * The facts of a code made by {@link verdictCode}.
 *
 * @example
 * decodeVerdict(0).outcome; // 'blocked'
 */
export function decodeVerdict(code: number): VerdictFacts {
  return {
    outcome: outcomes[code & 3] as Outcome,
    by: blockers[(code >>> 2) & 7] as Blocker,
    detectionStatus: statuses[(code >>> 5) & 3] as DetectionStatus,
    class: classes[(code >>> 7) & 3] as ArtifactClass,
    alertCount: (code >>> 9) & 3,
    actionCenter: (code & (1 << 11)) !== 0,
  };
}

/**
 * {@link verdictCode} from ordinals (positions in `OUTCOMES`, `BLOCKERS`, `DETECTION_STATUSES`,
 * `ARTIFACT_CLASSES`): what the hot path calls, with no string keys to look up.
 *
 * @example
 * packVerdict(0, 1, 1, 1, 1, true) === verdictCode({ outcome: 'blocked', by: 'mdav', detectionStatus: 'Prevented', class: 'pua', alertCount: 1, actionCenter: true }); // true
 */
export function packVerdict(
  outcome: number,
  by: number,
  status: number,
  cls: number,
  alerts: number,
  actionCenter: boolean,
): number {
  return outcome | (by << 2) | (status << 5) | (cls << 7) | (alerts << 9) | (actionCenter ? 1 << 11 : 0);
}
