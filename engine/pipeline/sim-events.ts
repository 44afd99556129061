/** The run's single ordered stream: timeline events merged lazily with every generator's artifacts. */
import { withKey } from '../policy/artifact-key.ts';
import type { Artifact } from '../core/artifact.ts';
import type { OsName } from '../core/vocabulary.ts';
import { withDeviceOs } from '../core/generate-spec.ts';
import { mergeSorted } from './merge-sorted.ts';
import type { SimulationInput, TimelineEvent } from './sim-input.ts';
import { generateArtifacts } from './synth/index.ts';

/** A timeline change as the loader made it: no second type for the same event downstream. */
export type ChangeEvent = Extract<TimelineEvent, { readonly kind: 'change' }>;

/** Written and generated artifacts flow as the one `Artifact` type, changes as their timeline event. */
export type SimItem = Artifact | ChangeEvent;

// Same-instant ties go to the lower source, and the timeline is source 0: generated artifacts come after
// timeline events at the same instant, since the state at t includes every event with at ≤ t (contract §3),
// and timeline events keep their file order because the timeline arrives sorted by `at`, then `order`.
const timeOf = (item: SimItem): number => item.at;

/** True when the item is a timeline change rather than an artifact (written or generated). */
export function isChangeEvent(item: SimItem): item is ChangeEvent {
  return 'change' in item;
}

/**
 * Builds the merged, time-ordered stream of a simulation. Lazy: generators are pulled one artifact at a
 * time, so the stream's length never sits in memory. With `indexOf` (the `FleetModel.indexOf` of a model made from
 * `input.devices`, whose index is a device's position in that list), generated artifacts carry their device's fleet
 * index as `deviceIndex`.
 *
 * @example
 * for (const item of simEvents(input)) if (!isChangeEvent(item)) console.log(item.id);
 */
export function simEvents(
  input: Pick<SimulationInput, 'timeline' | 'seed' | 'devices'>,
  indexOf?: (device: string) => number | undefined,
): Iterable<SimItem> {
  const timeline: SimItem[] = [];
  const generators: Iterable<SimItem>[] = [];
  let osOf: Map<string, OsName> | undefined;
  for (const event of input.timeline) {
    // Actions are AIR's, never the layers': the AIR runner queues them itself (engine/pipeline/air-run.ts).
    if (event.kind === 'action') continue;
    if (event.kind !== 'generate') {
      // Issue 13 #1: a written artifact gets its matchers' key here, once per run, not once per decision.
      timeline.push(event.kind === 'change' ? event : withKey(event.artifact));
      continue;
    }
    // Server devices get server workloads (SQL data, IIS, backups) from the generator's catalog.
    const names = event.generate.devices;
    const os = new Array<OsName>(names.length);
    let deviceIndexes: number[] | undefined;
    if (indexOf === undefined) {
      // Built last to first, so a repeated name (which the loader refuses) maps to its first device, as the model's does.
      osOf ??= new Map(input.devices.map((device) => [device.name, device.os] as const).reverse());
      for (let i = 0; i < names.length; i++) os[i] = osOf.get(names[i]!) ?? 'windows-11';
    } else {
      // Each artifact carries its device's fleet index: one name lookup per device, not per artifact, which also finds
      // its OS (the index is the device's position in `input.devices`), so no map of names to OS is built. At 10^6
      // devices that map and its entry pairs were ≈ 0.5 µs a device of the run's set-up (issue 13, twelfth pass).
      deviceIndexes = new Array<number>(names.length);
      for (let i = 0; i < names.length; i++) {
        const index = indexOf(names[i]!) ?? -1;
        deviceIndexes[i] = index;
        os[i] = index >= 0 ? (input.devices[index]?.os ?? 'windows-11') : 'windows-11';
      }
    }
    generators.push(generateArtifacts(withDeviceOs(event.generate, os), { seed: input.seed, deviceIndexes }));
  }
  // A lone generator is already sorted: merging it would only add a heap step per artifact.
  if (timeline.length === 0 && generators.length === 1) return generators[0] as Iterable<SimItem>;
  return mergeSorted<SimItem>([timeline, ...generators], timeOf);
}
