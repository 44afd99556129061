/** The pipeline's hot loop: timeline changes and artifacts in virtual-time order, one plain call per output. */
import { createFleetModel, type FleetModel } from '../model/index.ts';
import type { CompactVerdict } from './compact-verdict.ts';
import { createContextCache } from './context-cache.ts';
import { decideArtifact, decideCode } from './decide-artifact.ts';
import { createPolicyState, type PolicyState } from './policy-state.ts';
import { REASONS } from './reasons.ts';
import { createAirRun, type AirWatch } from './air-run.ts';
import type { AirResult } from './air-state.ts';
import { isChangeEvent, simEvents } from './sim-events.ts';
import { DeviceMerge, pullerOf, type Puller } from './synth/device-merge.ts';
import { CONTEXT_SLOT, ROW_SLOTS } from './device-rows.ts';
import type { ChangeSpec, SimulationInput } from './sim-input.ts';
import type { Reason } from '../core/vocabulary.ts';
import type { Artifact } from '../core/artifact.ts';

/** What happened to one timeline `change` (contract §4 `changes[]`). */
export interface ChangeRecord {
  readonly at: number;
  readonly by?: string;
  readonly role?: string;
  readonly status: 'applied' | 'refused';
  readonly reasons: readonly Reason[];
}

// Imported bindings copied to locals: under tsx each cross-module access is a getter call, on the hot path.
const decide = decideArtifact;
const decideToCode = decideCode;
const isChange = isChangeEvent;

/** Where the loop hands each output, in time order. */
export interface EventSinks {
  /** One compact verdict per artifact, with the fleet index of its device (−1 for a device the fleet lacks). */
  readonly verdict: (verdict: CompactVerdict, deviceIndex: number) => void;
  /**
   * A counting run's sink: when given, and the run has no AIR, each artifact's decision comes here as its packed
   * code (`decideCode`, verdict-code.ts) with its fleet index and the artifact, and `verdict` is not called, so no
   * verdict object is made per artifact. An AIR run still hands `verdict` every verdict (AIR reads them). A sink
   * reads `artifact.device` only when it needs the name: a generated artifact reads it from the plan's name array
   * at a random index (a cache miss per artifact at 10^6 devices, issue 13).
   */
  readonly code?: (code: number, deviceIndex: number, artifact: Artifact) => void;
  readonly change: (record: ChangeRecord) => void;
  /**
   * The run's per-device rows (`device-rows.ts`) when the caller's tally counts into them: the context cache keeps its
   * per-device check in the same rows, so an artifact touches one row for both (default: rows of the cache's own).
   */
  readonly rows?: Float64Array;
  /** Asked after each output: true ends the run early (an unsubscribed stream); the completion hook is not called. */
  readonly stopped?: () => boolean;
  /** AIR runs only: the artifacts and devices whose AIR history expectations ask about (known at load). */
  readonly airWatch?: AirWatch;
}

/** What the loop returns when it ran to the end: the model at the last event and the policy state. */
export interface LoopEnd {
  readonly model: FleetModel;
  readonly policy: PolicyState;
  /** AIR's answers and records, when the tenant turns AIR on (contract §5.4). */
  readonly air?: AirResult;
}

/**
 * Runs a simulation as a plain loop: a fresh model, the merged event stream, and for each event the
 * model's clock moved to its `at`, then the change applied or the artifact decided. `simulate$` wraps
 * the same loop in an Observable (the public streaming model); the counting and streaming runs call it
 * directly, so no per-artifact observable machinery runs (issue 13). Returns undefined when stopped early.
 *
 * @example
 * runEvents(input, { verdict: (v) => console.log(v.artifact, v.outcome), change: () => {} });
 */
