/** Expectation names: built from what an expectation asserts, and unique within a scenario, so CI history can follow them. */
import { describeBounds } from '../../core/count-bounds.ts';
import { formatDuration } from '../../core/duration.ts';
import type { Issue } from '../../core/issue.ts';
import { quote } from '../../core/quote.ts';
import type { Expectation } from '../scenario.ts';

/** An expectation before it has its name (each kind of the union without `name`). */
export type UnnamedExpectation = Expectation extends infer E ? (E extends unknown ? Omit<E, 'name'> : never) : never;

/**
 * The name of an expectation without `name:`: what it asserts, in the words its report line uses, and
 * never its index or its result, so that adding an expectation or fixing a run renames nothing (a CI
 * dashboard keys its history on test case names).
 *
 * @example
 * expectationName({ kind: 'artifact', index: 0, artifact: 'a1', outcome: 'blocked' }); // 'artifact a1: outcome blocked'
 */
export function expectationName(expectation: UnnamedExpectation): string {
  switch (expectation.kind) {
    case 'artifact':
      return `artifact ${expectation.artifact}: ${pairs(expectation, ['outcome', 'by', 'detectionStatus', 'actionCenter'])}`;
    case 'device':
      return `device ${expectation.device} ${when(expectation.at)}: ${pairs(expectation, ['mode', 'runningMode', 'edrBlockMode'])}`;
    case 'actionCenter':
      return `Action Center entries${filtered(expectation.filter)}: ${describeBounds(expectation.bounds)}`;
    case 'alerts':
      return `alerts${filtered(expectation.filter)}: ${describeBounds(expectation.bounds)}`;
    case 'actionCenterEntry': {
      const what = expectation.artifact === undefined ? `device ${expectation.device}` : `artifact ${expectation.artifact}`;
      const type = expectation.actionType === undefined ? '' : ` (${expectation.actionType})`;
      const asserted = expectation.present ? pairs(expectation, ['tab', 'status']) || 'present' : 'absent';
      return `Action Center entry for ${what}${type} ${when(expectation.at)}: ${asserted}`;
    }
    case 'investigation': {
      const what = expectation.artifact === undefined ? `device ${expectation.device}` : `artifact ${expectation.artifact}`;
      return `investigation of ${what} ${when(expectation.at)}: state ${expectation.state}`;
    }
    case 'recommendation':
      return `recommendation ${expectation.id} on ${expectation.device}: ${expectation.present ? 'present' : 'absent'}`;
    case 'totals': {
      const { class: of, ...rest } = expectation.filter;
      const what = pairs(rest, Object.keys(rest) as (keyof typeof rest)[]);
      const population = `${of ?? 'all'} artifacts${what === '' ? '' : ` with ${what}`}`;
      if (expectation.share === undefined) return `count of ${population}: ${describeBounds(expectation.bounds ?? {})}`;
      const { atLeast, atMost } = expectation.share;
      const range = [atLeast === undefined ? '' : `≥ ${atLeast}`, atMost === undefined ? '' : `≤ ${atMost}`]
        .filter(Boolean)
        .join(' and ');
      return `share of ${population}: ${range}`;
    }
  }
}

/**
 * One issue for each expectation whose name an earlier one already has, at the second (at its `name:`
 * when it gave one), with a hint to tell them apart with `name:`.
 *
 * @example
 * duplicateNames([{ name: 'x', index: 0 }, { name: 'x', index: 1 }], new Set()); // one issue at expect[1]
 */
export function duplicateNames(
  expectations: readonly Pick<Expectation, 'name' | 'index'>[],
  given: ReadonlySet<number>,
): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  for (const { name, index } of expectations) {
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, index);
      continue;
    }
    issues.push({
      code: 'duplicate_expectation_name',
      path: given.has(index) ? ['expect', index, 'name'] : ['expect', index],
      message: `expectation name ${quote(name)} is used twice; the first is expect[${earlier}]`,
      expected: 'a unique name per expectation (JUnit test cases and reports key on it)',
      hint: 'give one of them its own name with name: …, or remove the repeated expectation',
    });
  }
  return issues;
}

const when = (at: number | undefined) => (at === undefined ? 'at the end of the run' : `at ${formatDuration(at)}`);

function pairs<T extends object>(value: T, keys: readonly (keyof T)[]): string {
  return keys
    .filter((key) => value[key] !== undefined)
    .map((key) => `${String(key)} ${String(value[key])}`)
    .join(', ');
}

function filtered(filter: object): string {
  const where = pairs(filter, Object.keys(filter) as (keyof typeof filter)[]);
  return where === '' ? '' : ` (${where})`;
}
