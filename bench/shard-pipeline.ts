/** One worker's share of a run: its devices' artifacts only, through the same stages `runEvents` runs. */
import { createFleetModel } from '../engine/model/index.ts';
import { createContextCache } from '../engine/pipeline/context-cache.ts';
import { decideCode } from '../engine/pipeline/decide-artifact.ts';
import { createPolicyState } from '../engine/pipeline/policy-state.ts';
import type { SimulationInput } from '../engine/pipeline/sim-input.ts';
import { generateArtifactsFor } from '../engine/pipeline/synth/index.ts';
import { pullerOf } from '../engine/pipeline/synth/device-merge.ts';
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

/**
 * Counts the shard's verdicts. The stages are `runEvents`'s for a generate-only timeline: `model.advanceTo`
 * on a model of the shard's devices only, the context cache by fleet index, `decideCode`, the
 * `CountTally`, the cache and the tally sharing one row per device. The generator's subset function yields
 * exactly the full stream filtered to the shard's devices, so the shards' merged counts must equal
 * `countSimulation` — the benchmark checks it.
 *
 * @example
 * countShard(input, { index: 0, of: 1 }); // same counts as countSimulation(input).counts
 */
export function countShard(input: SimulationInput, shard: Shard): Counts {
  const spec = generateSpecOf(input);
  const mine = [...shardDevices(spec.devices.length, shard)];
  // The worker models and compiles only its own devices: devices never read each other's state, so the
  // shard's verdicts are the full run's for those devices, and a fleet's set-up splits over the workers too.
  const names = new Set(mine.map((index) => spec.devices[index]));
  const devices = input.devices.filter((device) => names.has(device.name));
  const model = createFleetModel({ tenant: input.tenant, devices, settings: input.settings });
  const policy = createPolicyState(input);
  // One row per device for the tally's counts and the context cache's check, shared as countSimulation shares them.
  const rows = deviceRows(devices.length);
  const contexts = createContextCache(model, policy, input.settings, input.startMs, rows);
  // Artifacts carry their device's index in this worker's model, as simEvents gives them in a full run.
  const deviceIndexes = spec.devices.map((name) => model.indexOf(name) ?? -1);
  // Names by this model's index, read only when byDevice is, as countSimulation's tally does.
  const tally = new CountTally(devices.length, rows, (index) => devices[index]!.name);
  // Pulled as runEvents pulls a lone generator: a for-of made one 40-byte IteratorResult per artifact (issue 13, ninth
  // pass: countShard allocated ≈ 40 B per artifact more than countSimulation).
  const artifacts = pullerOf(generateArtifactsFor(spec, mine, { seed: input.seed, deviceIndexes })[Symbol.iterator]());
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
