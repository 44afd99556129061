/** The benchmark's fleet shape and the `SimulationInput` it stands for: a mixed fleet, one generator, policy lists. */
import {
  DEFAULT_CONFLICT_SETTINGS,
  DEFAULT_TENANT,
  deviceWithDefaults,
  type DeviceConfig,
  type ExclusionLists,
} from '../engine/core/config.ts';
import { Rng } from '../engine/core/random.ts';
import type { GenerateSpec, SimulationInput } from '../engine/pipeline/sim-input.ts';
import { benchIndicators, SERVER_GROUP } from './bench-indicators.ts';
import { realisticLists } from './exclusions.bench.ts';

/** Everything that sizes a run; the same shape and seed always build the same input. */
export interface BenchShape {
  readonly devices: number;
  readonly artifacts: number;
  readonly exclusions: number;
  /** `realistic` (default) or `adversarial` (`C:\Adv<i>\*a*a*a*a*a*b`, as exclusions.bench.ts builds them). */
  readonly exclusionKind?: 'realistic' | 'adversarial';
  readonly indicators: number;
  readonly seed: number;
  /** Simulated window the artifacts spread over, ms; default 24 h. */
  readonly windowMs?: number;
}

export const DAY_MS = 24 * 3_600_000;

/**
 * Share of each device profile, after `scenarios/10-scale/02-mixed-fleet.yaml`: passive laptops behind a
 * third-party AV, Defender workstations (active), passive servers (T07) and dual-active servers (T06).
 */
const PROFILES: readonly { prefix: string; share: number; config: Partial<DeviceConfig> }[] = [
  { prefix: 'lt-', share: 0.6, config: { os: 'windows-11', primaryAv: 'non-microsoft' } },
  { prefix: 'ws-', share: 0.25, config: { os: 'windows-11' } },
  { prefix: 'srv-p-', share: 0.1, config: { os: 'server-2022', primaryAv: 'non-microsoft', forceDefenderPassiveMode: 1 } },
  { prefix: 'srv-a-', share: 0.05, config: { os: 'server-2019', primaryAv: 'non-microsoft' } },
];

/**
 * `count` devices split over the four profiles (remainder to the laptops), named `lt-000001` and so on.
 *
 * @example
 * benchFleet(20).map((d) => d.name).slice(0, 2); // ['lt-00001', 'lt-00002']
 */
export function benchFleet(count: number): DeviceConfig[] {
  const width = Math.max(5, String(count).length);
  const sizes = PROFILES.map((profile) => Math.floor(count * profile.share));
  sizes[0] = (sizes[0] ?? 0) + count - sizes.reduce((sum, size) => sum + size, 0);
  const devices: DeviceConfig[] = [];
  PROFILES.forEach((profile, p) => {
    for (let i = 1; i <= (sizes[p] ?? 0); i++) {
      devices.push(
        deviceWithDefaults({ name: `${profile.prefix}${String(i).padStart(width, '0')}`, os: 'windows-11', ...profile.config }),
      );
    }
  });
  return devices;
}

/**
 * The generate event of a shape, as the scenario loader builds one (`devices: all`, no `os`): the mix
 * and detection chances of the mixed-fleet scenario.
 */
export function benchGenerate(shape: BenchShape, devices: readonly string[]): GenerateSpec {
  return {
    id: 'gen-1',
    at: 0,
    count: shape.artifacts,
    devices,
    window: shape.windowMs ?? DAY_MS,
    mix: { malicious: 0.1, pua: 0.05, benign: 0.85 },
    detection: { primaryAv: 0.85, mdav: 0.9, edr: 0.75 },
  };
}

/** Exclusions admins add for the line-of-business workloads the generator produces, so some lookups hit. */
const WORKLOAD_EXCLUSIONS: ExclusionLists = {
  paths: ['C:\\ProgramData\\Contoso\\Agent\\logs\\', 'E:\\Backup\\SQL\\*.bak', 'D:\\SQLData\\MSSQL16.MSSQLSERVER\\MSSQL\\DATA\\'],
  extensions: ['ldf', 'mdf'],
  processes: ['C:\\Program Files\\Backup\\agent.exe'],
};

/** `count` exclusion entries: the workload ones first, then realistic or adversarial filler. */
export function benchExclusions(count: number, kind: 'realistic' | 'adversarial', seed: number): ExclusionLists {
  const workload = Object.values(WORKLOAD_EXCLUSIONS).reduce((sum, list: readonly string[]) => sum + list.length, 0);
  const filler = Math.max(0, count - workload);
  const extra: ExclusionLists =
    kind === 'realistic'
      ? realisticLists(filler, Rng.from(seed).derive(`exclusions-${count}`))
      : { paths: Array.from({ length: filler }, (_, i) => `C:\\Adv${i}\\*a*a*a*a*a*b`), extensions: [], processes: [] };
  const take =
    count >= workload ? WORKLOAD_EXCLUSIONS : { paths: WORKLOAD_EXCLUSIONS.paths.slice(0, count), extensions: [], processes: [] };
  return {
    paths: [...take.paths, ...extra.paths],
    extensions: [...take.extensions, ...extra.extensions],
    processes: [...take.processes, ...extra.processes],
  };
}

/**
 * The simulation a shape stands for: EDR in block mode on, the mixed fleet, the policy lists and one
 * generate event at 0 — what `edrsim run` would load from an equivalent scenario.
 *
 * @example
 * countSimulation(benchInput({ devices: 1000, artifacts: 1e6, exclusions: 100, indicators: 500, seed: 7 }));
 */
export function benchInput(shape: BenchShape): SimulationInput {
  const devices = benchFleet(shape.devices);
  const generate = benchGenerate(
    shape,
    devices.map((device) => device.name),
  );
  return {
    seed: shape.seed,
    startMs: Date.UTC(2026, 0, 5),
    settings: DEFAULT_CONFLICT_SETTINGS,
    tenant: {
      ...DEFAULT_TENANT,
      edrBlockMode: true,
      deviceGroups: [{ name: SERVER_GROUP, rank: 1, match: { os: ['server-2022', 'server-2019'] } }],
    },
    devices,
    exclusions: benchExclusions(shape.exclusions, shape.exclusionKind ?? 'realistic', shape.seed),
    indicators: benchIndicators(shape.indicators, { ...generate, at: 0, os: devices.map((device) => device.os) }, shape.seed),
    timeline: [{ kind: 'generate', at: 0, order: 0, generate }],
  };
}
