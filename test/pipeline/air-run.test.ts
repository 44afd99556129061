// AIR in a run (issue 17): the laws over small generated scenarios, and the wiring's own examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AirActionEntry } from '../../engine/model/index.ts';
import { streamSimulation, type NumberedActionCenterEntry } from '../../engine/pipeline/run-simulation.ts';
import type { Verdict } from '../../engine/pipeline/verdict.ts';
import type { Scenario } from '../../engine/scenario/index.ts';
import { ANALYST, LEVELS, SHA_A, SHA_B, generated, generatedScenario, scenarioOf } from './air-scenario.ts';

const DAY = 86_400_000;

/** Runs with every artifact watched; returns the layers' records and AIR's. */
function run(scenario: Scenario) {
  const verdicts: Verdict[] = [];
  const history: NumberedActionCenterEntry[] = [];
  const artifacts = new Set(scenario.timeline.flatMap((event) => (event.kind === 'artifact' ? [event.artifact.id] : [])));
  const summary = streamSimulation(scenario, {
    verdict: (verdict) => void verdicts.push(verdict),
    actionCenter: (entry) => void history.push(entry),
    airWatch: { artifacts, devices: new Set() },
  });
  return { summary, verdicts, history, artifacts: [...artifacts] };
}

/** Each entry's statuses over time, read every 6 hours for 10 days and at the end of the drain. */
function timelines(result: ReturnType<typeof run>): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (let at = 0; at <= 10 * DAY; at += DAY / 4)
    for (const artifact of result.artifacts)
      for (const entry of result.summary.air!.entriesAt({ artifact }, at)) {
        const statuses = seen.get(entry.id) ?? seen.set(entry.id, []).get(entry.id)!;
        if (statuses.at(-1) !== entry.status) statuses.push(entry.status);
      }
  return seen;
}

describe('AIR in a run: laws over generated scenarios', () => {
  it('should add no AIR entry and open no investigation when every device is under No automated response (T78)', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const { summary } = run(generatedScenario(g, true, 'none'));
        expect(summary.air?.records.entries).toEqual([]);
        expect(summary.air?.records.investigations).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('should end a Pending entry approved, rejected or timed out, once, and never change it after (§6.5, T75)', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const result = run(generatedScenario(g));
        for (const [id, statuses] of timelines(result)) {
          if (statuses[0] !== 'Pending') continue;
          // Pending, then at most one ending; a completed action may later be undone (none is here).
          expect(statuses.length, id).toBeLessThanOrEqual(2);
          if (statuses[1] !== undefined) expect(['Completed', 'Rejected', 'TimedOut'], id).toContain(statuses[1]);
        }
        // An analyst decision names each entry at most once.
        const decided = result.summary.air!.records.actions.flatMap((action) => action.entries);
        expect(new Set(decided).size).toBe(decided.length);
      }),
      { numRuns: 15 },
    );
  });

  it("should leave the layers' verdicts and History entries as they are under every automation level (block mode is not AIR)", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const off = run(generatedScenario(g, false));
        expect(off.summary.air).toBeUndefined();
        for (const level of LEVELS) {
          const on = run(generatedScenario(g, true, level));
          expect(on.history).toEqual(off.history);
          expect(on.verdicts.map(({ reasons: _r, ...rest }) => rest)).toEqual(
            off.verdicts.map(({ reasons: _r, ...rest }) => rest),
          );
        }
      }),
      { numRuns: 6 },
    );
  });

  it('should undo exactly the entries an undo names: the one selected, or every completed instance of its file (T80)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.nat(4), fc.boolean(), (count, pick, more) => {
        const chosen = pick % count;
        const scenario = scenarioOf({
          tenant: { ungroupedAutomationLevel: 'full' },
          devices: Array.from({ length: count }, (_, i) => ({ name: `pc-${i}`, os: 'windows-11', primaryAv: 'non-microsoft' })),
          timeline: [
            ...Array.from({ length: count }, (_, i) => ({
              at: '10m',
              artifact: {
                id: `a${i}`,
                device: `pc-${i}`,
                path: 'C:\\Users\\u\\Downloads\\x.exe',
                sha256: i === count - 1 ? SHA_B : SHA_A,
                signals: { primaryAv: 'miss', mdav: 'miss', edr: 'detect' },
              },
            })),
            { at: '2h', action: 'undo', artifact: `a${chosen}`, ...(more ? { moreInstances: true } : {}), by: ANALYST },
          ],
        });
        const entries = run(scenario).summary.air!.records.entries;
        const hash = chosen === count - 1 ? SHA_B : SHA_A;
        const named = (entry: AirActionEntry) => entry.artifact === `a${chosen}` || (more && entry.sha256 === hash);
        for (const entry of entries) expect(entry.status, entry.artifact).toBe(named(entry) ? 'Undone' : 'Completed');
      }),
      { numRuns: 12 },
    );
  });
});

