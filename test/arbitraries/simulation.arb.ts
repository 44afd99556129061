/** Random tenants, fleets, policies and artifact streams for the pipeline's laws. */
import fc from 'fast-check';
import type { Artifact } from '../../engine/core/artifact.ts';
import {
  DEFAULT_CONFLICT_SETTINGS,
  DEFAULT_TENANT,
  deviceWithDefaults,
  type DeviceConfig,
  type ExclusionLists,
} from '../../engine/core/config.ts';
import { OS_NAMES, TRIGGERS } from '../../engine/core/vocabulary.ts';
import type { SimulationInput, TimelineEvent } from '../../engine/pipeline/sim-input.ts';

/** A small pool, so exclusions and indicators often hit the artifacts. */
export const PATHS = [
  'C:\\Users\\bob\\AppData\\Local\\Temp\\x.exe',
  'C:\\Users\\alice\\Downloads\\invoice.exe',
  'C:\\Tools\\build\\make.exe',
  'D:\\SQLData\\db.mdf',
  'C:\\ProgramData\\Contoso\\agent.dll',
] as const;
export const PROCESSES = [
  'C:\\Windows\\explorer.exe',
  'C:\\Program Files\\Backup\\agent.exe',
  'C:\\Tools\\launcher.exe',
] as const;
export const HASHES = ['a1'.repeat(32), 'b2'.repeat(32), 'c3'.repeat(32)] as const;
const EXCLUSION_POOL: ExclusionLists = {
  paths: ['C:\\Users\\*\\AppData\\Local\\Temp', 'C:\\Tools\\', 'D:\\SQLData\\*.mdf', '%ALLUSERSPROFILE%\\Contoso'],
  extensions: ['dll', '.mdf'],
  processes: ['C:\\Program Files\\Backup\\agent.exe', 'launcher.exe'],
};

const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

export const exclusionsArb: fc.Arbitrary<ExclusionLists> = fc.record({
  paths: subset(EXCLUSION_POOL.paths),
  extensions: subset(EXCLUSION_POOL.extensions),
  processes: subset(EXCLUSION_POOL.processes),
});

export const indicatorsArb = fc.array(
  fc.record({
    type: fc.constant('FileSha256'),
    value: fc.constantFrom(...HASHES),
    action: fc.constantFrom('Allowed', 'Block', 'BlockAndRemediate', 'Audit', 'Warn'),
    title: fc.constant('t'),
    description: fc.constant('d'),
  }),
  { maxLength: 4 },
);

const deviceArb = (name: string): fc.Arbitrary<DeviceConfig> =>
  fc
    .record({
      os: fc.constantFrom(...OS_NAMES),
      onboarded: fc.boolean(),
      primaryAv: fc.constantFrom('defender' as const, 'non-microsoft' as const),
      serverAgent: fc.constantFrom('unified' as const, 'legacy' as const),
      forceDefenderPassiveMode: fc.constantFrom(undefined, 0 as const, 1 as const),
      cloudProtection: fc.boolean(),
      platform: fc.constantFrom('4.18.24090.11', '4.18.2001.9', '4.18.2201.10'),
      passiveRemediation: fc.constantFrom(undefined, 0, 1),
      groupPolicyEdrBlockMode: fc.boolean(),
    })
    .map(({ cloudProtection, platform, forceDefenderPassiveMode, passiveRemediation, ...rest }) =>
      deviceWithDefaults({
        name,
        ...rest,
        ...(forceDefenderPassiveMode === undefined ? {} : { forceDefenderPassiveMode }),
        ...(passiveRemediation === undefined ? {} : { passiveRemediation }),
        mdav: { installed: true, platform, engine: '1.1.24090.11', cloudProtection },
      }),
    );

