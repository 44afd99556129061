/**
 * Everything the per-artifact decision needs about one device, compiled once per distinct configuration
 * (`context-key.ts`) and policy revision, then shared by every device with that configuration and reused
 * for every artifact on them until something changes.
 */
import type { Artifact } from '../core/artifact.ts';
import type { ConflictSettings } from '../core/config.ts';
import type { MdavMode, Reason, ScanType, Trigger } from '../core/vocabulary.ts';
import type { IndicatorMatch } from '../policy/indicators/index.ts';
import type { ExclusionRef } from './exclusion-ref.ts';

/** What an exclusion lookup is asked: one artifact's path, opener and trigger (§4.1 scope). */
export interface ExclusionQuery {
  readonly path: string;
  readonly process?: string;
  readonly trigger: Trigger;
  readonly scanType?: ScanType;
}

/** Returns the reason of the first exclusion that applies, or undefined. */
export type ExclusionLookup = (query: ExclusionQuery) => Reason | undefined;

/** Returns the first exclusion that applies as its compiled entry's shared ref (id and reason), or undefined. */
export type ExclusionHitLookup = (query: ExclusionQuery) => ExclusionRef | undefined;

/** Looks up the winning file/certificate indicator for an artifact at its time (§5.4 hash and scope rules). */
export type IndicatorLookup = (artifact: Artifact) => IndicatorMatch | undefined;

export interface DeviceContext {
  /** The first device compiled into this context (others with an equal key share it); verdicts name `artifact.device`. */
  readonly device: string;
  readonly settings: ConflictSettings;
  /** The non-Microsoft primary AV is installed, primary and running (§1.4). */
  readonly primaryAvRunning: boolean;
  readonly mode: MdavMode;
  readonly modeReason: Reason;
  readonly exclusions: ExclusionLookup;
  /** The same lookup as `exclusions`, answering with the entry's ref: what a compact verdict keeps (issue 13). */
  readonly exclusionHit: ExclusionHitLookup;
  /** Indicators honoured only by MDAV in active mode with the §5.2 prerequisites. */
  readonly indicatorsHonoured: boolean;
  readonly indicatorReasons: readonly Reason[];
  readonly indicators: IndicatorLookup;
  /** A Block/Warn indicator that matches but lost to an Allow: it makes an allowed file `allowed`, not `missed`. */
  readonly overruledBlock: IndicatorLookup;
  /** EDR sensor present: onboarded with EDR capability (Plan 2). */
  readonly edrSensor: boolean;
  readonly edrSensorReason: Reason;
  /** EDR in block mode remediates now (disable-pending included, contract §3). */
  readonly blockModeEffective: boolean;
  readonly blockModeReasons: readonly Reason[];
  /** While a disable propagates, the reason that says so (contract §3: effective with `disable-pending`). */
  readonly blockModePending?: Reason;
}
