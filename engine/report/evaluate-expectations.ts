/** Checks a scenario's `expect` entries against its run, and says what was expected, what happened and why. */
import { formatDuration } from '../core/duration.ts';
import type { Reason } from '../core/vocabulary.ts';
import type { DeviceState } from '../model/index.ts';
import type { RunSummary } from '../pipeline/run-simulation.ts';
import type { Verdict } from '../pipeline/verdict.ts';
import { describeBounds, withinBounds } from '../core/count-bounds.ts';
import type { CountBounds, Expectation } from '../scenario/index.ts';
import type { ExpectationTally, Tallied } from './expectation-tally.ts';
import type { ExpectationResult } from './scenario-report.ts';
import { AIR_OFF, entryExpectation, investigationExpectation } from './evaluate-air-expectations.ts';
import type { AirResult } from '../pipeline/air-state.ts';

export interface EvaluationInput {
  readonly run: RunSummary;
  /** What the run streamed past the expectations (named verdicts, filtered counts), from `tallyExpectations`. */
  readonly tally: Pick<ExpectationTally, 'named' | 'counted'>;
  /** The device's state at `at` (every event with at ≤ t applied); the end-of-run state when `at` is undefined. */
  readonly deviceAt: (device: string, at: number | undefined) => DeviceState | undefined;
}

const explain = (reasons: readonly Reason[]) => reasons.map((r) => `[${r.layer}] ${r.message}${r.cite ? ` (${r.cite})` : ''}`);

/**
 * Evaluates every expectation; one result each, in order.
 *
 * @example
 * evaluateExpectations(scenario.expect, { run, tally, deviceAt })[0]?.passed; // true
 */
export function evaluateExpectations(expectations: readonly Expectation[], input: EvaluationInput): ExpectationResult[] {
  return expectations.map((expectation) => {
    const result = evaluate(expectation, input);
    return {
      name: expectation.name,
      ...result,
      kind: expectation.kind,
      index: expectation.index,
      ...(expectation.cite === undefined ? {} : { cite: expectation.cite }),
      ...(expectation.line === undefined ? {} : { line: expectation.line, column: expectation.column }),
    };
  });
}

type Evaluated = Omit<ExpectationResult, 'name' | 'kind' | 'index' | 'cite' | 'line' | 'column'>;

function evaluate(expectation: Expectation, input: EvaluationInput): Evaluated {
  switch (expectation.kind) {
    case 'artifact':
      return artifactExpectation(expectation, input.tally.named.get(expectation.artifact));
    case 'device':
      return deviceExpectation(expectation, input);
    case 'actionCenter':
      return countExpectation(
        'Action Center entries',
        expectation.filter,
        expectation.bounds,
        tallied(input, expectation).matching,
      );
    case 'alerts':
      if (expectation.filter.status !== undefined || expectation.filter.investigationState !== undefined)
        return airAlertsExpectation(expectation, input.run.air);
      return countExpectation('alerts', expectation.filter, expectation.bounds, tallied(input, expectation).matching);
    case 'recommendation': {
      const present = input.run.recommendations.some((r) => r.device === expectation.device && r.id === expectation.id);
      const word = (on: boolean) => (on ? 'present' : 'absent');
      const head = `recommendation ${expectation.id} on ${expectation.device}: expected ${word(expectation.present)}`;
      const state = input.deviceAt(expectation.device, undefined);
      return present === expectation.present
        ? { passed: true, message: `${head}` }
        : {
            passed: false,
            message: `${head}, got ${word(present)}`,
            ...(state ? { details: explain(state.edrBlockMode.reasons) } : {}),
          };
    }
    case 'totals':
      return totalsExpectation(expectation, tallied(input, expectation));
    case 'actionCenterEntry':
      return entryExpectation(expectation, input.run.air);
    case 'investigation':
      return investigationExpectation(expectation, input.run.air);
  }
}

function tallied(input: EvaluationInput, expectation: Expectation): Tallied {
  return input.tally.counted.get(expectation) ?? { matching: 0, population: 0 };
}

