/** Builds the device list: listed devices, then fleet members, every default applied, names unique. */
import { deviceWithDefaults, type DeviceConfig, type ExclusionLists } from '../../core/config.ts';
import { MAX_DEVICES } from '../../core/fleet-limits.ts';
import type { Issue } from '../../core/issue.ts';
import type { DeviceInput, FleetInput } from '../schema/device-schema.ts';

/** Fleet member names start with this when the fleet sets no `namePrefix`. */
export const DEFAULT_NAME_PREFIX = 'device-';

/** A parsed device with where it came from and its resolved exclusions. */
export interface DeviceEntry {
  readonly input: Omit<DeviceInput, 'exclusions'>;
  readonly exclusions?: Partial<ExclusionLists>;
  readonly index: number;
}

export interface FleetEntry {
  readonly input: FleetInput;
  readonly exclusions?: Partial<ExclusionLists>;
  readonly index: number;
}

/** Drops keys whose value is undefined, so they cannot hide a default when spread. */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The names a fleet entry makes: `namePrefix` + 1…count zero-padded to the width of `count`
 * (`count: 1000, namePrefix: ws-` → `ws-0001` … `ws-1000`; `count: 5` → `ws-1` … `ws-5`).
 *
 * @example
 * fleetNames(3, 'lab-'); // ['lab-1', 'lab-2', 'lab-3']
 */
export function fleetNames(count: number, namePrefix: string): string[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `${namePrefix}${String(i + 1).padStart(width, '0')}`);
}

function toConfig(
  name: string,
  input: Omit<DeviceInput, 'name' | 'exclusions'>,
  exclusions: Partial<ExclusionLists> | undefined,
): DeviceConfig {
  const { mdav, ...rest } = input;
  return deviceWithDefaults({
    ...defined(rest),
    name,
    os: input.os,
    mdav: mdav === undefined ? undefined : (defined(mdav) as DeviceConfig['mdav']),
    exclusions: exclusions === undefined ? undefined : (defined(exclusions) as ExclusionLists),
  });
}

export { MAX_DEVICES } from '../../core/fleet-limits.ts';

/**
 * The issue when the listed devices plus the fleets' counts pass {@link MAX_DEVICES}, placed at the
 * count of the fleet that passes it; counted before any name is made, so refusing costs nothing.
 *
 * @example
 * tooManyDevices(0, Array.from({ length: 11 }, (_, index) => ({ count: 100_000, index })))?.path; // ['fleet', 10, 'count']
 */
export function tooManyDevices(listed: number, fleets: readonly { count: number; index: number }[]): Issue | undefined {
  let total = listed;
  for (const { count, index } of fleets) {
    total += count;
    if (total <= MAX_DEVICES) continue;
    const all = fleets.reduce((sum, fleet) => sum + fleet.count, listed);
    return {
      code: 'too_many_devices',
      path: ['fleet', index, 'count'],
      message: `the scenario makes ${all} devices, more than the ${MAX_DEVICES} a run may simulate`,
      expected: `at most ${MAX_DEVICES} devices, listed and from fleets together`,
      received: `${all} devices`,
      hint: 'a fleet of a few thousand devices per profile shows the same shares; split the rest into other scenarios',
    };
  }
  return undefined;
}

/**
 * Devices in file order, then each fleet's members, every default applied. Names are assumed unique
 * (check-references reports those that are not).
 *
 * @example
 * buildDevices([{ input: { name: 'ws-01', os: 'windows-11' }, index: 0 }], [])[0]?.primaryAv; // 'defender'
 */
export function buildDevices(devices: readonly DeviceEntry[], fleets: readonly FleetEntry[]): DeviceConfig[] {
  const out = devices.map(({ input, exclusions }) => toConfig(input.name, input, exclusions));
  for (const { input, exclusions } of fleets) {
    const { exclusions: _ignored, ...template } = input.template;
    // Members differ only by name: build the template once and share its (read-only) nested values.
    const base = toConfig('', template, exclusions);
    for (const name of fleetNames(input.count, input.namePrefix ?? DEFAULT_NAME_PREFIX)) out.push({ ...base, name });
  }
  return out;
}
