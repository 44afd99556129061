/** The run's single ordered stream: timeline events merged lazily with every generator's artifacts. */
import type { Artifact } from '../core/artifact.ts';
import type { OsName } from '../core/vocabulary.ts';
import { mergeSorted } from './merge-sorted.ts';
import type { ChangeSpec, SimulationInput } from './sim-input.ts';
import { generateArtifacts } from './synth/index.ts';

/** A change, or an artifact written in the timeline (wrapped to keep its file order). */
export type TimelineItem =
  | { readonly type: 'change'; readonly at: number; readonly order: number; readonly change: ChangeSpec }
  | { readonly type: 'artifact'; readonly at: number; readonly order: number; readonly artifact: Artifact };

/** Generated artifacts flow unwrapped, so the hot path allocates nothing to carry them. */
export type SimItem = Artifact | TimelineItem;

// Generated artifacts come after timeline events at the same instant: the state at t includes every
// event with at ≤ t (contract §3), and timeline events keep their file order among themselves.
const AFTER_TIMELINE = Number.MAX_SAFE_INTEGER;
const orderOf = (item: SimItem): number => ('type' in item ? item.order : AFTER_TIMELINE);
const byTime = (a: SimItem, b: SimItem): number => a.at - b.at || orderOf(a) - orderOf(b);

/** True when the item is a timeline change or timeline artifact rather than a generated artifact. */
export function isTimelineItem(item: SimItem): item is TimelineItem {
  return 'type' in item;
}

/**
 * Builds the merged, time-ordered stream of a simulation. Lazy: generators are pulled one artifact at a
 * time, so the stream's length never sits in memory.
 *
 * @example
 * for (const item of simEvents(input)) if (!isTimelineItem(item)) console.log(item.id);
 */
export function simEvents(input: Pick<SimulationInput, 'timeline' | 'seed' | 'devices'>): Iterable<SimItem> {
  const timeline: TimelineItem[] = [];
  const generators: Iterable<SimItem>[] = [];
  let osOf: Map<string, OsName> | undefined;
  for (const event of input.timeline) {
    if (event.kind !== 'generate') {
      timeline.push(
        event.kind === 'change'
          ? { type: 'change', at: event.at, order: event.order, change: event.change }
          : { type: 'artifact', at: event.at, order: event.order, artifact: event.artifact },
      );
      continue;
    }
    // Server devices get server workloads (SQL data, IIS, backups) from the generator's catalog.
    osOf ??= new Map(input.devices.map((device) => [device.name, device.os]));
    const os = event.generate.devices.map((name) => osOf!.get(name) ?? 'windows-11');
    generators.push(generateArtifacts({ ...event.generate, os }, { seed: input.seed }));
  }
  // A lone generator is already sorted: merging it would only add a heap step per artifact.
  if (timeline.length === 0 && generators.length === 1) return generators[0] as Iterable<SimItem>;
  return mergeSorted<SimItem>([timeline, ...generators], byTime);
}
