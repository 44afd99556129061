/** Random fleets cloned from a few templates (so devices share contexts), with device groups and mid-run changes that split them. */
import fc from 'fast-check';
import { DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT, type DeviceGroupConfig, type DevicePatch } from '../../engine/core/config.ts';
import type { ChangeSpec, SimulationInput, TimelineEvent } from '../../engine/pipeline/sim-input.ts';
import { exclusionsArb, HASHES, simulationArb } from './simulation.arb.ts';

const TAGS = ['finance', 'lab'] as const;
/** A contextual path entry over the artifact pool's tools folder: active only on platforms that support it. */
const CONTEXTUAL = 'C:\\Tools\\:{ScanTrigger:OnAccess}';

/** Groups by OS, by name prefix and by tag: membership differs between devices of one template. */
const groupsArb: fc.Arbitrary<DeviceGroupConfig[]> = fc.subarray([
  { name: 'Servers', rank: 1, match: { os: ['server-2022', 'server-2019', 'server-2016', 'server-2012-r2'] } },
  { name: 'Clones', rank: 2, match: { names: ['dev-1*'] } },
  { name: 'Finance', rank: 3, match: { tags: ['finance'] } },
] as DeviceGroupConfig[]);

/** Indicators scoped to a group (or to all), so a device's group changes its verdicts. */
const scopedIndicatorsArb = fc.array(
  fc.record({
    type: fc.constant('FileSha256'),
    value: fc.constantFrom(...HASHES),
    action: fc.constantFrom('Allowed', 'Block', 'BlockAndRemediate', 'Audit', 'Warn'),
    title: fc.constant('t'),
    description: fc.constant('d'),
    groups: fc.subarray(['Servers', 'Clones', 'Finance']),
  }),
  { maxLength: 4 },
);

/** One device's patch: its mode inputs, its versions, its own exclusions or its tags. */
const devicePatchArb: fc.Arbitrary<DevicePatch> = fc.oneof(
  fc.record({ onboarded: fc.boolean() }),
  fc.record({ primaryAv: fc.constantFrom('defender' as const, 'non-microsoft' as const) }),
  fc.record({ forceDefenderPassiveMode: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ groupPolicyEdrBlockMode: fc.boolean() }),
  fc.record({ mdav: fc.record({ platform: fc.constantFrom('4.18.24090.11', '4.18.2001.9'), cloudProtection: fc.boolean() }) }),
  fc.record({ exclusions: exclusionsArb }),
  fc.record({ tags: fc.subarray([...TAGS]) }),
);

/** A change at a minute: one device patched, the tenant switched, or the policy replaced. */
const changeArb = (names: readonly string[]): fc.Arbitrary<ChangeSpec> =>
  fc.oneof(
    fc.record({ devices: fc.record({ [names[0] as string]: devicePatchArb }) }),
    fc.constantFrom(...names).chain((name) => devicePatchArb.map((patch) => ({ devices: { [name]: patch } }))),
    fc.record({ tenant: fc.record({ edrBlockMode: fc.boolean(), allowOrBlockFile: fc.boolean() }) }),
    fc.record({ tenant: fc.record({ deviceGroups: groupsArb }) }),
    fc.record({ exclusions: exclusionsArb }),
    fc.record({ indicators: scopedIndicatorsArb }),
  );

/**
 * A simulation whose 2–8 devices are clones of the base simulation's 1–3 devices (names differ, tags and
 * own exclusions sometimes), with device groups, group-scoped indicators and up to 4 changes mid-run.
 */
export const sharedFleetArb: fc.Arbitrary<SimulationInput> = simulationArb.chain((base) => {
  const count = fc.integer({ min: 2, max: 8 });
  return count.chain((size) => {
    const names = Array.from({ length: size }, (_, i) => `dev-${i + 1}`);
    return fc
      .record({
        templates: fc.array(fc.nat({ max: base.devices.length - 1 }), { minLength: size, maxLength: size }),
        tags: fc.array(fc.subarray([...TAGS]), { minLength: size, maxLength: size }),
        own: fc.array(fc.option(exclusionsArb, { nil: undefined, freq: 4 }), { minLength: size, maxLength: size }),
        groups: groupsArb,
        indicators: scopedIndicatorsArb,
        artifacts: fc.array(fc.tuple(fc.constantFrom(...names), fc.nat({ max: base.timeline.length + 3 })), { maxLength: 30 }),
        changes: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), changeArb(names)), { maxLength: 4 }),
        contextual: fc.boolean(),
        platforms: fc.array(fc.option(fc.constantFrom('4.18.24090.11', '4.18.2001.9'), { nil: undefined }), {
          minLength: size,
          maxLength: size,
        }),
      })
      .map(({ templates, tags, own, groups, indicators, artifacts, changes, contextual, platforms }) => {
        const devices = names.map((name, i) => ({
          ...base.devices[templates[i] as number]!,
          // Clones that differ only in their platform: contextual exclusions apply on one and not the other.
          ...(platforms[i] === undefined
            ? {}
            : { mdav: { ...base.devices[templates[i] as number]!.mdav, platform: platforms[i] as string } }),
          name,
          tags: tags[i] as string[],
          ...(own[i] === undefined ? {} : { exclusions: own[i] }),
        }));
        const pool = base.timeline.flatMap((event) => (event.kind === 'artifact' ? [event.artifact] : []));
        const timeline: TimelineEvent[] = [];
        artifacts.forEach(([device, pick], i) => {
          const template = pool[pick % Math.max(1, pool.length)];
          if (template === undefined) return;
          timeline.push({
            kind: 'artifact',
            at: template.at,
            order: timeline.length,
            artifact: { ...template, id: `x${i}`, device },
          });
        });
        for (const [minute, change] of changes)
          timeline.push({ kind: 'change', at: minute * 60_000, order: timeline.length, change });
        timeline.sort((a, b) => a.at - b.at || a.order - b.order);
        return {
          ...base,
          settings: DEFAULT_CONFLICT_SETTINGS,
          tenant: { ...DEFAULT_TENANT, ...base.tenant, deviceGroups: groups },
          // A contextual entry applies only from platform 4.18.2205.7 (#45): devices of the two platforms differ.
          exclusions: contextual ? { ...base.exclusions, paths: [...base.exclusions.paths, CONTEXTUAL] } : base.exclusions,
          devices,
          indicators,
          timeline,
        };
      });
  });
});
