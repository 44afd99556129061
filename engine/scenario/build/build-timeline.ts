/** Builds the timeline: artifacts with their ground truth filled in, changes as patches, generators resolved; sorted by time. */
import type { Artifact, Signals, WrittenPaths } from '../../core/artifact.ts';
import { canonicalPath } from '../../core/canonical-path.ts';
import { MAX_AIR_ARTIFACTS } from '../../core/fleet-limits.ts';
import type { Issue } from '../../core/issue.ts';
import type { DevicePatch, ExclusionLists, TenantPatch } from '../../core/config.ts';
import type { ActionInput } from '../schema/action-schema.ts';
import type { ArtifactInput } from '../schema/artifact-schema.ts';
import { defined } from './build-devices.ts';
import type { ChangeInput } from '../schema/change-schema.ts';
import { DEFAULT_DETECTION, DEFAULT_MIX, DEFAULT_WINDOW } from '../../core/generate-spec.ts';
import type { GenerateInput } from '../schema/generate-schema.ts';
import type { ActionSpec, ChangeSpec, GenerateSpec, TimelineEvent } from '../scenario.ts';

/** A parsed timeline item: its kind, time (ms), file position, input and resolved imports. */
export type EventEntry =
  | { readonly kind: 'artifact'; readonly at: number; readonly order: number; readonly input: ArtifactInput }
  | {
      readonly kind: 'change';
      readonly at: number;
      readonly order: number;
      readonly input: ChangeInput;
      readonly exclusions?: Partial<ExclusionLists>;
      readonly indicators?: readonly unknown[];
    }
  | {
      readonly kind: 'generate';
      readonly at: number;
      readonly order: number;
      readonly input: GenerateInput;
      readonly id: string;
    }
  | { readonly kind: 'action'; readonly at: number; readonly order: number; readonly input: ActionInput };

/**
 * The artifact a timeline item describes. Unset signals are `detect` for malicious and PUA artifacts and
 * `miss` for benign ones; `trigger` defaults to `behavior` for kind behavior and `on-access` otherwise;
 * `scanType` defaults to `full` for scan triggers and stays unset for the others. `path` and `process`
 * are canonicalised once here, as Windows hands them to Defender (contract §5.1, [inference]); what
 * the scenario wrote is kept in `written` when that changed it.
 *
 * @example
 * toArtifact({ id: 'a1', device: 'ws-01', path: 'C:\\x.exe' }, 0).signals; // { primaryAv: true, mdav: true, edr: true }
 */
export function toArtifact(input: ArtifactInput, at: number): Artifact {
  const artifactClass = input.class ?? 'malicious';
  const kind = input.kind ?? 'file';
  const flagged = artifactClass !== 'benign';
  const signal = (word: 'detect' | 'miss' | undefined): boolean => (word === undefined ? flagged : word === 'detect');
  const signals: Signals = {
    primaryAv: signal(input.signals?.primaryAv),
    mdav: signal(input.signals?.mdav),
    edr: signal(input.signals?.edr),
  };
  const trigger = input.trigger ?? (kind === 'behavior' ? 'behavior' : 'on-access');
  const scan = trigger === 'scheduled-scan' || trigger === 'on-demand-scan';
  const { signals: _signals, class: _class, ...rest } = input;
  const path = canonicalPath(input.path);
  const process = input.process === undefined ? undefined : canonicalPath(input.process);
  const written: WrittenPaths | undefined =
    path === input.path && process === input.process
      ? undefined
      : {
          ...(path === input.path ? {} : { path: input.path }),
          ...(process === input.process ? {} : { process: input.process }),
        };
  return {
    ...defined(rest),
    id: input.id,
    device: input.device,
    path,
    ...(process === undefined ? {} : { process }),
    ...(written === undefined ? {} : { written }),
    at,
    class: artifactClass,
    kind,
    trigger,
    scanType: input.scanType ?? (scan ? 'full' : undefined),
    signals,
  } as Artifact;
}

