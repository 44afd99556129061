/** Gathers, while a run streams by, what a scenario's expectations need: the verdicts they name and the counts they filter. */
import type { CodeFilter, CodeFilterOf, DecidedArtifact } from '../pipeline/code-filter.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import type { Expectation } from '../scenario/index.ts';

/** Records of one count expectation: how many matched its filter, and (totals) how many were eligible. */
export interface Tallied {
  matching: number;
  /** `totals` only: the artifacts matching the filter's `class` alone (all when unset), the share's denominator. */
  population: number;
}

/** What the run leaves behind for {@link evaluateExpectations}; bounded by the size of `expect`, not of the run. */
export interface ExpectationTally {
  /** Feed every verdict of the run, in time order. */
  readonly verdict: (verdict: Verdict) => void;
  /**
   * Feed every decision of the run as its code (`verdict-code.ts`) and artifact instead of `verdict`, in any order, so
   * the run counts without explaining a verdict (issue 13). Given only when the tally was handed `codeFilter` and no
   * expectation names an artifact or filters a field the code does not fix; undefined otherwise.
   */
  readonly code?: (code: number, artifact: DecidedArtifact) => void;
  /** The first verdict of each artifact an `artifact` expectation names. */
  readonly named: ReadonlyMap<string, Verdict>;
  /** The counts of each `alerts`, `actionCenter` and `totals` expectation. */
  readonly counted: ReadonlyMap<Expectation, Tallied>;
}

/**
 * Prepares the tally for `expectations`, known at load: which artifact ids to keep and which filters to
 * count. Everything else a verdict carries is dropped as it passes, so a 10^7-artifact run keeps a
 * handful of verdicts.
 *
 * `codeFilter` (the pipeline's, which this layer may not import): answers filters from codes, so the tally can offer
 * `code`.
 *
 * @example
 * const tally = tallyExpectations(scenario.expect);
 * streamSimulation(scenario, { verdict: tally.verdict });
 * tally.named.get('a1')?.outcome; // 'blocked'
 */
export function tallyExpectations(expectations: readonly Expectation[], codeFilter?: CodeFilterOf): ExpectationTally {
  const wanted = new Set<string>();
  const named = new Map<string, Verdict>();
  const counted = new Map<Expectation, Tallied>();
  const counters: ((verdict: Verdict) => void)[] = [];
  for (const expectation of expectations) {
    if (expectation.kind === 'artifact') wanted.add(expectation.artifact);
    if (expectation.kind !== 'alerts' && expectation.kind !== 'actionCenter' && expectation.kind !== 'totals') continue;
    const tally: Tallied = { matching: 0, population: 0 };
    counted.set(expectation, tally);
    counters.push(counterOf(expectation, tally));
  }
  const verdict = (record: Verdict) => {
    if (wanted.has(record.artifact) && !named.has(record.artifact)) named.set(record.artifact, record);
    for (const count of counters) count(record);
  };
  const code = wanted.size === 0 && codeFilter !== undefined ? byCode(counted, codeFilter) : undefined;
  return { verdict, named, counted, ...(code === undefined ? {} : { code }) };
}

/** The counts of `counted` fed by code, or undefined when a filter needs the explained records. */
function byCode(
  counted: ReadonlyMap<Expectation, Tallied>,
  codeFilter: CodeFilterOf,
): ((code: number, artifact: DecidedArtifact) => void) | undefined {
  const tallies: Tallied[] = [];
  // Per tally: what it adds to `population` (totals only: the filter's class alone) and to `matching`.
  const populations: (CodeFilter | undefined)[] = [];
  const matchings: CodeFilter[] = [];
  for (const [expectation, tally] of counted) {
    const counting = expectation as CountExpectation;
    const totals = counting.kind === 'totals';
    const matching = codeFilter(totals ? 'verdicts' : counting.kind, counting.filter);
    const population = totals ? codeFilter('verdicts', { class: counting.filter.class }) : undefined;
    if (matching === undefined || (totals && population === undefined)) return undefined;
    tallies.push(tally);
    populations.push(population);
    matchings.push(matching);
  }
  return (code, artifact) => {
    for (let at = 0; at < tallies.length; at++) {
      const tally = tallies[at]!;
      const population = populations[at];
      if (population !== undefined) tally.population += population(code, artifact);
      tally.matching += matchings[at]!(code, artifact);
    }
  };
}

type CountExpectation = Extract<Expectation, { kind: 'alerts' | 'actionCenter' | 'totals' }>;

function counterOf(expectation: CountExpectation, tally: Tallied): (verdict: Verdict) => void {
  switch (expectation.kind) {
    case 'alerts': {
      const matches = matcher(expectation.filter);
      return (verdict) => {
        for (const alert of verdict.alerts) if (matches(alert)) tally.matching++;
      };
    }
    case 'actionCenter': {
      const matches = matcher(expectation.filter);
      return (verdict) => {
        if (verdict.actionCenterEntry !== undefined && matches(verdict.actionCenterEntry)) tally.matching++;
      };
    }
    case 'totals': {
      const { class: population, ...rest } = expectation.filter;
      const matches = matcher(rest);
      return (verdict) => {
        if (population !== undefined && verdict.class !== population) return;
        tally.population++;
        if (matches(verdict)) tally.matching++;
      };
    }
  }
}

// Expectation filters name record fields directly (device, detectionStatus, …): a record matches when
// every field the filter sets is equal. The filter's entries are listed once, not per record.
function matcher(filter: object): (record: object) => boolean {
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined);
  return (record) => {
    for (const [key, value] of entries) if ((record as Record<string, unknown>)[key] !== value) return false;
    return true;
  };
}
