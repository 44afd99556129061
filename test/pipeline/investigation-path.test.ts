/** investigationPath: the states an investigation entered up to a time, its unwatched start filled in from the statechart. */
import { describe, expect, it } from 'vitest';
import { queueInvestigation, stepInvestigation, type InvestigationSnapshot } from '../../engine/model/index.ts';
import { investigationPath } from '../../engine/pipeline/investigation-path.ts';

const MIN = 60_000;
const queued = queueInvestigation({ id: 1, device: 'pc-1', level: 'semi-all-folders' });
const running = stepInvestigation(queued, { type: 'start', at: 0 });
const analysed = (at: number) =>
  stepInvestigation(running, {
    type: 'analysed',
    at,
    evidence: [{ artifact: 'a1', entity: 'C:\\x.exe', path: 'C:\\x.exe', actionType: 'Quarantine file', verdict: 'Malicious' }],
  });
const states = (log: { at: number; snapshot: InvestigationSnapshot }[], at: number) =>
  investigationPath(log, 0, at).map((step) => `${step.state}@${step.at / MIN}`);

describe('investigationPath', () => {
  it('should list each state once per entry, up to the time asked', () => {
    const pending = analysed(5 * MIN);
    expect(pending.state).toBe('PendingApproval');
    const log = [
      { at: 0, snapshot: queued },
      { at: 0, snapshot: running },
      { at: 0, snapshot: running },
      { at: 5 * MIN, snapshot: pending },
    ];
    expect(states(log, 4 * MIN)).toEqual(['Queued@0', 'Running@0']);
    expect(states(log, 5 * MIN)).toEqual(['Queued@0', 'Running@0', 'PendingApproval@5']);
  });

  it("should begin a history watched from an artifact's arrival with the statechart's way in, dated at creation", () => {
    // The log of an investigation watched for an artifact starts when that artifact joins it (air-run.ts).
    const log = [{ at: 5 * MIN, snapshot: analysed(5 * MIN) }];
    expect(states(log, 5 * MIN)).toEqual(['Queued@0', 'Running@0', 'PendingApproval@5']);
    expect(states([{ at: 5 * MIN, snapshot: running }], 5 * MIN)).toEqual(['Queued@0', 'Running@5']);
  });

  it('should be empty before the history begins', () => {
    expect(states([{ at: 5 * MIN, snapshot: running }], 4 * MIN)).toEqual([]);
  });
});
