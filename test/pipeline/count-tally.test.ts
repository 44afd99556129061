import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../../engine/core/vocabulary.ts';
import { CountTally } from '../../engine/pipeline/count-tally.ts';
import { deviceRows } from '../../engine/pipeline/device-rows.ts';
import { packVerdict } from '../../engine/pipeline/verdict-code.ts';

const DEVICES = ['ws-0', 'ws-1', 'ws-2', 'ws-3'];

/** One step of a tally's life: count a code on a fleet device (index) or an unknown one (name), or take its counts. */
type Step = { kind: 'count'; code: number; device: number | string } | { kind: 'counts' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('count' as const),
    // Codes as the decision packs them: outcome, blocker, status, class, alert count, Action Center.
    code: fc
      .tuple(fc.nat(3), fc.nat(4), fc.nat(3), fc.nat(2), fc.nat(3), fc.boolean())
      .map(([outcome, by, status, cls, alerts, entry]) => packVerdict(outcome, by, status, cls, alerts, entry)),
    device: fc.oneof(fc.integer({ min: 0, max: DEVICES.length - 1 }), fc.constantFrom('unknown-a', 'unknown-b')),
  }),
  fc.constant({ kind: 'counts' as const }),
);

/** The eager reference: each device's outcomes at the moment, in the order devices were first counted. */
function eagerByDevice(steps: readonly Step[]): Map<string, Record<Outcome, number>> {
  const byDevice = new Map<string, Record<Outcome, number>>();
  for (const step of steps) {
    if (step.kind !== 'count') continue;
    const name = typeof step.device === 'number' ? DEVICES[step.device]! : step.device;
    let row = byDevice.get(name);
    if (row === undefined) byDevice.set(name, (row = { blocked: 0, detected: 0, allowed: 0, missed: 0 }));
    row[OUTCOMES[step.code & 3]!] += 1;
  }
  return byDevice;
}

describe('CountTally.counts: byDevice built on first read', () => {
  it('should give, for every counts() of a tally, the devices as they stood at that call, however late it is read, named either way', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), fc.boolean(), fc.boolean(), (steps, readAtOnce, byIndex) => {
        // Names read on each device's first count, or by fleet index when byDevice is built (`nameAt`): the same map.
        const nameAt = byIndex ? (index: number) => DEVICES[index]! : undefined;
        const tally = new CountTally(DEVICES.length, deviceRows(DEVICES.length), nameAt);
        const taken: { counts: ReturnType<CountTally['counts']>; expected: Map<string, Record<Outcome, number>> }[] = [];
        steps.forEach((step, at) => {
          if (step.kind === 'count') {
            const name = typeof step.device === 'number' ? DEVICES[step.device]! : step.device;
            tally.count(step.code, typeof step.device === 'number' ? step.device : -1, { device: name });
            return;
          }
          const counts = tally.counts();
          // Half the runs read at once (the map built from the rows now), half only after every later count.
          if (readAtOnce) expect(counts.byDevice.size).toBeGreaterThanOrEqual(0);
          taken.push({ counts, expected: eagerByDevice(steps.slice(0, at)) });
        });
        taken.push({ counts: tally.counts(), expected: eagerByDevice(steps) });
        for (const { counts, expected } of taken) {
          expect([...counts.byDevice]).toEqual([...expected]);
          expect(counts.artifacts).toBe(
            [...expected.values()].reduce((sum, row) => sum + row.blocked + row.detected + row.allowed + row.missed, 0),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should hand out one map per counts(), a plain enumerable property once read', () => {
    const tally = new CountTally(2);
    tally.count(0, 1, 'ws-1');
    const counts = tally.counts();
    expect(Object.keys(counts)).toContain('byDevice');
    const first = counts.byDevice;
    expect(counts.byDevice).toBe(first);
    expect(Object.getOwnPropertyDescriptor(counts, 'byDevice')?.value).toBe(first);
    expect({ ...counts }.byDevice).toBe(first);
    expect(first.get('ws-1')).toEqual({ blocked: 1, detected: 0, allowed: 0, missed: 0 });
  });

  it('should take any number of unread counts() before the next count without a deeper stack (one list, no chain)', () => {
    // A caller that snapshots often (progress) may take many counts between two counts; each must still be its moment.
    // In a 200 KB stack, 5,000 pending builds overflowed as a chain of closures (each calling the one before); a list
    // runs them one after another.
    const tally = new URL('../../engine/pipeline/count-tally.ts', import.meta.url).href;
    const script = [
      `import { CountTally } from ${JSON.stringify(tally)};`,
      "const t = new CountTally(2); t.count(0, 0, 'ws-0');",
      'const taken = Array.from({ length: 5000 }, () => t.counts());',
      "t.count(0, 1, 'ws-1');",
      "const seen = [taken[0].byDevice.get('ws-0'), taken[4999].byDevice.has('ws-1'), t.counts().byDevice.has('ws-1')];",
      'process.stdout.write(JSON.stringify(seen));',
    ].join('\n');
    const args = ['--stack-size=200', '--import', 'tsx', '--input-type=module', '-e', script];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(run.stderr).not.toContain('RangeError');
    expect(JSON.parse(run.stdout)).toEqual([{ blocked: 1, detected: 0, allowed: 0, missed: 0 }, false, true]);
  });
});