describe('AIR in a run: the wiring', () => {
  const passive = (name: string) => ({ name, os: 'windows-11', primaryAv: 'non-microsoft' });
  const detected = (id: string, device: string, path = 'C:\\Users\\u\\Downloads\\evil.exe') => ({
    at: '0m',
    artifact: { id, device, path, sha256: SHA_A, signals: { primaryAv: 'miss', mdav: 'miss', edr: 'detect' } },
  });

  it('should not build AIR for a scenario that does not opt in, nor with tenant.air false', () => {
    expect(run(scenarioOf({ devices: [passive('pc')], timeline: [detected('a1', 'pc')] })).summary.air).toBeUndefined();
    const off = scenarioOf({ tenant: { air: false, ungroupedAutomationLevel: 'full' }, devices: [passive('pc')] });
    expect(off.tenant.air).toBeUndefined();
  });

  it('should open an investigation at the alert and remediate automatically under Full, and resolve the alert', () => {
    const result = run(
      scenarioOf({ tenant: { ungroupedAutomationLevel: 'full' }, devices: [passive('pc')], timeline: [detected('a1', 'pc')] }),
    );
    const records = result.summary.air!.records;
    expect(records.entries.map((e) => [e.actionType, e.tab, e.status, e.decidedBy])).toEqual([
      ['Quarantine file', 'history', 'Completed', 'Automation'],
    ]);
    expect(records.investigations.map((i) => [i.id, i.state, i.triggeringAlertId])).toEqual([
      [1, 'SuccessfullyRemediated', 'da000001'],
    ]);
    expect(records.alerts.map((a) => [a.investigationId, a.investigationState, a.status])).toEqual([
      [1, 'SuccessfullyRemediated', 'Resolved'],
    ]);
    // AIR never rewrites a verdict: the artifact stays detected, with no History entry of the layers.
    expect(result.verdicts.map((v) => [v.outcome, v.actionCenter])).toEqual([['detected', false]]);
  });

  it('should refuse an action by a role other than Global or Security Administrator, as a record with its reason', () => {
    const scenario = scenarioOf({
      tenant: { ungroupedAutomationLevel: 'semi-all-folders' },
      devices: [passive('pc')],
      timeline: [
        detected('a1', 'pc'),
        { at: '1h', action: 'approve', artifact: 'a1', by: { user: 'sam', role: 'security-reader' } },
      ],
    });
    const records = run(scenario).summary.air!.records;
    expect(records.actions.map((a) => [a.status, a.reasons[0]?.code])).toEqual([['refused', 'role-not-allowed']]);
    expect(records.entries.map((e) => e.status)).toEqual(['Pending']);
  });

  it('should hold an offline device investigation in PendingResource and analyse its evidence once it is back', () => {
    const scenario = scenarioOf({
      tenant: { ungroupedAutomationLevel: 'full' },
      devices: [passive('pc')],
      timeline: [
        { at: '0m', action: 'offline', device: 'pc' },
        { ...detected('a1', 'pc'), at: '1m' },
        { at: '2h', action: 'online', device: 'pc' },
      ],
    });
    const air = run(scenario).summary.air!;
    expect(air.investigationAt({ artifact: 'a1' }, 60 * 60_000)?.state).toBe('PendingResource');
    expect(air.investigationAt({ artifact: 'a1' })?.state).toBe('SuccessfullyRemediated');
  });

  it('should leave a timed-out entry Pending at the end of the run and TimedOut seven days on (T75)', () => {
    const scenario = scenarioOf({
      tenant: { ungroupedAutomationLevel: 'semi-all-folders' },
      devices: [passive('pc')],
      timeline: [detected('a1', 'pc')],
    });
    const air = run(scenario).summary.air!;
    expect(air.entriesAt({ artifact: 'a1' }).map((e) => e.status)).toEqual(['Pending']);
    expect(air.entriesAt({ artifact: 'a1' }, 7 * DAY).map((e) => [e.tab, e.status, e.decidedBy])).toEqual([
      ['history', 'TimedOut', 'System'],
    ]);
    expect(air.investigationAt({ artifact: 'a1' }, 7 * DAY)?.state).toBe('PartiallyRemediated');
  });
});
