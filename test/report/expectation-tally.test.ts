// The tally, fed verdict by verdict, must count what filtering the fully collected run counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFilter } from '../../engine/pipeline/code-filter.ts';
import { runSimulation, streamSimulation } from '../../engine/pipeline/run-simulation.ts';
import { tallyExpectations } from '../../engine/report/expectation-tally.ts';
import type { Expectation } from '../../engine/scenario/index.ts';
import { generatedRunArb, simulationArb } from '../arbitraries/simulation.arb.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const device = fc.constantFrom('dev-1', 'dev-2', 'dev-3');
const artifact = fc.constantFrom('a1', 'a2', 'a5', 'a12', 'nope');
const status = fc.constantFrom('Blocked' as const, 'Prevented' as const, 'Detected' as const);

const expectationArb: fc.Arbitrary<Expectation> = fc.oneof(
  fc.record({ kind: fc.constant('artifact' as const), name: fc.constant('x'), index: fc.nat(), artifact }),
  fc.record({
    kind: fc.constant('alerts' as const),
    name: fc.constant('x'),
    index: fc.nat(),
    filter: fc.record({
      device: maybe(device),
      artifact: maybe(artifact),
      detectionStatus: maybe(status),
      severity: maybe(fc.constantFrom('Informational' as const, 'Low' as const, 'Medium' as const, 'High' as const)),
      detectionSource: maybe(fc.constantFrom('WindowsDefenderAv', 'WindowsDefenderAtp', 'CustomerTI')),
    }),
    bounds: fc.constant({ atLeast: 0 }),
  }),
  fc.record({
    kind: fc.constant('actionCenter' as const),
    name: fc.constant('x'),
    index: fc.nat(),
    filter: fc.record({
      device: maybe(device),
      artifact: maybe(artifact),
      actionType: maybe(fc.constantFrom('Quarantine file', 'Stop process')),
      detectionStatus: maybe(status),
    }),
    bounds: fc.constant({ atLeast: 0 }),
  }),
  fc.record({
    kind: fc.constant('totals' as const),
    name: fc.constant('x'),
    index: fc.nat(),
    filter: fc.record({
      class: maybe(fc.constantFrom('malicious' as const, 'pua' as const, 'benign' as const)),
      outcome: maybe(fc.constantFrom('blocked' as const, 'detected' as const, 'allowed' as const, 'missed' as const)),
      by: maybe(
        fc.constantFrom('primary-av' as const, 'mdav' as const, 'indicator' as const, 'edr-block-mode' as const, 'none' as const),
      ),
      device: maybe(device),
      detectionStatus: maybe(fc.constantFrom('none' as const, 'Blocked' as const, 'Prevented' as const, 'Detected' as const)),
    }),
  }),
);

/** Count expectations whose filters set only what a code counter reads (`byCode`): the tally offers `code` for them. */
const countedByCodeArb: fc.Arbitrary<Expectation> = expectationArb
  .filter((expectation) => expectation.kind !== 'artifact')
  .map((expectation) => {
    if (expectation.kind !== 'alerts' && expectation.kind !== 'actionCenter') return expectation;
    const { device, detectionStatus } = expectation.filter;
    const actionType = expectation.kind === 'actionCenter' ? { actionType: expectation.filter.actionType } : {};
    return { ...expectation, filter: { device, detectionStatus, ...actionType } } as Expectation;
  });

/** Each counted expectation's tally, in the order of `expectations`. */
const countsOf = (tally: ReturnType<typeof tallyExpectations>, expectations: readonly Expectation[]) =>
  expectations.map((expectation) => tally.counted.get(expectation));

const matches = (record: object, filter: object) =>
  Object.entries(filter).every(([key, value]) => value === undefined || (record as Record<string, unknown>)[key] === value);

describe('tallyExpectations', () => {
  it('should keep the first verdict of each named artifact and count what filtering the whole run counts', () => {
    fc.assert(
      fc.property(simulationArb, fc.array(expectationArb, { maxLength: 6 }), (input, expectations) => {
        const run = runSimulation(input);
        const tally = tallyExpectations(expectations);
        for (const verdict of run.verdicts) tally.verdict(verdict);
        for (const expectation of expectations) {
          if (expectation.kind === 'artifact') {
            expect(tally.named.get(expectation.artifact)).toBe(run.verdicts.find((v) => v.artifact === expectation.artifact));
          } else if (expectation.kind === 'alerts' || expectation.kind === 'actionCenter') {
            const records = expectation.kind === 'alerts' ? run.alerts : run.actionCenter;
            expect(tally.counted.get(expectation)?.matching).toBe(records.filter((r) => matches(r, expectation.filter)).length);
          } else if (expectation.kind === 'totals') {
            const { class: only, ...rest } = expectation.filter;
            const population = run.verdicts.filter((v) => only === undefined || v.class === only);
            expect(tally.counted.get(expectation)).toEqual({
              population: population.length,
              matching: population.filter((v) => matches(v, rest)).length,
            });
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('should count from codes, in any order, what it counts from the explained verdicts', () => {
    const inputs = fc.oneof(
      simulationArb,
      generatedRunArb.map(({ input }) => input),
    );
    fc.assert(
      fc.property(inputs, fc.array(countedByCodeArb, { maxLength: 6 }), (input, expectations) => {
        const [byVerdict, byCode] = [tallyExpectations(expectations), tallyExpectations(expectations, codeFilter)];
        expect(byCode.code).toBeTypeOf('function');
        streamSimulation(input, { verdict: byVerdict.verdict });
        // The code alone: a counting run, device by device for a generated stream.
        streamSimulation(input, { code: byCode.code! });
        expect(countsOf(byCode, expectations)).toEqual(countsOf(byVerdict, expectations));
      }),
      { numRuns: 150 },
    );
  });

  it('should offer no code counter when an expectation needs an explained verdict', () => {
    const base = { name: 'x', index: 0, bounds: { atLeast: 0 } };
    const needs: Expectation[] = [
      { kind: 'artifact', name: 'x', index: 0, artifact: 'a1' },
      { kind: 'alerts', ...base, filter: { severity: 'Low' } },
      { kind: 'alerts', ...base, filter: { detectionSource: 'WindowsDefenderAtp' } },
      { kind: 'alerts', ...base, filter: { artifact: 'a1' } },
      { kind: 'alerts', ...base, filter: { status: 'Resolved' } },
      { kind: 'actionCenter', ...base, filter: { artifact: 'a1' } },
      { kind: 'actionCenter', ...base, filter: { status: 'Completed' } },
    ];
    const countable: Expectation = { kind: 'totals', name: 'y', index: 1, filter: { outcome: 'blocked' } };
    expect(tallyExpectations([countable], codeFilter).code).toBeTypeOf('function');
    // Without the pipeline's filter the tally has no way to read a code.
    expect(tallyExpectations([countable]).code).toBeUndefined();
    for (const expectation of needs) expect(tallyExpectations([countable, expectation], codeFilter).code).toBeUndefined();
  });

  it('should keep no verdict that no expectation names', () => {
    const tally = tallyExpectations([{ kind: 'totals', name: 'x', index: 0, filter: {} }]);
    const run = runSimulation(fc.sample(simulationArb, { numRuns: 1, seed: 3 })[0]!);
    for (const verdict of run.verdicts) tally.verdict(verdict);
    expect(tally.named.size).toBe(0);
    expect(tally.counted.get([...tally.counted.keys()][0]!)?.population).toBe(run.verdicts.length);
  });
});
