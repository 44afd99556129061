/** Shared device contexts: equal configurations share one, and sharing never changes a verdict. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, deviceWithDefaults } from '../../engine/core/config.ts';
import { createFleetModel } from '../../engine/model/index.ts';
import { createContextCache, type ContextCache } from '../../engine/pipeline/context-cache.ts';
import { plainVerdict } from '../../engine/pipeline/compact-verdict.ts';
import { decideArtifact } from '../../engine/pipeline/decide-artifact.ts';
import { deviceRows } from '../../engine/pipeline/device-rows.ts';
import { createPolicyState, type PolicyState } from '../../engine/pipeline/policy-state.ts';
import { isChangeEvent, simEvents } from '../../engine/pipeline/sim-events.ts';
import type { ChangeSpec, SimulationInput } from '../../engine/pipeline/sim-input.ts';
import type { Verdict } from '../../engine/pipeline/verdict.ts';
import { sharedFleetArb } from '../arbitraries/shared-fleet.arb.ts';

/**
 * Replays a run the way `simulate$` does; `contextsFor` is asked for the cache of each artifact, so a
 * fresh cache per artifact decides with an unshared context compiled for that one device at that time.
 */
function decideAll(input: SimulationInput, fresh: boolean): Verdict[] {
  const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
  const policy = createPolicyState(input);
  const applied: ChangeSpec[] = [];
  // Fresh: a new policy state too, with the changes so far replayed, so no exclusion-lookup memo is shared either.
  const unmemoised = (): PolicyState => {
    const replayed = createPolicyState(input);
    for (const change of applied) replayed.apply(change);
    return replayed;
  };
  const make = (state: PolicyState): ContextCache => createContextCache(model, state, input.settings, input.startMs);
  const shared = make(policy);
  const verdicts: Verdict[] = [];
  for (const item of simEvents(input)) {
    model.advanceTo(item.at);
    if (isChangeEvent(item)) {
      if (model.applyChange(item.change, item.at).status === 'applied') {
        policy.apply(item.change);
        applied.push(item.change);
      }
      continue;
    }
    // Compared as readers see them, reasons included: a compact verdict holds its context, which sharing changes by design.
    verdicts.push(plainVerdict(decideArtifact((fresh ? make(unmemoised()) : shared).get(item.device), item)));
  }
  return verdicts;
}

const device = (name: string, tags: string[] = []) =>
  deviceWithDefaults({
    name,
    os: 'windows-11',
    tags,
    mdav: { installed: true, platform: '4.18.24090.11', engine: '1.1.24090.11', cloudProtection: true },
  });

function cacheOf(devices: ReturnType<typeof device>[], groups = DEFAULT_TENANT.deviceGroups, rows?: Float64Array) {
  const tenant = { ...DEFAULT_TENANT, edrBlockMode: true, deviceGroups: groups };
  const model = createFleetModel({ tenant, devices });
  const policy = createPolicyState({
    exclusions: { paths: [], extensions: [], processes: [] },
    indicators: [],
    settings: DEFAULT_CONFLICT_SETTINGS,
  });
  return { model, policy, cache: createContextCache(model, policy, DEFAULT_CONFLICT_SETTINGS, 0, rows) };
}

describe('createContextCache', () => {
  it('should give two devices with equal configuration one compiled context', () => {
    const { cache } = cacheOf([device('a'), device('b')]);
    expect(cache.get('b')).toBe(cache.get('a'));
  });

  it('should compile a device its own context when its own exclusions differ, and share it when they are equal', () => {
    const own = { paths: ['C:\\Tools\\'], extensions: [], processes: [] };
    const { cache } = cacheOf([device('a'), { ...device('b'), exclusions: own }, { ...device('c'), exclusions: own }]);
    expect(cache.get('b')).not.toBe(cache.get('a'));
    expect(cache.get('c')).toBe(cache.get('b'));
  });

  it('should split a shared context when one device is changed, and when devices are in different device groups', () => {
    const groups = [{ name: 'Finance', rank: 1, match: { tags: ['finance'] } }];
    const { cache, model } = cacheOf([device('a'), device('b'), device('c', ['finance'])], groups);
    expect(cache.get('c')).not.toBe(cache.get('a'));
    const before = cache.get('b');
    model.applyChange({ devices: { b: { onboarded: false } } }, 0);
    expect(cache.get('b')).not.toBe(before);
    expect(cache.get('b').edrSensor).toBe(false);
    expect(cache.get('a').edrSensor).toBe(true);
  });

  it.each([
    ['its own rows', undefined],
    ['rows shared with a tally', deviceRows(3)],
  ])(
    'should forget its context ids once policy changes have compiled more than twice the fleet, in %s, and still hand out current contexts',
    (_, rows) => {
      const { cache, policy } = cacheOf(
        [device('a'), { ...device('b'), onboarded: false }, device('c')],
        DEFAULT_TENANT.deviceGroups,
        rows,
      );
      // Each policy revision compiles a and b anew (the memo starts again): past 2 × 3 + 4,096 ids they are forgotten.
      // c's one id first makes b's compile, not a's, the one that forgets: a was found valid in that epoch already.
      cache.get('c');
      for (let revision = 0; revision < 2_100; revision++) {
        policy.apply({ indicators: [] });
        const a = cache.get('a');
        const b = cache.get('b');
        // Read again in the same epoch, after b's compile may have forgotten every id: a must still find its own.
        expect(cache.get('a')).toBe(a);
        expect(cache.get('b')).toBe(b);
        expect([a.edrSensor, b.edrSensor]).toEqual([true, false]);
      }
    },
  );

  it('should decide every artifact of a random fleet and stream as an unshared per-device context does, through changes mid-run', () => {
    fc.assert(
      fc.property(sharedFleetArb, (input) => {
        expect(decideAll(input, false)).toEqual(decideAll(input, true));
      }),
      { numRuns: 600 },
    );
  });
});
