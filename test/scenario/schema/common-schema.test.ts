import { describe, expect, it } from 'vitest';
import { loaded, MINIMAL, problems, yaml } from '../scenario-text.ts';

describe('time values in a scenario', () => {
  it('should refuse an `at` beyond 100 years at its line and column, before anything runs', () => {
    expect(problems(yaml(MINIMAL, 'timeline:', "  - { at: 100000000d, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe' } }")))
      .toMatchInlineSnapshot(`
      "✖ demo.yaml:7:11 timeline[0].at: duration "100000000d" is longer than 36500d (100 years), the longest a scenario may span
        expected: a duration of at most 36500d
        received: "100000000d"
        hint: simulated time is minutes to days; a scenario spans at most 100 years"
    `);
  });

  it('should refuse a start that is not a calendar date, instead of rolling it over to March 2', () => {
    expect(problems(yaml("start: '2026-02-30T00:00:00Z'", MINIMAL))).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:8 start: "2026-02-30T00:00:00Z" is not a calendar date: February 2026 has 28 days
        expected: a time such as 2026-03-16T09:00:00Z
        received: "2026-02-30T00:00:00Z""
    `);
  });

  it('should keep a valid start and the longest duration', () => {
    const scenario = loaded(
      yaml(
        "start: '2024-02-29T12:00:00Z'",
        MINIMAL,
        'timeline:',
        "  - { at: 36500d, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe' } }",
      ),
    );
    expect([scenario.start, scenario.timeline[0]?.at]).toEqual(['2024-02-29T12:00:00.000Z', 36_500 * 86_400_000]);
  });
});
