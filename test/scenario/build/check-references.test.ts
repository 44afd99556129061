import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/scenario/index.ts';
import { MINIMAL, problems, yaml } from '../scenario-text.ts';

describe('cross-reference checks', () => {
  it('should report a fleet whose names clash with devices once, with the count of clashes', () => {
    const text = yaml(
      'name: demo',
      'devices: [{ name: ws-02, os: windows-11 }]',
      'fleet:',
      '  - { count: 5, namePrefix: ws-0, template: { os: windows-10 } }',
      '  - { count: 5, namePrefix: ws-0, template: { os: windows-10 } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:4:29 fleet[0].namePrefix: fleet[0] makes "ws-02", a name already used
        expected: unique device names
        received: "ws-02"
        hint: "ws-02" is first defined at devices[0].name
      ✖ demo.yaml:5:29 fleet[1].namePrefix: fleet[1] makes "ws-01" (and 4 more), a name already used
        expected: unique device names
        received: "ws-01"
        hint: "ws-01" is first defined at fleet[0].namePrefix"
    `);
  });

  it('should report device groups sharing a name or a rank (§5.3), and more than 10 values in a rule', () => {
    const text = yaml(
      MINIMAL,
      'tenant:',
      '  deviceGroups:',
      '    - { name: Servers, rank: 1, match: { os: [server-2019] } }',
      '    - { name: Servers, rank: 1, match: { tags: [a, b, c, d, e, f, g, h, i, j, k] } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:15 tenant.deviceGroups[1].name: device group "Servers" is defined twice
        hint: first at tenant.deviceGroups[0]
      ✖ demo.yaml:9:30 tenant.deviceGroups[1].rank: rank 1 is used twice
        hint: tenant.deviceGroups[0] has it too; ranks decide which group a device joins (§5.3)
      ✖ demo.yaml:9:48 tenant.deviceGroups[1].match.tags: tags has 11 items; it needs at most 10
        expected: at most 10 items
        received: a list of 11"
    `);
  });

  it('should report generator ids that clash with artifact ids', () => {
    const text = yaml(
      MINIMAL,
      'timeline:',
      "  - { at: 0m, artifact: { id: gen-1, device: ws-01, path: 'C:\\x.exe' } }",
      '  - { at: 0m, generate: { count: 3 } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:8:34 timeline[1].generate.count: generator's default id "gen-1" is already used
        expected: ids unique in the scenario
        received: "gen-1"
        hint: first used at timeline[0].artifact.id; give the generator an id"
    `);
  });

  it('should not report references to members of a fleet too broken to expand', () => {
    const text = yaml(
      'name: demo',
      'fleet: [{ count: lots, namePrefix: ws-, template: { os: windows-10 } }]',
      'expect: [{ device: ws-0042, mode: active }]',
    );
    const result = loadScenario(text, 'demo.yaml');
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['invalid_type']);
  });

  it('should check references inside items that fail validation for another reason', () => {
    const text = yaml(MINIMAL, 'timeline:', "  - { at: 0m, artifact: { id: a1, device: ws-02, path: 'C:\\x.exe', class: bad } }");
    const result = loadScenario(text, 'demo.yaml');
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['unknown_device', 'invalid_value']);
  });
});
