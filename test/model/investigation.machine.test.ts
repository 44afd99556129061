import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { PENDING_TIMEOUT_MS } from '../../engine/model/air-action-entry.ts';
import type { EvidenceInput, InvestigationEvent, InvestigationInput } from '../../engine/model/investigation-context.ts';
import { investigationMachine } from '../../engine/model/investigation.machine.ts';
import { FINAL_INVESTIGATION_STATES, MODELLED_INVESTIGATION_STATES } from '../../engine/core/vocabulary.ts';

const run = (input: InvestigationInput, ...events: InvestigationEvent[]) => {
  let [snapshot] = initialTransition(investigationMachine, input);
  for (const event of events) [snapshot] = transition(investigationMachine, snapshot, event);
  return { state: snapshot.value, context: snapshot.context };
};
const evidence = (
  path: string,
  verdict: EvidenceInput['verdict'] = 'Malicious',
  extra: Partial<EvidenceInput> = {},
): EvidenceInput => ({
  artifact: path.split('\\').pop() ?? path,
  entity: path,
  path,
  sha256: 'aa11',
  actionType: 'Quarantine file',
  verdict,
  ...extra,
});
const start = { type: 'start', at: 0 } as const;
const analysed = (...items: EvidenceInput[]) => ({ type: 'analysed', at: 1_000, evidence: items }) as const;

