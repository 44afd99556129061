import { describe, expect, it } from 'vitest';
import { MINIMAL, problems, yaml } from '../scenario-text.ts';

const expecting = (...items: string[]) =>
  yaml(
    MINIMAL,
    'timeline:',
    "  - { at: 0m, artifact: { id: a1, device: ws-01, path: 'C:\\x.exe' } }",
    'expect:',
    ...items.map((item) => `  - ${item}`),
  );

describe('expectation schema', () => {
  it('should ask every expectation to assert something', () => {
    expect(
      problems(
        expecting(
          '{ artifact: a1 }',
          '{ device: ws-01, at: 5m }',
          '{ actionCenter: { device: ws-01 } }',
          '{ totals: { class: pua, share: {} } }',
        ),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:5 expect[0]: artifact expectation asserts nothing
        expected: at least one of outcome, by, detectionStatus, actionCenter
      ✖ demo.yaml:10:5 expect[1]: device expectation asserts nothing
        expected: at least one of mode, runningMode, edrBlockMode
      ✖ demo.yaml:11:21 expect[2].actionCenter: count expectation has no bound
        expected: count, atLeast or atMost
      ✖ demo.yaml:12:15 expect[3].totals: share has no bound
        expected: share.atLeast or share.atMost"
    `);
  });

  it('should refuse contradictory count bounds', () => {
    expect(
      problems(
        expecting(
          '{ alerts: { count: 1, atLeast: 1 } }',
          '{ actionCenter: { atLeast: 3, atMost: 2 } }',
          '{ totals: { outcome: blocked, share: { atLeast: 0.5 }, count: 3 } }',
          '{ alerts: { count: -1 } }',
        ),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:15 expect[0].alerts: count cannot be combined with atLeast or atMost
        hint: use count alone, or atLeast and atMost
      ✖ demo.yaml:10:21 expect[1].actionCenter: atLeast 3 is more than atMost 2
      ✖ demo.yaml:11:15 expect[2].totals: totals takes share or count bounds, not both
      ✖ demo.yaml:12:24 expect[3].alerts.count: count must be at least 0
        expected: at least 0
        received: -1"
    `);
  });

  it('should refuse an item naming two kinds, and an item that is not a map', () => {
    expect(
      problems(
        expecting('{ device: ws-01, artifact: a1, mode: active }', '{ alerts: { count: 0 }, totals: { count: 1 } }', 'blocked'),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:5 expect[0]: expectation has both artifact and device
        expected: exactly one of artifact, device, alerts, actionCenterEntry, investigation, recommendation, totals
        hint: write one item for each
      ✖ demo.yaml:10:5 expect[1]: expectation has both alerts and totals
        expected: exactly one of artifact, device, alerts, actionCenterEntry, investigation, recommendation, totals
        hint: write one item for each
      ✖ demo.yaml:11:5 expect[2]: expectation must be a map
        expected: a map with one of artifact, device, actionCenter, alerts, actionCenterEntry, investigation, recommendation, totals
        received: "blocked""
    `);
  });

  it('should refuse filter values outside the portal vocabulary (§6.3, §6.6)', () => {
    expect(
      problems(
        expecting(
          "{ actionCenter: { actionSource: 'Automated device actions', atLeast: 1 } }",
          '{ alerts: { detectionSource: Antivirus, severity: low, count: 0 } }',
        ),
      ),
    ).toMatchInlineSnapshot(`
      "✖ demo.yaml:9:37 expect[0].actionCenter.actionSource: actionSource "Automated device actions" is not an allowed value
        expected: Manual device action | Manual email action | Automated device action | Automated email action | Advanced hunting action | Explorer action | Manual live response action | Live response action
        received: "Automated device actions"
        hint: did you mean "Automated device action"?
      ✖ demo.yaml:10:34 expect[1].alerts.detectionSource: detectionSource "Antivirus" is not an allowed value
        expected: ThirdPartySensors | WindowsDefenderAv | AutomatedInvestigation | CustomDetection | CustomerTI | WindowsDefenderAtp | MTP | OfficeATP | ThreatExperts | WindowsDefenderSmartScreen
        received: "Antivirus"
      ✖ demo.yaml:10:55 expect[1].alerts.severity: severity "low" is not an allowed value
        expected: Informational | Low | Medium | High
        received: "low"
        hint: did you mean "Low"?"
    `);
  });
});
