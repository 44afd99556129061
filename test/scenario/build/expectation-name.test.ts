// Expectation names: given with `name:`, else built from what the expectation asserts; unique in a scenario, so CI history keeps them.
import { describe, expect, it } from 'vitest';
import { loaded, MINIMAL, problems, yaml } from '../scenario-text.ts';

const expecting = (...items: string[]) =>
  yaml(
    MINIMAL,
    'timeline:',
    "  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe' } }",
    'expect:',
    ...items.map((item) => `  - ${item}`),
  );

const names = (...items: string[]) => loaded(expecting(...items)).expect.map((expectation) => expectation.name);

describe('expectation names', () => {
  it('should build a name from what each kind asserts', () => {
    expect(
      names(
        '{ artifact: a1, outcome: blocked, by: edr-block-mode }',
        '{ device: ws-01, at: 25m, runningMode: Passive }',
        '{ device: ws-01, mode: passive }',
        '{ actionCenter: { device: ws-01, count: 1 } }',
        '{ alerts: { detectionStatus: Detected, atLeast: 1, atMost: 2 } }',
        '{ recommendation: { device: ws-01, present: false } }',
        '{ totals: { class: malicious, outcome: blocked, share: { atLeast: 0.9 } } }',
        '{ totals: { outcome: missed, count: 0 } }',
      ),
    ).toEqual([
      'artifact a1: outcome blocked, by edr-block-mode',
      'device ws-01 at 25m: runningMode Passive Mode',
      'device ws-01 at the end of the run: mode passive',
      'Action Center entries (device ws-01): exactly 1',
      'alerts (detectionStatus Detected): at least 1 and at most 2',
      'recommendation turn-on-edr-block-mode on ws-01: absent',
      'share of malicious artifacts with outcome blocked: ≥ 0.9',
      'count of all artifacts with outcome missed: exactly 0',
    ]);
  });

  it('should use a given name as it is', () => {
    expect(
      names(
        '{ name: block mode catches the dropper, artifact: a1, outcome: blocked }',
        '{ name: no alerts, alerts: { count: 0 } }',
      ),
    ).toEqual(['block mode catches the dropper', 'no alerts']);
  });

  it('should not depend on the position in expect, so adding one renames no other', () => {
    const alone = names('{ artifact: a1, outcome: blocked }');
    const after = names('{ device: ws-01, mode: passive }', '{ artifact: a1, outcome: blocked }');
    expect(after[1]).toBe(alone[0]);
  });

  it('should refuse two expectations with one name, at the second, with a hint to add name:', () => {
    expect(
      problems(
        expecting('{ artifact: a1, outcome: blocked }', '{ device: ws-01, mode: passive }', '{ artifact: a1, outcome: blocked }'),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:11:5 expect[2]: expectation name "artifact a1: outcome blocked" is used twice; the first is expect[0]
        expected: a unique name per expectation (JUnit test cases and reports key on it)
        hint: give one of them its own name with name: …, or remove the repeated expectation"
    `);
    expect(problems(expecting('{ name: same, artifact: a1, outcome: blocked }', '{ name: same, device: ws-01, mode: passive }')))
      .toMatchInlineSnapshot(`
      "✖ demo.yaml:10:13 expect[1].name: expectation name "same" is used twice; the first is expect[0]
        expected: a unique name per expectation (JUnit test cases and reports key on it)
        hint: give one of them its own name with name: …, or remove the repeated expectation"
    `);
  });

  it('should refuse a given name that clashes with a built one', () => {
    expect(
      problems(
        expecting('{ artifact: a1, outcome: blocked }', "{ name: 'artifact a1: outcome blocked', device: ws-01, mode: passive }"),
      ),
    ).toContain('expect[1].name');
  });

  it('should refuse an empty name', () => {
    expect(problems(expecting("{ name: '', artifact: a1, outcome: blocked }"))).toContain('expect[0].name');
  });
});
