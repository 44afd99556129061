// The AIR scenario format (contract §5.4): what loads, and every error placed at its file, line and column with a hint.
import { describe, expect, it } from 'vitest';
import { MINIMAL, loaded, problems, yaml } from './scenario-text.ts';

const BY = 'by: { user: alice, role: security-administrator }';
const ARTIFACT = `  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe' } }`;

describe('the AIR scenario format', () => {
  it('should turn AIR on only when the scenario opts in, with the tenant created at the start by default', () => {
    expect(loaded(yaml(MINIMAL)).tenant.air).toBeUndefined();
    const on = loaded(yaml(MINIMAL, 'tenant: { ungroupedAutomationLevel: none }'));
    expect([on.tenant.air, on.tenant.createdAt]).toEqual([true, on.startMs]);
    const created = loaded(yaml(MINIMAL, "tenant: { createdAt: '2019-05-01T00:00:00Z' }"));
    expect(created.tenant.createdAt).toBe(Date.UTC(2019, 4, 1));
    const group = loaded(yaml(MINIMAL, 'tenant:', '  deviceGroups: [{ name: g, rank: 1, match: {}, automationLevel: full }]'));
    expect(group.tenant.air).toBe(true);
    expect(loaded(yaml(MINIMAL, 'tenant: { air: false, ungroupedAutomationLevel: full }')).tenant.air).toBeUndefined();
  });

  it('should load timeline actions with their targets, an artifact target not being an artifact event', () => {
    const scenario = loaded(
      yaml(
        MINIMAL,
        'tenant: { air: true }',
        'timeline:',
        ARTIFACT,
        `  - { at: 1h, action: undo, artifact: a1, moreInstances: true, ${BY} }`,
      ),
    );
    expect(scenario.timeline.map((event) => event.kind)).toEqual(['artifact', 'action']);
    expect(scenario.timeline[1]).toMatchObject({
      kind: 'action',
      at: 3_600_000,
      action: { action: 'undo', artifact: 'a1', moreInstances: true },
    });
  });

  it('should place every action error with a hint: target, keys the kind does not take, by, unknown keys, references', () => {
    const text = yaml(
      MINIMAL,
      'timeline:',
      ARTIFACT,
      '  - { at: 1h, action: approve, artifact: a1, device: ws-01 }',
      `  - { at: 1h, action: offline, device: ws-01, ${BY} }`,
      `  - { at: 1h, action: isolate, device: ws-01, moreInstance: true, ${BY} }`,
      `  - { at: 1h, action: collect-package, device: ws-02, ${BY} }`,
      `  - { at: 1h, action: alert-status, artifact: a1, ${BY} }`,
      '  - { at: 1h, actoin: approve }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:8:5 timeline[1]: action approve needs exactly one of artifact, device, not artifact and device
        hint: e.g. artifact: …
      ✖ demo.yaml:8:5 timeline[1]: action approve needs by: { user, role }
        hint: an analyst decides: by: { user: alice, role: security-administrator }
      ✖ demo.yaml:9:5 timeline[2]: action offline is not an analyst's: it takes no by
        hint: remove by
      ✖ demo.yaml:10:47 timeline[3].moreInstance: unknown key "moreInstance"
        expected: one of at, action, artifact, device, devices, sha256, actionType, moreInstances, status, by
        hint: did you mean "moreInstances"?
      ✖ demo.yaml:11:48 timeline[4].device: device "ws-02" is not defined
        expected: a device from devices or fleet
        received: "ws-02"
        hint: did you mean "ws-01"?
      ✖ demo.yaml:12:5 timeline[5]: action alert-status needs status
        hint: status: InProgress
      ✖ demo.yaml:13:5 timeline[6]: timeline event has none of artifact, change, generate, action
        expected: a map with one of artifact, change, generate, action
        received: keys at, actoin
        hint: did you mean "action"? (from "actoin")"
    `);
  });

  it('should place errors in the AIR expectations and the levels, with did you mean', () => {
    const text = yaml(
      MINIMAL,
      'tenant: { ungroupedAutomationLevel: semi-core }',
      'timeline:',
      ARTIFACT,
      'expect:',
      '  - { actionCenterEntry: { artifact: a1, tabb: history } }',
      '  - { investigation: { artifact: a1, device: ws-01, state: Benign } }',
      '  - { actionCenterEntry: { artifact: a2, status: Done } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:6:37 tenant.ungroupedAutomationLevel: ungroupedAutomationLevel "semi-core" is not an allowed value
        expected: full | semi-all-folders | semi-core-folders | semi-non-temp-folders | none
        received: "semi-core"
        hint: did you mean "semi-core-folders"?
      ✖ demo.yaml:10:26 expect[0].actionCenterEntry: actionCenterEntry expectation asserts nothing
        expected: at least one of tab, status, present
      ✖ demo.yaml:10:42 expect[0].actionCenterEntry.tabb: unknown key "tabb"
        expected: one of artifact, device, actionType, at, tab, status, present
        hint: did you mean "tab"?
      ✖ demo.yaml:11:22 expect[1].investigation: names both an artifact and a device
        expected: exactly one of artifact, device
        hint: artifact: a1 for the entries acting on it, device: pc-1 for device actions
      ✖ demo.yaml:12:38 expect[2].actionCenterEntry.artifact: artifact "a2" is not defined
        expected: an artifact id from the timeline
        received: "a2"
        hint: did you mean "a1"?
      ✖ demo.yaml:12:50 expect[2].actionCenterEntry.status: status "Done" is not an allowed value
        expected: Pending | Completed | Failed | Rejected | TimedOut | Cancelled | Undone
        received: "Done""
    `);
  });

  it('should refuse an AIR run of more artifacts than AIR keeps for its report, at the count that crosses the limit', () => {
    // Measured before the limit: 512,000 artifacts with AIR took 105 s and 628 MB, and memory grew with every alert.
    const text = yaml(
      MINIMAL,
      'tenant: { air: true }',
      'timeline:',
      '  - { at: 0m, generate: { count: 150000, window: 1h } }',
      '  - { at: 2h, generate: { count: 60000, window: 1h } }',
    );
    expect(problems(text)).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:34 timeline[1].generate.count: with AIR on, the scenario makes 210000 artifacts, more than the 200000 an AIR run keeps for its report
        expected: at most 200000 artifacts while AIR is on
        received: 210000 artifacts
        hint: lower the generate counts (AIR decides the same on a few thousand), or turn AIR off for a throughput run"
    `);
    const off = yaml(
      MINIMAL,
      'timeline:',
      '  - { at: 0m, generate: { count: 150000, window: 1h } }',
      '  - { at: 2h, generate: { count: 60000, window: 1h } }',
    );
    expect(loaded(off).timeline).toHaveLength(2);
  });
});
