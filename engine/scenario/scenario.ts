/** The loaded scenario: what `loadScenario` returns, typed with engine/core vocabulary, every default applied. */
import type { Issue } from '../core/issue.ts';
import type { SimulationInput } from '../core/simulation-input.ts';
import type {
  ActionCenterStatus,
  ActionCenterTab,
  ActionType,
  AlertStatus,
  ArtifactClass,
  Blocker,
  DetectionStatus,
  InvestigationState,
  MdavMode,
  Outcome,
  RunningMode,
} from '../core/vocabulary.ts';

export type { ActionSpec, ChangeSpec, GenerateSpec, TimelineEvent } from '../core/simulation-input.ts';

/** Count bounds: `count` exactly, or `atLeast` / `atMost`. */
export interface CountBounds {
  readonly count?: number;
  readonly atLeast?: number;
  readonly atMost?: number;
}

interface ExpectationBase {
  /** Position in `expect`, for messages. */
  readonly index: number;
  /** `name:` as given, else built from what it asserts (never from its index or result); unique in a scenario. */
  readonly name: string;
  readonly cite?: string;
  /** Where the entry is written in the scenario file (1-based), so a failed one can point at it (SARIF, annotations). */
  readonly line?: number;
  readonly column?: number;
}

export type Expectation =
  | (ExpectationBase & {
      readonly kind: 'artifact';
      readonly artifact: string;
      readonly outcome?: Outcome;
      readonly by?: Blocker;
      readonly detectionStatus?: DetectionStatus;
      readonly actionCenter?: boolean;
    })
  | (ExpectationBase & {
      readonly kind: 'device';
      readonly device: string;
      /** ms; undefined = end of the run. */
      readonly at?: number;
      readonly mode?: MdavMode;
      readonly runningMode?: RunningMode;
      readonly edrBlockMode?: 'effective' | 'not-effective';
    })
  | (ExpectationBase & {
      readonly kind: 'actionCenter';
      readonly filter: {
        readonly device?: string;
        readonly artifact?: string;
        readonly actionType?: string;
        readonly actionSource?: string;
        readonly status?: string;
        readonly detectionStatus?: 'Blocked' | 'Prevented' | 'Detected';
      };
      readonly bounds: CountBounds;
    })
  | (ExpectationBase & {
      readonly kind: 'alerts';
      readonly filter: {
        readonly device?: string;
        readonly artifact?: string;
        readonly detectionStatus?: 'Blocked' | 'Prevented' | 'Detected';
        readonly severity?: 'Informational' | 'Low' | 'Medium' | 'High';
        readonly detectionSource?: string;
        /** AIR: the alert's status at the end of the run. */
        readonly status?: AlertStatus;
        /** AIR: the alert's investigation state at the end of the run. */
        readonly investigationState?: InvestigationState;
      };
      readonly bounds: CountBounds;
    })
  | (ExpectationBase & {
      /** AIR (contract §5.4): an Action Center entry's tab and status at a time. */
      readonly kind: 'actionCenterEntry';
      /** Exactly one of `artifact` and `device`. */
      readonly artifact?: string;
      readonly device?: string;
      readonly actionType?: ActionType;
      /** ms; undefined = end of the run. */
      readonly at?: number;
      readonly tab?: ActionCenterTab;
      readonly status?: ActionCenterStatus;
      /** False: no such entry. Default true. */
      readonly present: boolean;
    })
  | (ExpectationBase & {
      /** AIR: an investigation's `investigationState` at a time. */
      readonly kind: 'investigation';
      readonly artifact?: string;
      readonly device?: string;
      readonly at?: number;
      readonly state: InvestigationState;
    })
  | (ExpectationBase & {
      readonly kind: 'recommendation';
      readonly device: string;
      readonly id: string;
      readonly present: boolean;
    })
  | (ExpectationBase & {
      readonly kind: 'totals';
      readonly filter: {
        readonly class?: ArtifactClass;
        readonly outcome?: Outcome;
        readonly by?: Blocker;
        readonly device?: string;
        readonly detectionStatus?: DetectionStatus;
      };
      /** Share of the artifacts matching `filter` among those matching only its `class` (all when unset). */
      readonly share?: { readonly atLeast?: number; readonly atMost?: number };
      readonly bounds?: CountBounds;
    });

export interface Scenario extends SimulationInput {
  readonly name: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** ISO-8601 UTC time of offset 0. */
  readonly start: string;
  readonly expect: readonly Expectation[];
  readonly file: string;
  /** Every file a `{ from }` import read, as `file`'s folder + `from` (absolute when `file` is): a folder run skips them. */
  readonly imports: readonly string[];
  /** Findings that do not make the file invalid (severity `warning`), placed in the file. */
  readonly warnings: readonly Issue[];
  /** Absolute real paths of every file read for it: the scenario file, then its imports. Set by `readScenarioFile`; absent when loaded from text. */
  readonly sources?: readonly string[];
}
