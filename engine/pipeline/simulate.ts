/** The pipeline as an rxjs stream: timeline and generators in, one verdict per artifact and one record per change out. */
import { Observable } from 'rxjs';
import type { FleetModel } from '../model/index.ts';
import type { PolicyState } from './policy-state.ts';
import { runEvents, type ChangeRecord } from './run-events.ts';
import type { SimulationInput } from './sim-input.ts';
import type { Verdict } from './verdict.ts';

export type { ChangeRecord } from './run-events.ts';

export type SimOutput = Verdict | ChangeRecord;

export interface SimulationHooks {
  /** Called once the stream completes, with the model at the run's last event (for end-of-run device state). */
  readonly onComplete?: (model: FleetModel, policy: PolicyState) => void;
}

/** True for a verdict, false for a change record. */
export function isVerdict(output: SimOutput): output is Verdict {
  return 'outcome' in output;
}

/**
 * Runs a simulation as a cold Observable: each subscription starts a fresh model, so runs are
 * reproducible. Virtual time advances with the events themselves — the model's clock moves to each
 * event's `at` before it is applied — so a simulated week runs as fast as the CPU allows. The loop is
 * `runEvents`'s: each output goes straight to the subscriber, with no operator chain per artifact, and
 * an unsubscribe stops the loop at the next event.
 *
 * @example
 * simulate$(input).subscribe((out) => { if (isVerdict(out)) console.log(out.artifact, out.outcome); });
 */
export function simulate$(input: SimulationInput, hooks: SimulationHooks = {}): Observable<SimOutput> {
  return new Observable<SimOutput>((subscriber) => {
    const end = runEvents(input, {
      verdict: (verdict) => subscriber.next(verdict),
      change: (record) => subscriber.next(record),
      stopped: () => subscriber.closed,
    });
    if (end === undefined) return;
    hooks.onComplete?.(end.model, end.policy);
    subscriber.complete();
  });
}
