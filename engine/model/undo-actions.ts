/** Undo from the Action Center's History: which entries an undo names, and exactly those become `Undone` (§6.4, T80, T81). */
import type { ActionType, Reason } from '../core/vocabulary.ts';
import type { AirActionEntry } from './air-action-entry.ts';

/**
 * Action types that History can undo, whether AIR, Defender Antivirus or an analyst took them (§6.4, ac-actions,
 * air-review). Not listed, so never undoable: `Stop process`, `Run antivirus scan`, `Stop and quarantine file` and
 * `Collect investigation package` (T81).
 */
export const UNDOABLE_ACTION_TYPES: ReadonlySet<ActionType> = new Set<ActionType>([
  'Quarantine file',
  'Remove registry key',
  'Stop service',
  'Disable driver',
  'Remove scheduled task',
  'Isolate device',
  'Restrict code execution',
]);

/** An analyst's undo: the History entries selected, and "Apply to X more instances of this file" (T80). */
export interface UndoRequest {
  readonly ids: readonly string[];
  /** Also undo every other completed `Quarantine file` entry of the same file (by `sha256`). Default false. */
  readonly applyToMoreInstances?: boolean;
  readonly at: number;
  readonly by: string;
}

export interface UndoResult {
  /** The entries with exactly the named ones `Undone`; every other entry is the same object as before. */
  readonly entries: readonly AirActionEntry[];
  /** The ids undone, in the entries' order. */
  readonly undone: readonly string[];
  /** Selected ids that were not undone, each with why. */
  readonly refused: readonly { readonly id: string; readonly reason: Reason }[];
}

const refusal = (code: string, message: string, cite: string): Reason => ({ layer: 'action-center', code, message, cite });

/**
 * The ids an undo names: the selected ones, plus, with `applyToMoreInstances`, every other completed `Quarantine
 * file` entry whose `sha256` is that of a selected `Quarantine file` entry (T80).
 *
 * @example
 * undoTargets(entries, { ids: ['1-1'], applyToMoreInstances: true, at: 0, by: 'alice' }); // ['1-1', '2-1', '5-3']
 */
export function undoTargets(entries: readonly AirActionEntry[], request: UndoRequest): readonly string[] {
  const selected = new Set(request.ids);
  if (request.applyToMoreInstances !== true) return request.ids;
  const files = new Set<string>();
  for (const entry of entries)
    if (selected.has(entry.id) && entry.actionType === 'Quarantine file' && entry.sha256 !== undefined) files.add(entry.sha256);
  const more = entries.filter(
    (entry) =>
      !selected.has(entry.id) &&
      entry.actionType === 'Quarantine file' &&
      entry.status === 'Completed' &&
      entry.sha256 !== undefined &&
      files.has(entry.sha256),
  );
  return request.ids.concat(more.map((entry) => entry.id));
}

/**
 * Undoes exactly the entries the request names (`undoTargets`): each must be a completed entry of an undoable type,
 * and a bulk undo must select one action type (§6.4: "items that have the same Action type"); otherwise it is
 * refused with a reason and stays as it was. Nothing else changes.
 *
 * @example
 * undoActions(entries, { ids: ['3-1'], at: 60_000, by: 'alice' }).refused[0]?.reason.code; // 'undo-not-undoable' for a collected package (T81)
 */
export function undoActions(entries: readonly AirActionEntry[], request: UndoRequest): UndoResult {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const refused: { id: string; reason: Reason }[] = [];
  const types = new Set(request.ids.map((id) => byId.get(id)?.actionType));
  const names = undoTargets(entries, request);
  const accepted = new Set<string>();
  for (const id of names) {
    const entry = byId.get(id);
    if (entry === undefined) refused.push({ id, reason: refusal('undo-unknown', `no Action Center entry "${id}"`, '§6.1') });
    else if (types.size > 1)
      refused.push({ id, reason: refusal('undo-mixed-types', 'a bulk undo selects items of one Action type only', '§6.4') });
    else if (!UNDOABLE_ACTION_TYPES.has(entry.actionType))
      refused.push({
        id,
        reason: refusal('undo-not-undoable', `"${entry.actionType}" cannot be undone from History`, 'T81, §6.4'),
      });
    else if (entry.status !== 'Completed')
      refused.push({
        id,
        reason: refusal('undo-not-completed', `only a completed action can be undone; this one is ${entry.status}`, '§6.1'),
      });
    else accepted.add(id);
  }
  const next = entries.map((entry) =>
    accepted.has(entry.id) ? { ...entry, status: 'Undone' as const, undoneAt: request.at, undoneBy: request.by } : entry,
  );
  return { entries: next, undone: entries.filter((entry) => accepted.has(entry.id)).map((entry) => entry.id), refused };
}
