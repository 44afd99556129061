import { describe, expect, it } from 'vitest';
import { INVESTIGATION_STATES } from '../../engine/core/vocabulary.ts';
import { NEW_ALERT, autoresolveAlert, setAlertStatus } from '../../engine/model/alert-status.ts';

describe('autoresolveAlert — remediated alerts resolve, an analyst-set status stays (§6.5, T87)', () => {
  it('should resolve a New alert whose investigation remediated or found nothing', () => {
    expect(autoresolveAlert(NEW_ALERT, 'SuccessfullyRemediated', 7)).toEqual({
      status: 'Resolved',
      setBy: 'system',
      resolvedAt: 7,
    });
    expect(autoresolveAlert(NEW_ALERT, 'Benign', 7).status).toBe('Resolved');
  });

  it('T87: should keep an analyst-set In progress (or Resolved, or New) whatever the investigation ends in', () => {
    for (const status of ['InProgress', 'Resolved', 'New'] as const)
      for (const state of INVESTIGATION_STATES) expect(autoresolveAlert(setAlertStatus(status, 3), state, 9).status).toBe(status);
  });

  it('should leave the alert New for every other investigation state, and when autoresolve is off', () => {
    for (const state of INVESTIGATION_STATES.filter((s) => s !== 'SuccessfullyRemediated' && s !== 'Benign'))
      expect(autoresolveAlert(NEW_ALERT, state, 9), state).toBe(NEW_ALERT);
    expect(autoresolveAlert(NEW_ALERT, 'SuccessfullyRemediated', 9, false)).toBe(NEW_ALERT);
  });
});
