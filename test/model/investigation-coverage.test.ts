import { describe, expect, it } from 'vitest';
import type { EvidenceInput, InvestigationEvent } from '../../engine/model/investigation-context.ts';
import { investigationMachine } from '../../engine/model/investigation.machine.ts';
import { statechartCoverage } from './statechart-coverage.ts';

const DAY = 86_400_000;
const item = (artifact: string, verdict: EvidenceInput['verdict']): EvidenceInput => ({
  artifact,
  entity: `C:\\${artifact}`,
  path: `C:\\${artifact}`,
  sha256: 'h1',
  actionType: 'Quarantine file',
  verdict,
});
// The default input is level `full`: Suspicious goes to Pending, Malicious to History, No threats found nowhere.
const EVENTS: readonly InvestigationEvent[] = [
  { type: 'start', at: 0 },
  { type: 'start', at: 0, unsupported: 'UnsupportedOs' },
  { type: 'start', at: 0, unsupported: 'Failed' },
  { type: 'sighting', at: 1, sha256: 'h1', device: 'd1' },
  { type: 'analysed', at: 2, evidence: [item('a.exe', 'Suspicious'), item('b.exe', 'Suspicious')] },
  { type: 'analysed', at: 2, evidence: [item('a.exe', 'Malicious')] },
  { type: 'analysed', at: 2, evidence: [item('a.exe', 'No threats found')] },
  // Proposed two days later, so the 8-day due event times out the first actions and leaves this one pending.
  { type: 'analysed', at: 2 * DAY, evidence: [item('c.exe', 'Suspicious')] },
  { type: 'approve', at: 3, entryId: '0-1', by: 'alice' },
  { type: 'approve', at: 3, entryId: '0-2', by: 'alice' },
  { type: 'reject', at: 3, entryId: '0-1', by: 'alice' },
  { type: 'reject', at: 3, entryId: '0-2', by: 'alice' },
  { type: 'due', at: 8 * DAY },
  { type: 'device-unavailable', at: 4 },
  { type: 'device-available', at: 5 },
  { type: 'fail', at: 6 },
  { type: 'terminate', at: 7 },
];

// What the guards read, and no more, so the traversal ends although `analysed` in PendingApproval keeps adding
// entries: the state, the statuses of the two entries the approve/reject events name, and for the others only which
// statuses occur, a pending one split by whether the 8-day due event times it out. (Sightings matter only from 10
// devices on, which these events never reach; the sighting transitions are taken all the same.)
const serialize = (snapshot: {
  value: unknown;
  context: { entries: readonly { id: string; status: string; dueAt?: number }[] };
}) => {
  const { entries } = snapshot.context;
  const named = entries.filter((entry) => entry.id === '0-1' || entry.id === '0-2').map((entry) => entry.status);
  const others = new Set(
    entries
      .filter((entry) => entry.id !== '0-1' && entry.id !== '0-2')
      .map((entry) => (entry.status === 'Pending' ? `Pending${(entry.dueAt ?? 0) > 8 * DAY ? '-late' : ''}` : entry.status)),
  );
  return `${String(snapshot.value)}|${named.join(',')}|${[...others].sort().join(',')}`;
};

describe('investigation statechart coverage (@xstate/graph traversal)', () => {
  it('should visit every state and every transition of the investigation machine, due events included', () => {
    const coverage = statechartCoverage(investigationMachine, EVENTS, serialize as never, 50_000);
    console.info(coverage.report);
    expect(coverage.states.total).toBe(10);
    expect(coverage.transitions.total).toBe(24);
    expect(coverage.percent, coverage.report).toBe(100);
  });

  it('should miss the timeout transitions when no due event is sent', () => {
    const coverage = statechartCoverage(
      investigationMachine,
      EVENTS.filter((e) => e.type !== 'due'),
      serialize as never,
      50_000,
    );
    expect(coverage.transitions.missing.filter((t) => t.includes('--due'))).toHaveLength(2);
  });
});
