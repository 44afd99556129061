/** The contract's `--format json` document (§4) as types: the JSON writer's projections must produce exactly these keys. */
import type { CiteLink } from '../core/cite/resolve-cite.ts';
import type { Issue } from '../core/issue.ts';
import type { DeviceState } from '../model/index.ts';
import type { ChangeRecord } from '../pipeline/simulate.ts';
import type { NumberedActionCenterEntry, NumberedAlert } from '../pipeline/run-simulation.ts';
import type { Verdict } from '../pipeline/verdict.ts';

/** The whole `--format json` output: every scenario, the summary, and `errors[]` only when input was invalid. */
export interface JsonReport {
  readonly scenarios: readonly JsonScenario[];
  readonly summary: JsonSummary;
  readonly errors?: readonly Issue[];
}

export interface JsonSummary {
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
  /** Files with errors; present only when some input was invalid. */
  readonly invalid?: number;
}

/** One scenario's run, its records in time order, nothing summarised. */
export interface JsonScenario {
  readonly name: string;
  readonly file: string;
  readonly seed: number;
  readonly passed: boolean;
  readonly devices: readonly JsonDevice[];
  readonly verdicts: readonly JsonVerdict[];
  /** The layers' History entries; in AIR scenarios each with `tab: history`, then AIR's and manual entries. */
  readonly actionCenter: readonly (JsonActionCenterEntry | JsonAirEntry)[];
  readonly alerts: readonly JsonAlert[];
  readonly recommendations: readonly JsonRecommendation[];
  readonly changes: readonly JsonChange[];
  /** AIR scenarios only (contract §5.4). */
  readonly investigations?: readonly JsonInvestigation[];
  /** AIR scenarios only: what happened to each timeline action. */
  readonly actions?: readonly JsonAirAction[];
  readonly expectations: readonly JsonExpectation[];
}

/** An AIR or manual Action Center entry (AIR scenarios list them after the layers' entries in `actionCenter`). */
export interface JsonAirEntry {
  readonly id: string;
  readonly time: string;
  readonly device: string;
  readonly actionType: string;
  readonly actionSource: string;
  readonly entity: string;
  readonly status: string;
  readonly tab: 'pending' | 'history';
  readonly artifact: string;
  readonly investigationId: number | null;
  readonly verdict?: string;
  readonly decidedTime?: string;
  readonly decidedBy?: string | null;
  readonly undoneTime?: string;
  readonly undoneBy?: string | null;
  readonly reason: JsonReasonText;
}

/** An AIR scenario's alert fields (§6.6). */
export interface JsonAlertAir {
  readonly investigationId: number | null;
  readonly investigationState: string | null;
  readonly status: string;
}

export interface JsonInvestigation {
  readonly id: number;
  readonly device: string;
  readonly state: string;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly triggeringAlertId: string | null;
  readonly artifacts: readonly string[];
  readonly reasons: readonly JsonReasonText[];
}

export interface JsonAirAction {
  readonly at: string;
  readonly action: string;
  readonly by?: string;
  readonly role?: string;
  readonly status: 'applied' | 'refused';
  readonly entries: readonly string[];
  readonly reasons: readonly JsonReasonText[];
}

/** A reason without its layer or cite, as devices and changes list them. */
export interface JsonReasonText {
  readonly code: string;
  readonly message: string;
}

/** A device at the end of the run. */
export interface JsonDevice {
  readonly name: string;
  readonly mode: DeviceState['mode'];
  readonly runningMode: DeviceState['runningMode'];
  readonly edrBlockMode: {
    readonly effective: boolean;
    readonly pending?: NonNullable<DeviceState['edrBlockMode']['pending']>;
    readonly reasons: readonly JsonReasonText[];
  };
}

export interface JsonVerdict {
  readonly artifact: string;
  readonly device: string;
  /** Offset from the start, as a duration (`10m`). */
  readonly at: string;
  /** The same instant as ISO 8601 UTC, from the scenario's `start` (as Action Center and alert `time`). */
  readonly time: string;
  /** The file or process image, canonicalised as the layers matched it (contract §5.1). */
  readonly path: string;
  /** Only when the artifact has one, lower case. */
  readonly sha256?: string;
  /** Only when the artifact names one (the scenario's `threat:`, or the generator catalog's). */
  readonly threat?: string;
  /** MITRE ATT&CK id, only when the artifact names one. */
  readonly technique?: string;
  readonly class: Verdict['class'];
  readonly outcome: Verdict['outcome'];
  readonly by: Verdict['by'];
  readonly detectionStatus: Verdict['detectionStatus'];
  readonly actionCenter: boolean;
  readonly reasons: readonly (JsonReasonText & { readonly layer: string })[];
}

export interface JsonActionCenterEntry {
  readonly id: string;
  /** ISO 8601 UTC time. */
  readonly time: string;
  readonly device: string;
  readonly actionType: NumberedActionCenterEntry['actionType'];
  readonly actionSource: NumberedActionCenterEntry['actionSource'];
  readonly entity: NumberedActionCenterEntry['entity'];
  readonly status: NumberedActionCenterEntry['status'];
  readonly detectionStatus: NumberedActionCenterEntry['detectionStatus'];
  readonly remediatedBy: NumberedActionCenterEntry['remediatedBy'];
  readonly artifact: string;
  /** AIR scenarios only. */
  readonly tab?: 'history';
}

export interface JsonAlert {
  readonly id: string;
  /** ISO 8601 UTC time. */
  readonly time: string;
  readonly device: string;
  readonly title: string;
  readonly severity: NumberedAlert['severity'];
  readonly detectionSource: NumberedAlert['detectionSource'];
  readonly detectionStatus: NumberedAlert['detectionStatus'];
  readonly artifact: string;
  readonly threat?: string;
  readonly technique?: string;
  readonly investigationId?: number | null;
  readonly investigationState?: string | null;
  readonly status?: string;
}

export interface JsonRecommendation {
  readonly device: string;
  readonly id: string;
  readonly title: 'Turn on EDR in block mode';
  readonly reason: string;
}

export interface JsonChange {
  /** Offset from the start, as a duration. */
  readonly at: string;
  readonly by?: string;
  readonly role?: NonNullable<ChangeRecord['role']>;
  readonly status: ChangeRecord['status'];
  readonly reasons: readonly JsonReasonText[];
}

export interface JsonExpectation {
  readonly name: string;
  readonly passed: boolean;
  readonly message: string;
  readonly cite?: string;
  /** With `cite`: its sources from the citation registry, each with its title and link (empty for a cite it does not know). */
  readonly sources?: readonly CiteLink[];
  readonly details?: readonly string[];
}