const artifactArb = (id: string, devices: readonly string[]): fc.Arbitrary<Artifact> =>
  fc.record({
    id: fc.constant(id),
    device: fc.constantFrom(...devices),
    at: fc.integer({ min: 0, max: 60 }).map((minutes) => minutes * 60_000),
    class: fc.constantFrom('malicious' as const, 'pua' as const, 'benign' as const),
    kind: fc.constantFrom('file' as const, 'process' as const, 'behavior' as const),
    path: fc.constantFrom(...PATHS),
    sha256: fc.constantFrom(...HASHES),
    process: fc.constantFrom(...PROCESSES),
    trigger: fc.constantFrom(...TRIGGERS),
    signals: fc.record({ primaryAv: fc.boolean(), mdav: fc.boolean(), edr: fc.boolean() }),
  });

/** A whole simulation: 1–3 devices, a policy, up to 12 timeline artifacts and maybe a portal toggle. */
export const simulationArb: fc.Arbitrary<SimulationInput> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) => {
    const names = Array.from({ length: count }, (_, i) => `dev-${i + 1}`);
    return fc.record({
      devices: fc.tuple(...names.map(deviceArb)),
      edrBlockMode: fc.boolean(),
      license: fc.constantFrom('plan-1' as const, 'plan-2' as const),
      exclusions: exclusionsArb,
      indicators: indicatorsArb,
      artifacts: fc
        .array(fc.nat(), { maxLength: 12 })
        .chain((ids) => fc.tuple(...ids.map((_, i) => artifactArb(`a${i + 1}`, names)))),
      toggleAt: fc.option(
        fc.integer({ min: 0, max: 60 }).map((m) => m * 60_000),
        { nil: undefined },
      ),
    });
  })
  .map(({ devices, edrBlockMode, license, exclusions, indicators, artifacts, toggleAt }) => {
    const timeline: TimelineEvent[] = artifacts.map((artifact, order) => ({
      kind: 'artifact',
      at: artifact.at,
      order,
      artifact,
    }));
    if (toggleAt !== undefined) {
      timeline.push({
        kind: 'change',
        at: toggleAt,
        order: timeline.length,
        change: { tenant: { edrBlockMode: !edrBlockMode } },
      });
    }
    timeline.sort((a, b) => a.at - b.at || a.order - b.order);
    return {
      seed: 1,
      startMs: Date.UTC(2026, 0, 5, 9),
      settings: DEFAULT_CONFLICT_SETTINGS,
      tenant: { ...DEFAULT_TENANT, edrBlockMode, license },
      devices,
      exclusions,
      indicators,
      timeline,
    };
  });

/**
 * simulationArb's devices and policy with its timeline replaced by one generate event of up to 400 artifacts (a counting
 * run takes it device by device), and its portal toggle, if any, kept apart as `toggle`.
 */
export const generatedRunArb = fc
  .record({
    base: simulationArb,
    count: fc.integer({ min: 0, max: 400 }),
    window: fc.integer({ min: 1, max: 48 }).map((hours) => hours * 3_600_000),
    at: fc.integer({ min: 0, max: 120 }).map((minutes) => minutes * 60_000),
    stranger: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000 }),
    mix: fc.constantFrom({ malicious: 0.5, pua: 0.2, benign: 0.3 }, { malicious: 0.05, pua: 0.02, benign: 0.93 }),
  })
  .map(({ base, count, window, at, stranger, seed, mix }) => {
    // A name the fleet lacks is counted by name (index −1), as a run in time order counts it.
    const devices = [...base.devices.map((device) => device.name), ...(stranger ? ['not-in-fleet'] : [])];
    const generate: TimelineEvent = {
      kind: 'generate',
      at,
      order: 0,
      generate: { id: 'gen-1', at, count, devices, window, mix, detection: { primaryAv: 0.6, mdav: 0.7, edr: 0.8 } },
    };
    const toggle = base.timeline.find((event) => event.kind === 'change');
    return { input: { ...base, seed, timeline: [generate] } satisfies SimulationInput, toggle };
  });
