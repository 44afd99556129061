import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  SIGHTING_CAP,
  type InvestigationContext,
  type InvestigationEvent,
  type InvestigationInput,
} from '../../engine/model/investigation-context.ts';
import {
  INVESTIGATION_TABLE,
  compileInvestigationTable,
  queueInvestigation,
  stepInvestigation,
  type InvestigationSnapshot,
} from '../../engine/model/investigation-table.ts';
import { investigationMachine } from '../../engine/model/investigation.machine.ts';
import { investigationRunArb } from './investigation.arb.ts';

const ENDED = new Set(['Completed', 'Rejected', 'TimedOut', 'Cancelled']);

/** Every snapshot of a run through the compiled table, the queued one first. */
function tableRun(input: InvestigationInput, events: readonly InvestigationEvent[]) {
  const snapshots: InvestigationSnapshot[] = [queueInvestigation(input)];
  for (const event of events) snapshots.push(stepInvestigation(snapshots[snapshots.length - 1] as InvestigationSnapshot, event));
  return snapshots;
}

describe('INVESTIGATION_TABLE — the statechart compiled for the hot path', () => {
  it('should hold every state of the machine with the same event types', () => {
    expect([...INVESTIGATION_TABLE.keys()]).toEqual(Object.keys(investigationMachine.root.states));
    expect([...(INVESTIGATION_TABLE.get('PendingApproval')?.keys() ?? [])]).toEqual([
      ...investigationMachine.root.states['PendingApproval']!.transitions.keys(),
    ]);
  });

  it('should refuse a machine naming a guard the steps do not implement', () => {
    const odd = investigationMachine.provide({ guards: { extra: () => true } as never });
    const broken = { ...odd, root: { states: { X: { transitions: new Map([['start', [{ guard: 'extra', actions: [] }]]]) } } } };
    expect(() => compileInvestigationTable(broken as never)).toThrow('guard "extra"');
  });

  it('law: the table and xstate transition() agree state by state on random event sequences', () => {
    fc.assert(
      fc.property(investigationRunArb(15), ({ input, events }) => {
        let [snapshot] = initialTransition(investigationMachine, input);
        const table = tableRun(input, events);
        expect(table[0]).toEqual({ state: snapshot.value, context: snapshot.context });
        events.forEach((event, index) => {
          [snapshot] = transition(investigationMachine, snapshot, event);
          expect(table[index + 1]).toEqual({ state: snapshot.value, context: snapshot.context });
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('investigation laws (random event sequences)', () => {
  const runs = investigationRunArb();
  const statusesOf = (context: InvestigationContext) => new Map(context.entries.map((entry) => [entry.id, entry.status]));

  it('law: a pending action ends approved, rejected, timed out or cancelled, and never twice; a taken one never changes', () => {
    fc.assert(
      fc.property(runs, ({ input, events }) => {
        const first = new Map<string, string>();
        const ended = new Map<string, string>();
        for (const { context } of tableRun(input, events))
          for (const [id, status] of statusesOf(context)) {
            if (!first.has(id)) first.set(id, status);
            const before = ended.get(id);
            if (before !== undefined) expect(status, id).toBe(before);
            else if (status !== 'Pending') {
              expect(ENDED.has(status), status).toBe(true);
              ended.set(id, status);
            }
          }
        for (const status of first.values()) expect(['Pending', 'Completed']).toContain(status);
      }),
      { numRuns: 200 },
    );
  });

  it('law: PendingApproval holds exactly while an action is pending; a completed investigation has none (rem-xdr)', () => {
    fc.assert(
      fc.property(runs, ({ input, events }) => {
        for (const { state, context } of tableRun(input, events)) {
          const pending = context.entries.some((entry) => entry.status === 'Pending');
          if (state === 'PendingApproval') expect(pending).toBe(true);
          else expect(pending, state).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('law: under No automated response no Action Center entry appears; sightings stay at most 10 per hash', () => {
    fc.assert(
      fc.property(runs, ({ input, events }) => {
        for (const { context } of tableRun(input, events)) {
          if (input.level === 'none') expect(context.entries).toEqual([]);
          for (const devices of Object.values(context.sightings)) expect(devices.length).toBeLessThanOrEqual(SIGHTING_CAP);
        }
      }),
      { numRuns: 200 },
    );
  });
});
