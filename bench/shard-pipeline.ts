/** One worker's share of a run: its devices' artifacts only, through the same stages `runEvents` runs. */
import type { Artifact } from '../engine/core/artifact.ts';
import type { DeviceConfig } from '../engine/core/config.ts';
import { createFleetModel, type FleetModel } from '../engine/model/index.ts';
import { createContextCache } from '../engine/pipeline/context-cache.ts';
import { decideCode } from '../engine/pipeline/decide-artifact.ts';
import { createPolicyState, type PolicyState } from '../engine/pipeline/policy-state.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import { generateArtifactsFor } from '../engine/pipeline/synth/index.ts';
import { countingPuller } from '../engine/pipeline/run-events.ts';
import { CountTally } from '../engine/pipeline/count-tally.ts';
import { deviceRows } from '../engine/pipeline/device-rows.ts';
import { emptyCounts, type Counts } from '../engine/pipeline/counts.ts';
import { generateSpecOf } from './stream-stage.ts';

/** Which slice of the fleet a worker owns: device i belongs to shard `i % of`. */
export interface Shard {
  readonly index: number;
  readonly of: number;
}

/**
 * Device indexes of a shard, interleaved so every shard gets the same mix of laptops and servers.
 *
 * @example
 * [...shardDevices(5, { index: 1, of: 2 })]; // [1, 3]
 */
export function* shardDevices(deviceCount: number, shard: Shard): Generator<number> {
  for (let i = shard.index; i < deviceCount; i += shard.of) yield i;
}

/** Hands out the next slice of the fleet to count, or undefined once every slice is taken. */
export type ShardSource = () => Shard | undefined;

/**
 * Counts the shard's verdicts: `countShards` with one slice.
 *
 * @example
 * countShard(input, { index: 0, of: 1 }); // same counts as countSimulation(input).counts
 */
export function countShard(input: SimulationInput, shard: Shard): Counts {
  let given = false;
  return countShards(input, () => (given ? undefined : ((given = true), shard))).counts;
}

/**
 * Counts every slice `next` hands out, one after the other, and merges their counts. The stages are `runEvents`'s
 * for a generate-only timeline: `model.advanceTo` on a model of the slice's devices only, the context cache by fleet
 * index, `decideCode`, the `CountTally`, the cache and the tally sharing one row per device. The generator's subset
 * function yields exactly the full stream filtered to the slice's devices, taken device by device as a counting run
 * takes them (`countingPuller`), so the slices' merged counts, whoever took them, equal `countSimulation`'s: the
 * benchmark checks it. The policy state (compiled lists and their memos) is made once for all the slices, as a single
 * run makes it once: a slice of its own paid 16–21 ms of first sightings again.
 *
 * @example
 * let next = 0;
 * countShards(input, () => (next < 4 ? { index: next++, of: 4 } : undefined)).counts; // countSimulation's counts
 */
export function countShards(input: SimulationInput, next: ShardSource): { readonly counts: Counts; readonly slices: number } {
  const spec = generateSpecOf(input);
  const configOf = new Map(input.devices.map((device) => [device.name, device]));
  const policy = createPolicyState(input);
  // Each spec device's index in its slice's model. A slice's merge reads only its own devices' entries, so one array
  // serves every slice: an array per slice would cost O(fleet) each.
  const deviceIndexes = new Int32Array(spec.devices.length).fill(-1);
  const parts: Counts[] = [];
  for (let shard = next(); shard !== undefined; shard = next()) {
    const mine = [...shardDevices(spec.devices.length, shard)];
    // The slice models and compiles only its own devices: devices never read each other's state, so the
    // slice's verdicts are the full run's for those devices, and a fleet's set-up splits over the workers too.
    const devices = mine.flatMap((index) => configOf.get(spec.devices[index]!) ?? []);
    const model = createFleetModel({ tenant: input.tenant, devices, settings: input.settings });
    for (const index of mine) deviceIndexes[index] = model.indexOf(spec.devices[index]!) ?? -1;
    parts.push(countSlice(input, model, policy, devices, generateArtifactsFor(spec, mine, { seed: input.seed, deviceIndexes })));
  }
  return { counts: mergeCounts(parts), slices: parts.length };
}

function countSlice(
  input: SimulationInput,
  model: FleetModel,
  policy: PolicyState,
  devices: readonly DeviceConfig[],
  stream: Iterable<Artifact>,
): Counts {
  // One row per device for the tally's counts and the context cache's check, shared as countSimulation shares them.
  const rows = deviceRows(devices.length);
  const contexts = createContextCache(model, policy, input.settings, input.startMs, rows);
  // Names by this model's index, read only when byDevice is, as countSimulation's tally does.
  const tally = new CountTally(devices.length, rows, (index) => devices[index]!.name);
  // Pulled as runEvents pulls a counting run's lone generator, device by device when the model has nothing due
  // (countingPuller); a for-of made one 40-byte IteratorResult per artifact (issue 13, ninth pass).
  const artifacts = countingPuller(stream[Symbol.iterator](), model);
  for (;;) {
    const artifact = artifacts.pull();
    if (artifact === undefined) break;
    model.advanceTo(artifact.at);
    const index = artifact.deviceIndex ?? -1;
    // By index alone, as runEvents does: a generated artifact's name is not read while counting.
    const ctx = index >= 0 ? contexts.at(index) : contexts.get(artifact.device);
    tally.count(decideCode(ctx, artifact), index, artifact);
  }
  return tally.counts();
}

/**
 * Adds shard counts into one: every number summed, per-device rows united (shards own distinct devices).
 *
 * @example
 * mergeCounts([countShard(input, { index: 0, of: 2 }), countShard(input, { index: 1, of: 2 })]);
 */
export function mergeCounts(parts: readonly Counts[]): Counts {
  const total = emptyCounts();
  for (const part of parts) {
    addInto(total as unknown as Tree, part as unknown as Tree);
    for (const [device, row] of part.byDevice) total.byDevice.set(device, { ...row });
  }
  return total;
}

type Tree = { [key: string]: number | Tree | Map<string, unknown> };

function addInto(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    if (value instanceof Map) continue;
    if (typeof value === 'number') target[key] = ((target[key] as number | undefined) ?? 0) + value;
    else addInto((target[key] ??= {}) as Tree, value);
  }
}

/**
 * A canonical text of counts (devices sorted), so two runs compare with `===`.
 *
 * @example
 * countsDigest(merged) === countsDigest(single); // true when sharding changed nothing
 */
export function countsDigest(counts: Counts): string {
  const devices = [...counts.byDevice].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ ...counts, byDevice: devices });
}
