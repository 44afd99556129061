import { describe, expect, it } from 'vitest';
import { MAX_DEVICES, tooManyDevices } from '../../../engine/scenario/build/build-devices.ts';
import { problems, yaml } from '../scenario-text.ts';

describe('tooManyDevices', () => {
  it(`should allow exactly ${MAX_DEVICES} devices, listed and from fleets together`, () => {
    expect(
      tooManyDevices(
        0,
        Array.from({ length: 10 }, (_, index) => ({ count: 100_000, index })),
      ),
    ).toBeUndefined();
    expect(
      tooManyDevices(
        1,
        Array.from({ length: 10 }, (_, index) => ({ count: 100_000, index })),
      )?.path,
    ).toEqual(['fleet', 9, 'count']);
  });
});

describe('loadScenario with fleets past the device limit', () => {
  it('should refuse eleven fleets of 100,000 at the count that passes the limit, before making any device', () => {
    const fleets = Array.from(
      { length: 11 },
      (_, i) => `  - { count: 100000, namePrefix: f${i}-, template: { os: windows-11 } }`,
    );
    expect(problems(yaml('name: demo', 'fleet:', ...fleets))).toMatchInlineSnapshot(`
      "✖ demo.yaml:13:14 fleet[10].count: the scenario makes 1100000 devices, more than the 1000000 a run may simulate
        expected: at most 1000000 devices, listed and from fleets together
        received: 1100000 devices
        hint: a fleet of a few thousand devices per profile shows the same shares; split the rest into other scenarios"
    `);
  });
});
