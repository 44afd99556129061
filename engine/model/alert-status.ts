/** An alert's status (New, InProgress, Resolved) and the autoresolve of remediated alerts that never overrides an analyst (§6.5, §6.6, T87). */
import type { AlertStatus, InvestigationState } from '../core/vocabulary.ts';

/** An alert's status and who set it last. */
export interface AlertStatusState {
  readonly status: AlertStatus;
  /** `analyst` once an analyst sets a status; autoresolve never overrides it (T87). */
  readonly setBy: 'system' | 'analyst';
  readonly resolvedAt?: number;
}

/** A new alert: status `New`, set by the system. */
export const NEW_ALERT: AlertStatusState = { status: 'New', setBy: 'system' };

/** Investigation results whose alerts autoresolve: "Remediated" and "No threats found" (§6.5, adv-feat). */
const AUTORESOLVED: ReadonlySet<InvestigationState> = new Set<InvestigationState>(['SuccessfullyRemediated', 'Benign']);

/**
 * An analyst sets the alert's status; from then on it is the analyst's.
 *
 * @example
 * setAlertStatus('InProgress', 60_000); // { status: 'InProgress', setBy: 'analyst' }
 */
export function setAlertStatus(status: AlertStatus, at: number): AlertStatusState {
  return status === 'Resolved' ? { status, setBy: 'analyst', resolvedAt: at } : { status, setBy: 'analyst' };
}

/**
 * The alert's status once its investigation reaches `state`: with autoresolve on (default on, §7 C23), a remediated
 * or benign result resolves it, unless an analyst set the status (In progress or Resolved are never overwritten, T87).
 * Anything else leaves it as it was.
 *
 * @example
 * autoresolveAlert({ status: 'InProgress', setBy: 'analyst' }, 'SuccessfullyRemediated', 9_000).status; // 'InProgress' (T87)
 */
export function autoresolveAlert(
  alert: AlertStatusState,
  state: InvestigationState,
  at: number,
  autoresolve = true,
): AlertStatusState {
  if (!autoresolve || alert.setBy === 'analyst' || alert.status === 'Resolved' || !AUTORESOLVED.has(state)) return alert;
  return { status: 'Resolved', setBy: 'system', resolvedAt: at };
}
