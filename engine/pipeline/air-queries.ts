/** What a run's AIR side answers after the run: Action Center entries and investigation states at a time (contract §5.4). */
import type { AutomationLevel, InvestigationState, Reason } from '../core/vocabulary.ts';
import type { AirActionEntry } from '../model/index.ts';
import type { InvestigationStep } from './investigation-path.ts';

/** What an AIR expectation is about: exactly one of `artifact` and `device`, and optionally an action type. */
export interface AirTarget {
  readonly artifact?: string;
  readonly device?: string;
  readonly actionType?: string;
}

/** One investigation as it stood at a time. */
export interface InvestigationAt {
  readonly id: number;
  readonly state: InvestigationState;
  readonly device: string;
  /** Why it is in that state (the level, support, the entries' decisions). */
  readonly reasons: readonly Reason[];
  /** The device group's automation level it runs under (§6.5). */
  readonly level: AutomationLevel;
  /** The states it entered up to that time, in order, the last being `state` (`investigationPath`). */
  readonly path: readonly InvestigationStep[];
}

/**
 * The run's answers for AIR expectations, kept for the targets the scenario names (known at load) so memory does not
 * grow with the run. `at` undefined is the end of the run (its last timeline event); a later `at` sees AIR's own due
 * events (7-day timeouts, the 3-day isolation retry) up to it.
 */
export interface AirQueries {
  /** The entries for `target` as they stood at `at`, in proposal order. */
  entriesAt(target: AirTarget, at?: number): readonly AirActionEntry[];
  /** The investigation `target` names at `at`: the artifact's (the one its alert started or joined), or the device's latest. */
  investigationAt(target: AirTarget, at?: number): InvestigationAt | undefined;
}
