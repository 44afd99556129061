import { describe, expect, it } from 'vitest';
import { MAX_OVERRIDE_LENGTH, MAX_OVERRIDES } from '../../../engine/scenario/build/apply-overrides.ts';
import { loadScenario } from '../../../engine/scenario/index.ts';
import { loaded, MINIMAL, problems, yaml } from '../scenario-text.ts';

const TWO_DEVICES = yaml(
  'name: demo',
  'tenant: { edrBlockMode: true }',
  'devices:',
  '  - { name: ws-01, os: windows-11 }',
  '  - { name: srv-01, os: server-2019 }',
);

describe('--set overrides', () => {
  it('should override a tenant key before validation', () => {
    expect(loaded(TWO_DEVICES, { overrides: ['tenant.edrBlockMode=false'] }).tenant.edrBlockMode).toBe(false);
  });

  it('should override a nested device key by index, creating the maps on the way', () => {
    const scenario = loaded(TWO_DEVICES, { overrides: ['devices[1].mdav.cloudProtection=false'] });
    expect(scenario.devices[1]?.mdav.cloudProtection).toBe(false);
    expect(scenario.devices[0]?.mdav.cloudProtection).toBe(true);
  });

  it('should address a device by name', () => {
    const scenario = loaded(TWO_DEVICES, {
      overrides: ['devices.srv-01.primaryAv=non-microsoft', 'devices.srv-01.forceDefenderPassiveMode=1'],
    });
    expect(scenario.devices[1]).toMatchObject({ name: 'srv-01', primaryAv: 'non-microsoft', forceDefenderPassiveMode: 1 });
  });

  it('should read the value as a YAML scalar or flow value', () => {
    const scenario = loaded(MINIMAL, {
      overrides: [
        'seed=42',
        'start=2026-03-16T09:00:00Z',
        'tags=[what-if, demo]',
        'devices[0].passiveRemediation=0x1',
        'devices[0].mdav.platform=4.18.2001.10',
      ],
    });
    expect([
      scenario.seed,
      scenario.startMs,
      scenario.tags,
      scenario.devices[0]?.passiveRemediation,
      scenario.devices[0]?.mdav.platform,
    ]).toEqual([42, Date.parse('2026-03-16T09:00:00Z'), ['what-if', 'demo'], 1, '4.18.2001.10']);
  });

  it('should apply overrides in order, the last one winning', () => {
    expect(loaded(TWO_DEVICES, { overrides: ['tenant.license=plan-1', 'tenant.license=plan-2'] }).tenant.license).toBe('plan-2');
  });

  it('should report a misspelt key as an unknown key that came from --set', () => {
    expect(problems(TWO_DEVICES, { overrides: ['tenant.edrBlokMode=false'] })).toMatchInlineSnapshot(`
      "✖ demo.yaml:2:9 tenant.edrBlokMode: unknown key "edrBlokMode" (set by --set tenant.edrBlokMode=false)
        expected: one of license, edrBlockMode, allowOrBlockFile, deviceGroups, propagation, air, createdAt, ungroupedAutomationLevel, autoresolve
        hint: did you mean "edrBlockMode"?"
    `);
  });

  it('should report a bad value as coming from --set', () => {
    expect(problems(TWO_DEVICES, { overrides: ['devices[0].os=windows-12'] })).toMatchInlineSnapshot(`
      "✖ demo.yaml:4:5 devices[0].os: os "windows-12" is not an allowed value (set by --set devices[0].os=windows-12)
        expected: windows-10 | windows-11 | server-1803 | server-2012-r2 | server-2016 | server-2019 | server-2022 | server-2025
        received: "windows-12"
        hint: did you mean "windows-10"?"
    `);
  });

  it('should report overrides that cannot be applied, each with a hint', () => {
    expect(
      problems(TWO_DEVICES, {
        overrides: ['edrBlockMode', 'tenant..x=1', 'devices[5].os=windows-10', 'devices.ws-1.os=windows-10', 'name.first=x'],
      }),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): --set edrBlockMode: has no "="
        expected: KEY=VALUE
        hint: write KEY=VALUE, e.g. --set tenant.edrBlockMode=false or --set devices[0].mdav.cloudProtection=false
      ✖ demo.yaml:1:1 (root): --set tenant..x=1: "tenant..x" is not a key path
        expected: KEY=VALUE
        hint: write KEY=VALUE, e.g. --set tenant.edrBlockMode=false or --set devices[0].mdav.cloudProtection=false
      ✖ demo.yaml:1:7 name: --set name.first=x: name is a value, not a map or list
      ✖ demo.yaml:4:3 devices[5]: --set devices[5].os=windows-10: there is no item [5]: the list has 2
        hint: use an index from 0 to 1
      ✖ demo.yaml:4:3 devices: --set devices.ws-1.os=windows-10: no item named "ws-1"
        hint: did you mean "ws-01"?"
    `);
  });

  it('should report every bad override and still validate the file', () => {
    const result = loadScenario(yaml('name: demo', 'devices: [{ name: ws-01, os: windows-13 }]'), 'demo.yaml', {
      overrides: ['nothing'],
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['bad_override', 'invalid_value']);
  });

  it('should refuse a YAML alias or anchor in a --set value as bad input, not as an internal error', () => {
    const text = yaml('name: demo', 'devices: [&a { name: ws-01, os: windows-11 }]');
    const result = loadScenario(text, 'demo.yaml', { overrides: ['devices[0]=*a', 'tags=[&t x, *t]'] });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['bad_override', '--set devices[0]=*a: a value cannot use YAML aliases or anchors (*a, &a)'],
      ['bad_override', '--set tags=[&t x, *t]: a value cannot use YAML aliases or anchors (*a, &a)'],
    ]);
  });

  it(`should refuse more than ${MAX_OVERRIDES} overrides and overrides longer than ${MAX_OVERRIDE_LENGTH} characters, without reading them`, () => {
    const many = Array.from({ length: MAX_OVERRIDES + 1 }, (_, i) => `seed=${i}`);
    expect(problems(MINIMAL, { overrides: many })).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): 101 --set overrides, more than the 100 allowed
        expected: at most 100 --set options
        hint: edit the scenario file, or split the what-ifs into several runs"
    `);
    expect(problems(MINIMAL, { overrides: [`name=${'x'.repeat(MAX_OVERRIDE_LENGTH)}`] })).toMatchInlineSnapshot(`
      "✖ demo.yaml:1:1 (root): --set name=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…: is 4101 characters long, more than 4096
        expected: at most 4096 characters
        hint: put long values in the scenario file"
    `);
    expect(loaded(MINIMAL, { overrides: many.slice(1) }).seed).toBe(MAX_OVERRIDES);
  });
});
