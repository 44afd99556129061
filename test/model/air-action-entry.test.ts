import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ActionCenterEntry } from '../../engine/pipeline/verdict.ts';
import { countsAsRejected, endPending, type AirActionEntry } from '../../engine/model/air-action-entry.ts';

const pending: AirActionEntry = {
  id: '1-1',
  investigationId: 1,
  device: 'pc',
  at: 0,
  artifact: 'evil.exe',
  actionType: 'Quarantine file',
  actionSource: 'Automated device action',
  entity: 'C:\\evil.exe',
  tab: 'pending',
  status: 'Pending',
  dueAt: 7 * 86_400_000,
  reason: { layer: 'air', code: 'air-semi-all', message: 'Semi – approval required for all folders', cite: '§6.5' },
};

describe('AirActionEntry — the AIR side of an Action Center entry (§6.1–6.4)', () => {
  it("should share the layers' ActionCenterEntry columns with the same names and wider value sets, so one renderer takes both", () => {
    type Shared = 'device' | 'at' | 'artifact' | 'entity';
    expectTypeOf<Pick<AirActionEntry, Shared>>().toEqualTypeOf<Pick<ActionCenterEntry, Shared>>();
    expectTypeOf<ActionCenterEntry['actionType']>().toExtend<AirActionEntry['actionType']>();
    expectTypeOf<ActionCenterEntry['actionSource']>().toExtend<AirActionEntry['actionSource']>();
    expectTypeOf<ActionCenterEntry['status']>().toExtend<AirActionEntry['status']>();
  });

  it('should end a Pending entry once, moving it to History; a second decision returns it unchanged', () => {
    const rejected = endPending(pending, 'Rejected', 5, 'bob');
    expect(rejected).toMatchObject({ tab: 'history', status: 'Rejected', decidedAt: 5, decidedBy: 'bob' });
    expect(endPending(rejected, 'Completed', 6, 'eve')).toBe(rejected);
  });

  it('should count a timeout as a rejection (§6.5)', () => {
    expect(countsAsRejected('TimedOut')).toBe(true);
    expect(countsAsRejected('Rejected')).toBe(true);
    expect(countsAsRejected('Cancelled')).toBe(false);
  });
});
