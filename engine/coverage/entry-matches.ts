/** Every written exclusion entry and file indicator that matches an artifact, not only the first: what `shadowed` needs. */
import type { Artifact } from '../core/artifact.ts';
import type { DeviceConfig, ExclusionLists } from '../core/config.ts';
import type { Scenario } from '../scenario/index.ts';
import { compileExclusions, parseExclusions, type ExclusionEntry, type ExclusionMatcher } from '../policy/exclusions/index.ts';
import { parseIndicators, type Indicator } from '../policy/indicators/index.ts';

/** The scenario's exclusions and indicators as coverage keys them; built once per scenario. */
export interface EntryMatcher {
  /** Every written entry, keyed `tenant:paths[0]` or `device:<name>:paths[0]` (server-role entries are not written, so not here). */
  readonly exclusions: ReadonlyMap<string, ExclusionEntry>;
  readonly indicators: readonly Indicator[];
  /** Keys of every written exclusion entry that matches the artifact on its device, each checked alone (order plays no part). */
  exclusionsOf(artifact: Artifact): string[];
  /** Ids of every file or certificate indicator whose value is the artifact's hash or signer (group and expiry not checked). */
  indicatorsOf(artifact: Artifact): string[];
}

/**
 * The key of an exclusion entry as coverage names it: the compact verdict's id (`tenant:paths[0]`), with
 * the device's name for a device's own list, since `device:paths[0]` names a different entry on each device.
 *
 * @example
 * coverageKey('device:paths[0]', 'ws-01'); // 'device:ws-01:paths[0]'
 */
export function coverageKey(id: string, device: string): string {
  return id.startsWith('device:') ? `device:${device}:${id.slice('device:'.length)}` : id;
}

const FACT = { FileSha256: 'sha256', FileSha1: 'sha1', FileMd5: 'md5', CertificateThumbprint: 'certificate' } as const;

/**
 * Compiles the scenario's written lists once per device that has its own (the tenant's otherwise), and
 * answers per artifact with every entry whose own decision is `match` (§4.1 scope and triggers included).
 * Timeline changes to the lists are not followed: coverage reads the lists as the scenario starts.
 *
 * @example
 * entryMatcher(scenario).exclusionsOf(artifact); // ['tenant:paths[0]', 'tenant:paths[1]']: a folder inside another
 */
export function entryMatcher(scenario: Scenario): EntryMatcher {
  const tenant = scenario.exclusions;
  const exclusions = new Map<string, ExclusionEntry>();
  const tenantMatcher = compile(tenant);
  for (const entry of tenantMatcher.entries) exclusions.set(`tenant:${entry.list}[${entry.index}]`, entry);
  const devices = new Map<string, { matcher: ExclusionMatcher; device: DeviceConfig }>();
  for (const device of scenario.devices) {
    const own = device.exclusions;
    if (own.paths.length + own.extensions.length + own.processes.length === 0) continue;
    const matcher = compile({
      paths: tenant.paths.concat(own.paths),
      extensions: tenant.extensions.concat(own.extensions),
      processes: tenant.processes.concat(own.processes),
    });
    devices.set(device.name, { matcher, device });
    for (const entry of matcher.entries) {
      const index = entry.index - tenant[entry.list].length;
      if (index >= 0) exclusions.set(`device:${device.name}:${entry.list}[${index}]`, entry);
    }
  }
  const keyOf = (entry: ExclusionEntry, device: string): string => {
    const index = entry.index - tenant[entry.list].length;
    return index < 0 ? `tenant:${entry.list}[${entry.index}]` : `device:${device}:${entry.list}[${index}]`;
  };
  const indicators = parseIndicators(scenario.indicators).indicators;
  return {
    exclusions,
    indicators,
    exclusionsOf(artifact) {
      const own = devices.get(artifact.device);
      const matcher = own?.matcher ?? tenantMatcher;
      const target = {
        path: artifact.path,
        trigger: artifact.trigger,
        ...(artifact.process === undefined ? {} : { process: artifact.process }),
        ...(artifact.scanType === undefined ? {} : { scanType: artifact.scanType }),
      };
      const keys: string[] = [];
      for (const decision of matcher.decide(target)) {
        if (decision.verdict === 'match' && decision.entry.role === undefined) keys.push(keyOf(decision.entry, artifact.device));
      }
      return keys;
    },
    indicatorsOf(artifact) {
      const ids: string[] = [];
      for (const indicator of indicators) {
        const fact = FACT[indicator.type as keyof typeof FACT];
        const value = fact === undefined ? undefined : artifact[fact];
        if (value !== undefined && value.toLowerCase() === indicator.value.toLowerCase()) ids.push(indicator.id);
      }
      return ids;
    },
  };
}

// The loader validated the lists; an entry that still fails to parse is left out, as the run leaves it out.
function compile(lists: ExclusionLists): ExclusionMatcher {
  return compileExclusions(parseExclusions(lists).entries);
}