describe('investigationMachine — an automated investigation through the API investigationState values (§6.5)', () => {
  it('should queue, then run when the queue sends start', () => {
    expect(run({ id: 1, device: 'pc', level: 'full' }).state).toBe('Queued');
    expect(run({ id: 1, device: 'pc', level: 'full' }, start).state).toBe('Running');
  });

  it('should end UnsupportedOs on an unsupported OS and Failed without Defender Antivirus (T88)', () => {
    expect(run({ id: 1, device: 'srv', level: 'full' }, { ...start, unsupported: 'UnsupportedOs' }).state).toBe('UnsupportedOs');
    expect(run({ id: 1, device: 'srv', level: 'full' }, { ...start, unsupported: 'Failed' }).state).toBe('Failed');
  });

  it('should remediate a Malicious file at once under Full: History, Completed by Automation, SuccessfullyRemediated', () => {
    const { state, context } = run({ id: 4, device: 'pc', level: 'full' }, start, analysed(evidence('C:\\Users\\u\\x.exe')));
    expect(state).toBe('SuccessfullyRemediated');
    expect(context.entries).toMatchObject([
      { id: '4-1', investigationId: 4, tab: 'history', status: 'Completed', decidedBy: 'Automation' },
    ]);
  });

  it('T71: should wait for approval of a System32 file under semi-core-folders, then remediate when approved', () => {
    const input = { id: 2, device: 'pc', level: 'semi-core-folders' } as const;
    const pending = run(input, start, analysed(evidence('C:\\Windows\\System32\\evil.dll')));
    expect(pending.state).toBe('PendingApproval');
    expect(pending.context.entries).toMatchObject([{ tab: 'pending', status: 'Pending', dueAt: 1_000 + PENDING_TIMEOUT_MS }]);
    const approved = run(input, start, analysed(evidence('C:\\Windows\\System32\\evil.dll')), {
      type: 'approve',
      at: 5_000,
      entryId: '2-1',
      by: 'alice',
    });
    expect(approved.state).toBe('SuccessfullyRemediated');
    expect(approved.context.entries).toMatchObject([
      { tab: 'history', status: 'Completed', decidedBy: 'alice', decidedAt: 5_000 },
    ]);
  });

  it('T75: should time a pending action out after exactly 7 days, counted as rejected', () => {
    expect(PENDING_TIMEOUT_MS).toBe(604_800_000);
    const input = { id: 3, device: 'pc', level: 'semi-all-folders' } as const;
    const steps = [start, analysed(evidence('C:\\Users\\u\\Downloads\\evil.exe'))] as const;
    expect(run(input, ...steps, { type: 'due', at: 1_000 + PENDING_TIMEOUT_MS - 1 }).state).toBe('PendingApproval');
    const timedOut = run(input, ...steps, { type: 'due', at: 1_000 + PENDING_TIMEOUT_MS });
    expect(timedOut.state).toBe('PartiallyRemediated');
    expect(timedOut.context.entries).toMatchObject([{ status: 'TimedOut', decidedBy: 'System' }]);
  });

  it('T77: should be Benign with no action when nothing is found', () => {
    const { state, context } = run(
      { id: 1, device: 'pc', level: 'full' },
      start,
      analysed(evidence('C:\\x.exe', 'No threats found')),
    );
    expect(state).toBe('Benign');
    expect(context.entries).toEqual([]);
  });

  it('T79: should put a scope expansion on Pending when the incriminated file is on 10 or more other devices, counting at most 10', () => {
    const sightings = Array.from(
      { length: 12 },
      (_, i) => ({ type: 'sighting', at: 10 + i, sha256: 'aa11', device: `d${i}` }) as const,
    );
    const { state, context } = run(
      { id: 9, device: 'pc', level: 'full' },
      start,
      ...sightings,
      analysed(evidence('C:\\Users\\u\\x.exe')),
    );
    expect(context.sightings['aa11']).toHaveLength(10);
    expect(state).toBe('PendingApproval');
    expect(context.entries.map((e) => [e.actionType, e.tab, e.status])).toEqual([
      ['Quarantine file', 'history', 'Completed'],
      ['Expand investigation scope', 'pending', 'Pending'],
    ]);
  });

  it('should not expand the scope of a file AIR found clean, however many devices it is on', () => {
    const sightings = Array.from(
      { length: 10 },
      (_, i) => ({ type: 'sighting', at: 10 + i, sha256: 'aa11', device: `d${i}` }) as const,
    );
    const clean = analysed(evidence('C:\\Users\\u\\x.exe', 'No threats found'));
    const { state, context } = run({ id: 9, device: 'pc', level: 'full' }, start, ...sightings, clean);
    expect([state, context.entries]).toEqual(['Benign', []]);
  });

  it('should not expand with approval for 9 other devices, nor count the investigated device or a repeat', () => {
    const sightings = ['pc', 'd1', 'd1', ...Array.from({ length: 8 }, (_, i) => `e${i}`)].map(
      (device, i) => ({ type: 'sighting', at: 10 + i, sha256: 'aa11', device }) as const,
    );
    const { state, context } = run(
      { id: 9, device: 'pc', level: 'full' },
      start,
      ...sightings,
      analysed(evidence('C:\\Users\\u\\x.exe')),
    );
    expect(context.sightings['aa11']).toHaveLength(9);
    expect(state).toBe('SuccessfullyRemediated');
  });

  it('should apply indicators after the verdict (§5.4): Allow turns Malicious into no action, Block turns No threats found into a remediation', () => {
    const allowed = run(
      { id: 1, device: 'pc', level: 'full' },
      start,
      analysed(evidence('C:\\x.exe', 'Malicious', { indicator: 'Allowed' })),
    );
    expect(allowed.state).toBe('Benign');
    expect(allowed.context.evidence).toMatchObject([{ verdict: 'No threats found', original: 'Malicious' }]);
    const blocked = run(
      { id: 1, device: 'pc', level: 'full' },
      start,
      analysed(evidence('C:\\x.exe', 'No threats found', { indicator: 'Block' })),
    );
    expect(blocked.state).toBe('SuccessfullyRemediated');
  });

  it('should complete only when every pending action ended: one rejected, one approved → PartiallyRemediated', () => {
    const input = { id: 5, device: 'pc', level: 'full' } as const;
    const two = analysed(evidence('C:\\a.exe', 'Suspicious'), evidence('C:\\b.exe', 'Suspicious'));
    const rejected = run(input, start, two, { type: 'reject', at: 2_000, entryId: '5-1', by: 'bob' });
    expect(rejected.state).toBe('PendingApproval');
    const done = run(
      input,
      start,
      two,
      { type: 'reject', at: 2_000, entryId: '5-1', by: 'bob' },
      { type: 'approve', at: 3_000, entryId: '5-2', by: 'bob' },
    );
    expect(done.state).toBe('PartiallyRemediated');
    expect(done.context.entries.map((e) => e.status)).toEqual(['Rejected', 'Completed']);
  });

  it('should end a pending action only once: a second approve or reject of it changes nothing', () => {
    const input = { id: 6, device: 'pc', level: 'full' } as const;
    const two = analysed(evidence('C:\\a.exe', 'Suspicious'), evidence('C:\\b.exe', 'Suspicious'));
    const once = run(input, start, two, { type: 'reject', at: 2_000, entryId: '6-1', by: 'bob' });
    const twice = run(
      input,
      start,
      two,
      { type: 'reject', at: 2_000, entryId: '6-1', by: 'bob' },
      { type: 'approve', at: 3_000, entryId: '6-1', by: 'eve' },
    );
    expect(twice).toEqual(once);
  });

  it('should pause in PendingResource while the device is unreachable, and cancel pending actions when terminated', () => {
    const input = { id: 7, device: 'pc', level: 'semi-all-folders' } as const;
    expect(run(input, start, { type: 'device-unavailable', at: 5 }).state).toBe('PendingResource');
    expect(run(input, start, { type: 'device-unavailable', at: 5 }, { type: 'device-available', at: 9 }).state).toBe('Running');
    const ended = run(input, start, analysed(evidence('C:\\x.exe')), { type: 'terminate', at: 9 });
    expect(ended.state).toBe('TerminatedBySystem');
    expect(ended.context.entries).toMatchObject([{ status: 'Cancelled', tab: 'history' }]);
  });

  it('T78: should add no Action Center entry under No automated response, not even a scope expansion', () => {
    const sightings = Array.from(
      { length: 10 },
      (_, i) => ({ type: 'sighting', at: 10 + i, sha256: 'aa11', device: `d${i}` }) as const,
    );
    const { state, context } = run({ id: 1, device: 'pc', level: 'none' }, start, ...sightings, analysed(evidence('C:\\x.exe')));
    expect(context.entries).toEqual([]);
    expect(state).toBe('Benign');
  });
});

describe('the vocabulary of modelled investigation states', () => {
  it("should be exactly the statechart's states, open first, and name its final states", () => {
    const states = investigationMachine.root.states;
    expect(Object.keys(states).sort()).toEqual([...MODELLED_INVESTIGATION_STATES].sort());
    const final = Object.keys(states).filter((key) => states[key]?.type === 'final');
    expect(final.sort()).toEqual([...FINAL_INVESTIGATION_STATES].sort());
    expect(MODELLED_INVESTIGATION_STATES.slice(-final.length)).toEqual(FINAL_INVESTIGATION_STATES);
  });
});
