/** The working record of one artifact's trip through the layers; each layer reads and extends it. */
import type { Artifact } from '../../core/artifact.ts';
import type { Blocker, Reason } from '../../core/vocabulary.ts';
import type { Alert, AlertSource } from '../verdict.ts';

/** What EDR in block mode decides for an artifact on its own terms (§3.8: indicators play no part). */
export type BlockModeDecision = 'remediate' | 'no-detection' | 'not-effective' | 'active-noop' | 'excluded';

export interface Trace {
  readonly artifact: Artifact;
  readonly reasons: Reason[];
  /** The first layer that stopped or remediated it; `none` while nothing has. */
  by: Blocker;
  /** Raised alerts; their status is settled when the verdict is built. */
  readonly alerts: PendingAlert[];
  /** A layer would have flagged it but an exclusion or Allow indicator let it through. */
  wouldHaveFlagged: boolean;
  /** An Action Center entry is due (MDAV or block-mode remediation; never for indicator blocks, §5.5). */
  actionCenter: boolean;
}

export interface PendingAlert {
  source: AlertSource;
  threat: string;
  /** An alert of a detection that nothing remediated keeps `Detected`; see `settleAlerts`. */
  readonly kind: 'mdav' | 'indicator' | 'audit' | 'edr';
}

export function startTrace(artifact: Artifact): Trace {
  return {
    artifact,
    reasons: [],
    by: 'none',
    alerts: [],
    wouldHaveFlagged: false,
    actionCenter: false,
  };
}

/** The threat name an alert shows: the artifact's own, or a generic one by class. */
export function threatName(artifact: Artifact): string {
  if (artifact.threat !== undefined) return artifact.threat;
  return artifact.class === 'pua' ? 'PUA:Win32/Unwanted' : 'Malware';
}

export type { Alert };
