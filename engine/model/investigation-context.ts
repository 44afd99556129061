/** What an automated investigation holds and the events that move it, shared by its statechart and its compiled table. */
import type { AutomationLevel } from '../core/vocabulary.ts';
import type { AirVerdict } from '../policy/indicators/air-verdict.ts';
import type { IndicatorAction } from '../policy/indicators/indicator.ts';
import type { AirActionEntry, AirRemediationType } from './air-action-entry.ts';

/** Devices counted per hash for scope expansion: counting stops here, the approval threshold (§6.5, air). */
export const SIGHTING_CAP = 10;

/** One piece of evidence and AIR's own verdict on it; the indicator (if any) is applied by the investigation (§5.4). */
export interface EvidenceInput {
  readonly artifact: string;
  /** What a remediation acts on: the file path, process, registry key… */
  readonly entity: string;
  /** The file's path, for the folder rules of the semi levels (§6.5). */
  readonly path?: string;
  readonly sha256?: string;
  readonly actionType: AirRemediationType;
  readonly verdict: AirVerdict;
  /** The action of the indicator that matches the entity, if one does. */
  readonly indicator?: IndicatorAction;
  /**
   * The layers already stopped it (a Defender Antivirus or block-mode remediation, or a Block indicator): AIR finds it
   * remediated and proposes no action for it [inference: the docs say History already holds such remediations, §6.1].
   * Default false.
   */
  readonly remediated?: boolean;
}

/** Evidence with the verdict AIR acts on after indicators. */
export interface EvidenceVerdict {
  readonly artifact: string;
  readonly sha256?: string;
  readonly verdict: AirVerdict;
  /** AIR's own verdict before indicators. */
  readonly original: AirVerdict;
  /** The layers had already remediated it, so it needed no action. */
  readonly remediated?: boolean;
}

export interface InvestigationContext {
  /** The API's `investigationId` (a long). */
  readonly id: number;
  readonly device: string;
  readonly level: AutomationLevel;
  readonly evidence: readonly EvidenceVerdict[];
  readonly entries: readonly AirActionEntry[];
  /** Per hash, the other devices it was seen on: distinct, at most {@link SIGHTING_CAP}. */
  readonly sightings: Readonly<Record<string, readonly string[]>>;
}

/** How an investigation is created: its id, device and the device group's automation level. */
export interface InvestigationInput {
  readonly id: number;
  readonly device: string;
  readonly level: AutomationLevel;
}

/** The queue says the queued investigation starts now; `unsupported` is `airSupport(…).state` on the device then. */
export interface StartEvent {
  readonly type: 'start';
  readonly at: number;
  readonly unsupported?: 'UnsupportedOs' | 'Failed';
}
/** AIR reached its verdicts on these pieces of evidence (alerts joining a running investigation send more). */
export interface AnalysedEvent {
  readonly type: 'analysed';
  readonly at: number;
  readonly evidence: readonly EvidenceInput[];
}
/** The hash was seen on another device. */
export interface SightingEvent {
  readonly type: 'sighting';
  readonly at: number;
  readonly sha256: string;
  readonly device: string;
}
/** An analyst approves or rejects one Pending entry. */
export interface DecisionEvent {
  readonly type: 'approve' | 'reject';
  readonly at: number;
  readonly entryId: string;
  readonly by: string;
}
/** The clock reached `at`: Pending entries whose `dueAt` ≤ `at` time out. Explicit so @xstate/graph can traverse it. */
export interface InvestigationDueEvent {
  readonly type: 'due';
  readonly at: number;
}
/** The device became unreachable or reachable again (air-results: PendingResource). */
export interface DeviceEvent {
  readonly type: 'device-unavailable' | 'device-available';
  readonly at: number;
}
/** An analyzer failed (`fail`), or the system ended the investigation (`terminate`). */
export interface EndEvent {
  readonly type: 'fail' | 'terminate';
  readonly at: number;
}

export type InvestigationEvent =
  StartEvent | AnalysedEvent | SightingEvent | DecisionEvent | InvestigationDueEvent | DeviceEvent | EndEvent;

/**
 * A fresh context. Defaults (for tools such as @xstate/graph that start without input): id 0, device `device`,
 * level `full`.
 */
export function investigationContext(input?: InvestigationInput): InvestigationContext {
  return {
    id: input?.id ?? 0,
    device: input?.device ?? 'device',
    level: input?.level ?? 'full',
    evidence: [],
    entries: [],
    sightings: {},
  };
}