function toChange(
  input: ChangeInput,
  exclusions: Partial<ExclusionLists> | undefined,
  indicators: readonly unknown[] | undefined,
): ChangeSpec {
  const tenant: TenantPatch | undefined =
    input.tenant === undefined
      ? undefined
      : {
          ...defined(input.tenant),
          propagation: input.tenant.propagation === undefined ? undefined : defined(input.tenant.propagation),
        };
  const devices =
    input.devices === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(input.devices).map(([name, patch]): [string, DevicePatch] => {
            const { mdav, exclusions: lists, ...rest } = patch;
            return [
              name,
              { ...defined(rest), ...(mdav ? { mdav: defined(mdav) } : {}), ...(lists ? { exclusions: defined(lists) } : {}) },
            ];
          }),
        );
  return defined({
    tenant: tenant && (defined(tenant) as TenantPatch),
    devices,
    exclusions,
    indicators,
    by: input.by,
  }) as ChangeSpec;
}

function toGenerate(input: GenerateInput, id: string, at: number, allDevices: readonly string[]): GenerateSpec {
  const mix =
    input.mix === undefined
      ? DEFAULT_MIX
      : { malicious: input.mix.malicious ?? 0, pua: input.mix.pua ?? 0, benign: input.mix.benign ?? 0 };
  return {
    id,
    at,
    count: input.count,
    devices: input.devices === undefined || input.devices === 'all' ? allDevices : input.devices,
    window: input.window ?? DEFAULT_WINDOW,
    mix: { ...mix },
    detection: { ...DEFAULT_DETECTION, ...defined(input.detection ?? {}) },
  };
}

/**
 * Timeline events sorted by `at`; events at the same `at` keep file order (§3: they apply in file order).
 *
 * @example
 * buildTimeline(entries, ['ws-01']).map((event) => event.kind); // ['artifact', 'change']
 */
export function buildTimeline(entries: readonly EventEntry[], allDevices: readonly string[]): TimelineEvent[] {
  const events = entries.map((entry): TimelineEvent => {
    const { at, order } = entry;
    if (entry.kind === 'artifact') return { kind: 'artifact', at, order, artifact: toArtifact(entry.input, at) };
    if (entry.kind === 'change')
      return { kind: 'change', at, order, change: toChange(entry.input, entry.exclusions, entry.indicators) };
    if (entry.kind === 'action') {
      const { at: _at, ...action } = entry.input;
      return { kind: 'action', at, order, action: defined(action) as ActionSpec };
    }
    return { kind: 'generate', at, order, generate: toGenerate(entry.input, entry.id, at, allDevices) };
  });
  return events.sort((a, b) => a.at - b.at || a.order - b.order);
}

const artifactsOf = (event: TimelineEvent) =>
  event.kind === 'generate' ? event.generate.count : event.kind === 'artifact' ? 1 : 0;

/**
 * The issue when a scenario with AIR on makes more than {@link MAX_AIR_ARTIFACTS} artifacts, placed at the
 * `generate` count (or the artifact) that crosses the limit; empty within it.
 *
 * @example
 * tooManyAirArtifacts(buildTimeline(entries, names))[0]?.code; // 'too_many_air_artifacts' past 200,000 artifacts
 */
export function tooManyAirArtifacts(timeline: readonly TimelineEvent[]): Issue[] {
  let total = 0;
  for (const event of timeline) {
    total += artifactsOf(event);
    if (total <= MAX_AIR_ARTIFACTS) continue;
    const all = timeline.reduce((sum, item) => sum + artifactsOf(item), 0);
    return [
      {
        code: 'too_many_air_artifacts',
        path: event.kind === 'generate' ? ['timeline', event.order, 'generate', 'count'] : ['timeline', event.order],
        message: `with AIR on, the scenario makes ${all} artifacts, more than the ${MAX_AIR_ARTIFACTS} an AIR run keeps for its report`,
        expected: `at most ${MAX_AIR_ARTIFACTS} artifacts while AIR is on`,
        received: `${all} artifacts`,
        hint: 'lower the generate counts (AIR decides the same on a few thousand), or turn AIR off for a throughput run',
      },
    ];
  }
  return [];
}