function artifactExpectation(expectation: Extract<Expectation, { kind: 'artifact' }>, verdict: Verdict | undefined): Evaluated {
  const wanted = (['outcome', 'by', 'detectionStatus', 'actionCenter'] as const).filter((key) => expectation[key] !== undefined);
  const expected = wanted.map((key) => `${key} ${String(expectation[key])}`).join(', ');
  const head = `artifact ${expectation.artifact}: ${expected}`;
  if (verdict === undefined) return { passed: false, message: `${head}, but the run has no verdict for it` };
  const wrong = wanted.filter((key) => verdict[key] !== expectation[key]);
  if (wrong.length === 0) return { passed: true, message: head };
  const got = wanted.map((key) => `${key} ${String(verdict[key])}`).join(', ');
  return { passed: false, message: `${head} — got ${got}`, details: explain(verdict.reasons) };
}

function deviceExpectation(expectation: Extract<Expectation, { kind: 'device' }>, input: EvaluationInput): Evaluated {
  const when = expectation.at === undefined ? 'at the end of the run' : `at ${formatDuration(expectation.at)}`;
  const state = input.deviceAt(expectation.device, expectation.at);
  const actual = {
    mode: state?.mode,
    runningMode: state?.runningMode,
    edrBlockMode: state === undefined ? undefined : state.edrBlockMode.effective ? 'effective' : 'not-effective',
  };
  const wanted = (['mode', 'runningMode', 'edrBlockMode'] as const).filter((key) => expectation[key] !== undefined);
  const head = `device ${expectation.device} ${when}: ${wanted.map((key) => `${key} ${expectation[key]}`).join(', ')}`;
  if (state === undefined) return { passed: false, message: `${head}, but no such device exists` };
  const wrong = wanted.filter((key) => actual[key] !== expectation[key]);
  if (wrong.length === 0) return { passed: true, message: head };
  return {
    passed: false,
    message: `${head} — got ${wanted.map((key) => `${key} ${actual[key]}`).join(', ')}`,
    details: explain([...state.modeReasons, ...state.edrBlockMode.reasons]),
  };
}

function countExpectation(what: string, filter: object, bounds: CountBounds, actual: number): Evaluated {
  const where = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  const message = `${what}${where === '' ? '' : ` (${where})`}: expected ${describeBounds(bounds)}`;
  return withinBounds(bounds, actual)
    ? { passed: true, message: `${message}, got ${actual}` }
    : { passed: false, message: `${message}, got ${actual}` };
}

function totalsExpectation(expectation: Extract<Expectation, { kind: 'totals' }>, { matching, population }: Tallied): Evaluated {
  const { filter } = expectation;
  const what = Object.entries(filter)
    .filter(([key, value]) => key !== 'class' && value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  const of = `${filter.class ?? 'all'} artifacts${what === '' ? '' : ` with ${what}`}`;
  const checks: Evaluated[] = [];
  if (expectation.share !== undefined) {
    const share = population === 0 ? 0 : matching / population;
    const bounds = expectation.share;
    const ok =
      (bounds.atLeast === undefined || share >= bounds.atLeast) && (bounds.atMost === undefined || share <= bounds.atMost);
    const range = [
      bounds.atLeast === undefined ? '' : `≥ ${bounds.atLeast}`,
      bounds.atMost === undefined ? '' : `≤ ${bounds.atMost}`,
    ]
      .filter(Boolean)
      .join(' and ');
    checks.push({
      passed: ok,
      message: `share of ${of}: expected ${range}, got ${share.toFixed(3)} (${matching}/${population})`,
    });
  }
  if (expectation.bounds !== undefined) {
    checks.push(countExpectation(`count of ${of}`, {}, expectation.bounds, matching));
  }
  return { passed: checks.every((check) => check.passed), message: checks.map((check) => check.message).join('; ') };
}

/**
 * An alerts count whose filter names `status` or `investigationState`: counted over the AIR run's alerts as they
 * stand at the end of the run (their investigation's state, autoresolve and analysts applied).
 *
 * @example
 * airAlertsExpectation({ kind: 'alerts', filter: { status: 'Resolved' }, bounds: { count: 1 }, … }, run.air).passed;
 */
function airAlertsExpectation(expectation: Extract<Expectation, { kind: 'alerts' }>, air: AirResult | undefined): Evaluated {
  if (air === undefined) return AIR_OFF;
  const wanted = Object.entries(expectation.filter).filter(([, value]) => value !== undefined);
  const matching = air.records.alerts.filter((alert) =>
    wanted.every(([key, value]) => (alert as unknown as Record<string, unknown>)[key] === value),
  ).length;
  return countExpectation('alerts', expectation.filter, expectation.bounds, matching);
}
