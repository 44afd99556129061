import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_CENTER_STATUSES, ACTION_TYPES } from '../../engine/core/vocabulary.ts';
import type { AirActionEntry } from '../../engine/model/air-action-entry.ts';
import { undoActions, undoTargets } from '../../engine/model/undo-actions.ts';

const entry = (id: string, extra: Partial<AirActionEntry> = {}): AirActionEntry => ({
  id,
  investigationId: 1,
  device: `pc-${id}`,
  at: 0,
  artifact: 'evil.exe',
  actionType: 'Quarantine file',
  actionSource: 'Automated device action',
  entity: 'C:\\evil.exe',
  sha256: 'aa',
  tab: 'history',
  status: 'Completed',
  reason: { layer: 'air', code: 'air-full', message: 'Full', cite: '§6.5' },
  ...extra,
});

describe('undoActions — undo from History (§6.4, T80, T81)', () => {
  const entries = [
    entry('1-1'),
    entry('2-1'),
    entry('3-1', { sha256: 'bb' }),
    entry('4-1', { status: 'Rejected' }),
    entry('5-1', { actionType: 'Collect investigation package', actionSource: 'Manual device action', sha256: undefined }),
  ];

  it('T80: should restore the file on every completed instance with "Apply to X more instances", and only those', () => {
    const result = undoActions(entries, { ids: ['1-1'], applyToMoreInstances: true, at: 9, by: 'alice' });
    expect(result.undone).toEqual(['1-1', '2-1']);
    // The rejected instance of the same file is not one of the "more instances": not named, so not refused either.
    expect(undoTargets(entries, { ids: ['1-1'], applyToMoreInstances: true, at: 9, by: 'alice' })).toEqual(['1-1', '2-1']);
    expect(result.refused).toEqual([]);
    expect(result.entries.map((e) => e.status)).toEqual(['Undone', 'Undone', 'Completed', 'Rejected', 'Completed']);
    expect(result.entries[0]).toMatchObject({ undoneAt: 9, undoneBy: 'alice', tab: 'history' });
  });

  it('should undo only the selected entry without "Apply to X more instances"', () => {
    expect(undoActions(entries, { ids: ['1-1'], at: 9, by: 'alice' }).undone).toEqual(['1-1']);
  });

  it('T81: should refuse to undo Collect investigation package', () => {
    const result = undoActions(entries, { ids: ['5-1'], at: 9, by: 'alice' });
    expect(result.undone).toEqual([]);
    expect(result.refused).toMatchObject([{ id: '5-1', reason: { code: 'undo-not-undoable', cite: 'T81, §6.4' } }]);
  });

  it('should refuse what is not completed, an unknown id, and a bulk selection of mixed action types', () => {
    expect(undoActions(entries, { ids: ['4-1'], at: 9, by: 'a' }).refused[0]?.reason.code).toBe('undo-not-completed');
    expect(undoActions(entries, { ids: ['9-9'], at: 9, by: 'a' }).refused[0]?.reason.code).toBe('undo-unknown');
    const mixed = undoActions(entries, { ids: ['1-1', '5-1'], at: 9, by: 'a' });
    expect(mixed.undone).toEqual([]);
    expect(mixed.refused.map((r) => r.reason.code)).toEqual(['undo-mixed-types', 'undo-mixed-types']);
  });

  const entryArb = fc.record({
    actionType: fc.constantFrom(...ACTION_TYPES),
    status: fc.constantFrom(...ACTION_CENTER_STATUSES),
    sha256: fc.constantFrom('aa', 'bb', undefined),
  });

  it('law: undo changes exactly the entries it names and says it undid, each to Undone, and no other', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 12 }),
        fc.array(fc.nat(14), { maxLength: 4 }),
        fc.boolean(),
        (specs, picks, more) => {
          const list = specs.map((spec, i) => entry(`e${i}`, spec));
          const request = { ids: [...new Set(picks.map((i) => `e${i}`))], applyToMoreInstances: more, at: 5, by: 'bob' };
          const result = undoActions(list, request);
          const named = new Set(undoTargets(list, request));
          list.forEach((before, i) => {
            const after = result.entries[i];
            if (result.undone.includes(before.id)) {
              expect(named.has(before.id)).toBe(true);
              expect(before.status).toBe('Completed');
              expect(after).toEqual({ ...before, status: 'Undone', undoneAt: 5, undoneBy: 'bob' });
            } else expect(after).toBe(before);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
