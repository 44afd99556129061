/** The tenant's current exclusion lists and indicators, compiled lazily and shared by every device that can share them. */
import { append } from '../core/append.ts';
import type { DeviceConfig, ExclusionLists, TenantConfig } from '../core/config.ts';
import type { Issue } from '../core/issue.ts';
import { parseVersion } from '../core/version.ts';
import { buildExclusionMatcher, compileExclusions, parseExclusions, type ExclusionMatcher } from '../policy/exclusions/index.ts';
import { compileDeviceGroups, type CompiledDeviceGroups } from '../policy/device-groups.ts';
import { compileIndicators, parseIndicators, type IndicatorIndex } from '../policy/indicators/index.ts';
import type { ExclusionHitLookup } from './device-context.ts';
import { exclusionRef, type ExclusionRef } from './exclusion-ref.ts';
import type { ChangeSpec, SimulationInput } from './sim-input.ts';

export interface PolicyState {
  /** Problems met while compiling (the loader normally reports them first): kept, never dropped. */
  readonly issues: readonly Issue[];
  /** Bumps on every applied change, so cached device contexts recompile. */
  readonly revision: number;
  readonly indicators: IndicatorIndex;
  apply(change: ChangeSpec): void;
  /**
   * The device's exclusion lookup: the global lists plus its own, compiled once per distinct combination.
   * It answers with the entry's ref (`exclusion-ref.ts`), one shared object per compiled entry.
   */
  exclusionsFor(device: DeviceConfig): ExclusionHitLookup;
  groups(tenant: TenantConfig): CompiledDeviceGroups;
}

/**
 * Creates the policy state of a run. Lists were validated by the scenario loader; should a list still
 * hold an invalid entry (a library caller skipping the loader), the valid entries are compiled and the
 * problems are kept in `issues` for the caller to report.
 */
export function createPolicyState(input: Pick<SimulationInput, 'exclusions' | 'indicators' | 'settings'>): PolicyState {
  const issues: Issue[] = [];
  const compileList = (raw: readonly unknown[]) => {
    const parsed = parseIndicators(raw);
    append(
      issues,
      parsed.issues.filter((issue) => issue.severity !== 'warning'),
    );
    return compileIndicators(parsed.indicators);
  };
  let global: ExclusionLists = input.exclusions;
  let indicators = compileList(input.indicators);
  let revision = 0;
  const matchers = new Map<string, ExclusionHitLookup>();
  let groupsFor: TenantConfig['deviceGroups'] | undefined;
  let compiledGroups: CompiledDeviceGroups | undefined;

  // Keyed by the device's own lists (usually none) and versions (contextual entries depend on them, #45);
  // the global lists are the same for every key and clearing the map when they change keeps that true.
  const lookupFor = (device: DeviceConfig): ExclusionHitLookup => {
    const own = device.exclusions;
    const hasOwn = own.paths.length + own.extensions.length + own.processes.length > 0;
    const key = `${device.mdav.platform}|${device.mdav.engine}|${hasOwn ? JSON.stringify(own) : ''}`;
    let lookup = matchers.get(key);
    if (lookup === undefined) {
      const lists = hasOwn
        ? {
            paths: [...global.paths, ...own.paths],
            extensions: [...global.extensions, ...own.extensions],
            processes: [...global.processes, ...own.processes],
          }
        : global;
      const matcher = compile(lists, device, input.settings, issues);
      const tenantCounts = {
        paths: global.paths.length,
        extensions: global.extensions.length,
        processes: global.processes.length,
      };
      // One ref per compiled entry, made on its first hit: a verdict keeps the shared ref, never a new object.
      const refs = new Map<object, ExclusionRef>();
      lookup = (query) => {
        const hit = matcher.match(query);
        if (hit === undefined) return undefined;
        let ref = refs.get(hit);
        if (ref === undefined) refs.set(hit, (ref = exclusionRef(hit.entry, hit.reason, tenantCounts)));
        return ref;
      };
      matchers.set(key, lookup);
    }
    return lookup;
  };

  return {
    issues,
    get revision() {
      return revision;
    },
    get indicators() {
      return indicators;
    },
    apply(change) {
      revision++;
      if (change.exclusions !== undefined) {
        global = { ...global, ...change.exclusions };
        matchers.clear();
      }
      if (change.indicators !== undefined) indicators = compileList(change.indicators);
    },
    exclusionsFor: lookupFor,
    groups(tenant) {
      if (compiledGroups === undefined || groupsFor !== tenant.deviceGroups) {
        compiledGroups = compileDeviceGroups(tenant.deviceGroups);
        groupsFor = tenant.deviceGroups;
      }
      return compiledGroups;
    },
  };
}

function compile(
  lists: ExclusionLists,
  device: DeviceConfig,
  settings: SimulationInput['settings'],
  issues: Issue[],
): ExclusionMatcher {
  const platform = parseVersion(device.mdav.platform);
  const engine = parseVersion(device.mdav.engine);
  const options = {
    conflicts: settings,
    ...(platform.ok ? { platform: platform.value } : {}),
    ...(engine.ok ? { engine: engine.value } : {}),
  };
  const built = buildExclusionMatcher(lists, options);
  if (built.ok) return built.value.matcher;
  append(
    issues,
    built.issues.filter((issue) => issue.severity !== 'warning'),
  );
  return compileExclusions(parseExclusions(lists, options).entries, options);
}
