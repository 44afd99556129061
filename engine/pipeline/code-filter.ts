/** Count filters answered from a decision's packed code, device and kind: what a counting run can tally without explaining. */
import type { ArtifactKind } from '../core/vocabulary.ts';
import { actionTypeOf, alertStatusOf } from './build-verdict.ts';
import { decodeVerdict, VERDICT_CODES, type VerdictFacts } from './verdict-code.ts';

/** The records a count expectation filters: verdicts (`totals`), their alerts, their Action Center entries. */
export type CountedRecords = 'verdicts' | 'alerts' | 'actionCenter';

/** What a code filter reads of the decided artifact besides its code. */
export interface DecidedArtifact {
  readonly device: string;
  readonly kind: ArtifactKind;
}

/** How many records of one decision (its code and artifact) match the filter: 0–1, or 0–3 alerts. */
export type CodeFilter = (code: number, artifact: DecidedArtifact) => number;

/** {@link codeFilter}'s type, for a layer that may import pipeline types only (the report's expectation tally). */
export type CodeFilterOf = (records: CountedRecords, filter: Readonly<Record<string, unknown>>) => CodeFilter | undefined;

/**
 * The fields a code fixes, per kind of record. A verdict's class, outcome, blocker and status are in its code; every
 * alert of a verdict shows `alertStatusOf` its status; an Action Center entry shows the verdict's status
 * (`build-verdict.ts`, the one home of both). `device` (every record's) and an entry's `actionType` (by the artifact's
 * kind, `actionTypeOf`) are read from the artifact.
 */
const CODE_FIELDS: Readonly<Record<CountedRecords, readonly string[]>> = {
  verdicts: ['class', 'outcome', 'by', 'detectionStatus'],
  alerts: ['detectionStatus'],
  actionCenter: ['detectionStatus'],
};

/**
 * A filter over `records` (each set field equal, as the report's expectation filters are) answered per decision from
 * its code, device and kind; undefined when it sets a field only the explained record has (an artifact id, an alert's
 * severity or source, AIR's statuses). What one decision of each of the 4,096 codes adds is a table made here; the
 * device and action type are compared per decision only when set. A law holds it to filtering the explained records
 * (test/report/expectation-tally.test.ts).
 *
 * @example
 * const blocked = codeFilter('verdicts', { class: 'malicious', outcome: 'blocked' })!;
 * blocked(verdict.code, artifact); // 1 when the verdict is a blocked malicious artifact, else 0
 */
export const codeFilter: CodeFilterOf = (records, filter) => {
  let device: unknown;
  let actionType: unknown;
  const fields: [string, unknown][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'device') device = value;
    else if (key === 'actionType' && records === 'actionCenter') actionType = value;
    else if (CODE_FIELDS[records].includes(key)) fields.push([key, value]);
    else return undefined;
  }
  const adds = new Uint8Array(VERDICT_CODES);
  for (let code = 0; code < VERDICT_CODES; code++) {
    const facts = decodeVerdict(code);
    const record = recordOf(records, facts);
    if (record !== undefined && fields.every(([key, value]) => record[key] === value))
      adds[code] = records === 'alerts' ? facts.alertCount : 1;
  }
  return (code, artifact) => {
    const n = adds[code]!;
    if (n === 0) return 0;
    if (device !== undefined && artifact.device !== device) return 0;
    if (actionType !== undefined && actionTypeOf(artifact.kind) !== actionType) return 0;
    return n;
  };
};

/** The CODE_FIELDS of a code's record of that kind, or undefined when the decision has none (no alert, no entry). */
function recordOf(records: CountedRecords, facts: VerdictFacts): Readonly<Record<string, string>> | undefined {
  switch (records) {
    case 'verdicts':
      return { class: facts.class, outcome: facts.outcome, by: facts.by, detectionStatus: facts.detectionStatus };
    case 'alerts':
      return facts.alertCount === 0 ? undefined : { detectionStatus: alertStatusOf(facts.detectionStatus) };
    case 'actionCenter':
      return facts.actionCenter ? { detectionStatus: facts.detectionStatus } : undefined;
  }
}