export function runEvents(input: SimulationInput, sinks: EventSinks): LoopEnd | undefined {
  const model = createFleetModel({ tenant: input.tenant, devices: input.devices, settings: input.settings });
  const policy = createPolicyState(input);
  const contexts = createContextCache(model, policy, input.settings, input.startMs, sinks.rows);
  const indexOf = (name: string): number | undefined => model.indexOf(name);
  const { verdict, change, stopped } = sinks;
  // Undefined unless the scenario opts in: a v1 run pays one comparison per event.
  const air = createAirRun(input, model, policy, sinks.airWatch);
  const counted = air === undefined ? sinks.code : undefined;
  const source = simEvents(input, indexOf)[Symbol.iterator]();
  // A counting run that nothing can stop early takes a lone generator's artifacts device by device when no verdict
  // depends on the order (countingPuller); otherwise in time order, a lone generator without an IteratorResult per
  // artifact (pullerOf).
  const items = counted !== undefined && stopped === undefined ? countingPuller(source, model) : pullerOf(source);
  // In time order the merge reads each device's row a few artifacts ahead, with the other devices of its slot.
  if (items instanceof DeviceMerge && sinks.rows !== undefined) items.readAhead(sinks.rows, ROW_SLOTS, CONTEXT_SLOT);
  for (;;) {
    const item = items.pull();
    if (item === undefined) break;
    if (air !== undefined) air.before(item.at);
    model.advanceTo(item.at);
    if (isChange(item)) change(applyChange(model, policy, item.change, item.at));
    else {
      // Generated artifacts carry their fleet index; a written one (a few per run) is looked up by name.
      const index = item.deviceIndex ?? -1;
      const deviceIndex = index >= 0 ? index : (model.indexOf(item.device) ?? -1);
      // A fleet device's context by its index alone: its name is not read.
      const ctx = deviceIndex >= 0 ? contexts.at(deviceIndex) : contexts.get(item.device);
      if (counted !== undefined) counted(decideToCode(ctx, item), deviceIndex, item);
      else {
        const decided = decide(ctx, item);
        if (air !== undefined) air.verdict(decided);
        verdict(decided, deviceIndex);
      }
    }
    if (stopped !== undefined && stopped()) {
      source.return?.(); // as a for-of would on leaving early: a merged stream's generator is closed
      return undefined;
    }
  }
  if (air === undefined) return { model, policy };
  // The end of the run is its last timeline event, actions included (contract §3).
  const last = input.timeline.length === 0 ? 0 : input.timeline[input.timeline.length - 1]!.at;
  return { model, policy, air: air.finish(Math.max(model.now(), last)) };
}

/**
 * How a counting run reads its events: device by device (`DeviceMerge.byDevice`) when they are one generator's
 * artifacts alone and the model has nothing due (`nextDueAt()` undefined), else in time order (`pullerOf`). Device by
 * device is exact there, by the argument that makes the bench's shards exact: with no timeline change and nothing due,
 * every device's state and the policy are the same at every instant, a decision reads only its own device's context,
 * the artifact and its time (indicator expiry), and every memo on the way is exact whatever the order it fills in.
 * Counts are sums, and the devices come in the order of their first artifact, so a tally's `byDevice` lists them as
 * a run in time order does. The model's clock still ends at the last artifact's time: `advanceTo` ignores earlier
 * times. The one home of that rule for `runEvents` and the bench's shard counter (bench/shard-pipeline.ts).
 *
 * @example
 * const items = countingPuller(simEvents(input, indexOf)[Symbol.iterator](), model);
 */
export function countingPuller<T>(source: Iterator<T>, model: Pick<FleetModel, 'nextDueAt'>): Puller<T> {
  // A merge's items are its iterator's: `Iterator<T>` narrowed to a merge yields T.
  if (source instanceof DeviceMerge && model.nextDueAt() === undefined) return source.byDevice() as unknown as Puller<T>;
  return pullerOf(source);
}

function applyChange(model: FleetModel, policy: PolicyState, change: ChangeSpec, at: number): ChangeRecord {
  // The model reads the tenant, device and `by` parts; RBAC refuses the whole change, policy included (§3.2).
  const result = model.applyChange(change, at);
  if (result.status === 'applied') policy.apply(change);
  return {
    at,
    ...(change.by === undefined ? {} : { by: change.by.user, role: change.by.role }),
    status: result.status,
    reasons: result.reasons.length > 0 || result.status === 'refused' ? result.reasons : [REASONS.changeApplied],
  };
}
