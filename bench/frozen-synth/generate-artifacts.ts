// FROZEN (issue 13): a verbatim copy of engine/pipeline/synth/generate-artifacts.ts at e2b9e62, part of the G baseline; never optimise or update it (see bench/frozen-generator.ts).
/** The generator's entry points: all devices, a shard of devices, or one device, each a lazy iterable. */
import type { Artifact } from './frozen-artifact.ts';
import { DeviceMerge } from './device-merge.ts';
import { deviceIterable } from './device-stream.ts';
import type { GenerateOptions, GenerateSpec } from './generate-spec.ts';
import { planGenerator } from './synth-plan.ts';

/**
 * The artifacts of a `generate:` event, sorted by `at` (ties: device index, then sequence), produced
 * lazily: 10^8 artifacts flow in memory proportional to the device count, never to `count`. Each
 * iteration starts over and yields the same artifacts. Validate with `validateGenerateSpec` first: a spec
 * with an invalid count, at, window, mix or detection throws a RangeError (it never yields nothing).
 *
 * @example
 * const spec = { id: 'gen-1', at: 0, count: 1000, devices: ['ws-01', 'ws-02'], window: 3_600_000,
 *   mix: { malicious: 0.05, pua: 0.02, benign: 0.93 }, detection: { primaryAv: 0.9, mdav: 0.95, edr: 0.8 } };
 * for (const artifact of generateArtifacts(spec, { seed: 7 })) console.log(artifact.id); // gen-1-ws-01-0, …
 */
export function generateArtifacts(spec: GenerateSpec, options: GenerateOptions): Iterable<Artifact> {
  const plan = planGenerator(spec, options);
  return { [Symbol.iterator]: () => new DeviceMerge(plan, indexRange(spec.devices.length)) };
}

/**
 * The artifacts of the devices at `deviceIndexes` only, in the same order: exactly the full stream
 * filtered to those devices, so workers can each take a shard. Indexes outside the device list, not
 * integers, or repeated are ignored.
 *
 * @example
 * generateArtifactsFor(spec, [0, 2], { seed: 7 }); // ws-01's and ws-03's artifacts, merged by time
 */
export function generateArtifactsFor(
  spec: GenerateSpec,
  deviceIndexes: Iterable<number>,
  options: GenerateOptions,
): Iterable<Artifact> {
  const plan = planGenerator(spec, options);
  return { [Symbol.iterator]: () => new DeviceMerge(plan, deviceIndexes) };
}

/**
 * The artifacts of one device, in sequence (and time) order; empty for an index outside the list.
 *
 * @example
 * [...generateDeviceArtifacts(spec, 1, { seed: 7 })].length; // 500 for count 1000 over 2 devices
 */
export function generateDeviceArtifacts(spec: GenerateSpec, deviceIndex: number, options: GenerateOptions): Iterable<Artifact> {
  return deviceIterable(planGenerator(spec, options), deviceIndex);
}

function* indexRange(length: number): Generator<number> {
  for (let i = 0; i < length; i++) yield i;
}
