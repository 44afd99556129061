import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceInput, InvestigationEvent, InvestigationInput } from '../../engine/model/investigation-context.ts';
import {
  LiveInvestigation,
  advanceInvestigation,
  liveSnapshot,
  replaceLiveEntry,
} from '../../engine/model/investigation-live.ts';
import { queueInvestigation, stepInvestigation, type InvestigationSnapshot } from '../../engine/model/investigation-table.ts';
import { investigationRunArb } from './investigation.arb.ts';

const DAY = 86_400_000;

/** Steps the pure table and the live investigation side by side, checking they agree after every event. */
function agree(input: InvestigationInput, events: readonly InvestigationEvent[]): LiveInvestigation {
  const live = new LiveInvestigation(input);
  let pure: InvestigationSnapshot = queueInvestigation(input);
  expect({ state: live.state, context: live.context }).toEqual(pure);
  for (const event of events) {
    const next = stepInvestigation(pure, event);
    expect(advanceInvestigation(live, event), event.type).toBe(next !== pure);
    pure = next;
    expect({ state: live.state, context: live.context }).toEqual(pure);
  }
  return live;
}

const suspicious = (n: number): EvidenceInput => ({
  artifact: `pua-${n}.exe`,
  entity: `C:\\Users\\u\\Downloads\\pua-${n}.exe`,
  path: `C:\\Users\\u\\Downloads\\pua-${n}.exe`,
  sha256: `h${n}`,
  actionType: 'Quarantine file',
  verdict: 'Suspicious',
});

describe('advanceInvestigation — the statechart stepped in place for a run', () => {
  it('law: it agrees with the pure table (held to xstate) after every event of a random sequence', () => {
    fc.assert(
      fc.property(investigationRunArb(20), ({ input, events }) => void agree(input, events)),
      { numRuns: 150 },
    );
  });

  it('law: it agrees with the pure table when events come out of time order (timeouts from a heap, not a cursor)', () => {
    const times = fc.array(fc.integer({ min: 0, max: 20 * DAY }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(
        investigationRunArb(20),
        times,
        ({ input, events }, ats) =>
          void agree(
            input,
            events.map((event, i) => ({ ...event, at: ats[i % ats.length]! })),
          ),
      ),
      { numRuns: 100 },
    );
  });

  it('should count an undone entry as not completed, so the last approval ends the investigation partly remediated (T80)', () => {
    const live = new LiveInvestigation({ id: 1, device: 'pc-1', level: 'full' });
    const malicious = { ...suspicious(1), verdict: 'Malicious' as const };
    advanceInvestigation(live, { type: 'start', at: 0 });
    advanceInvestigation(live, { type: 'analysed', at: 1, evidence: [malicious, suspicious(2)] });
    expect(live.context.entries.map((e) => e.status)).toEqual(['Completed', 'Pending']);
    replaceLiveEntry(live, 0, { ...live.context.entries[0]!, status: 'Undone' });
    advanceInvestigation(live, { type: 'approve', at: 2, entryId: '1-2', by: 'alice' });
    expect(live.state).toBe('PartiallyRemediated');
  });

  it('should keep a copy for a history: later events do not change it', () => {
    const live = new LiveInvestigation({ id: 1, device: 'pc-1', level: 'full' });
    advanceInvestigation(live, { type: 'start', at: 0 });
    advanceInvestigation(live, { type: 'analysed', at: 1, evidence: [suspicious(1)] });
    const kept = liveSnapshot(live);
    advanceInvestigation(live, { type: 'approve', at: 2, entryId: '1-1', by: 'alice' });
    advanceInvestigation(live, { type: 'analysed', at: 3, evidence: [suspicious(2)] });
    expect([kept.state, kept.context.entries.map((e) => e.status), kept.context.evidence.length]).toEqual([
      'PendingApproval',
      ['Pending'],
      1,
    ]);
  });
});

/** Counts every read and write of an array's elements and length: a copy or a scan touches each element. */
function counted<T>(array: T[], tally: { touches: number }): T[] {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && (key === 'length' || /^\d+$/.test(key))) tally.touches++;
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      tally.touches++;
      return Reflect.set(target, key, value, receiver);
    },
  });
}

/** Element touches of one join, one decision and one timeout on an investigation already holding `size` Pending entries. */
function touchesAt(size: number): number {
  const live = new LiveInvestigation({ id: 1, device: 'pc-1', level: 'full' });
  advanceInvestigation(live, { type: 'start', at: 0 });
  for (let n = 1; n <= size; n++) advanceInvestigation(live, { type: 'analysed', at: n, evidence: [suspicious(n)] });
  const tally = { touches: 0 };
  const context = live.context as { evidence: unknown[]; entries: unknown[] };
  context.evidence = counted(context.evidence, tally);
  context.entries = counted(context.entries, tally);
  advanceInvestigation(live, { type: 'analysed', at: size + 1, evidence: [suspicious(size + 1)] });
  advanceInvestigation(live, { type: 'approve', at: size + 2, entryId: '1-2', by: 'alice' });
  advanceInvestigation(live, { type: 'due', at: 1 + 7 * DAY });
  const touches = tally.touches;
  expect(live.context.entries.map((e) => e.status).slice(0, 3)).toEqual(['TimedOut', 'Completed', 'Pending']);
  return touches;
}

describe('the cost of a join does not grow with the investigation (no timing: element touches)', () => {
  it('should touch as many elements on an investigation of 1,000 entries as on one of 10', () => {
    const small = touchesAt(10);
    expect(small).toBeGreaterThan(0);
    expect(touchesAt(1_000)).toBe(small);
  });
});
