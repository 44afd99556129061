/** Shares pure decisions between devices with identical decision-relevant configuration (fleets of up to 10^6 devices). */
import type { ConflictSettings, DeviceConfig, TenantConfig } from '../core/config.ts';
import type { MdavMode } from '../core/vocabulary.ts';
import { deviceBlockModeRequest, type DeviceBlockModeRequest } from './block-mode-paths.ts';
import { blockModeRequirements } from './block-mode-requirements.ts';
import { decisionFlags, decisionKey } from './decision-key.ts';
import type { Requirement } from './requirement.ts';
import type { ModeResolution } from './mode-resolution.ts';
import { resolveMode } from './resolve-mode.ts';

/** What block mode needs and what the device's own paths request, for one configuration in one mode. */
export interface Eligibility {
  readonly requirements: readonly Requirement[];
  readonly request: DeviceBlockModeRequest;
}

/** The decisions shared by every device with one decision key. */
export interface Profile {
  /** A device with this key; the decisions read only key fields, never the name. */
  readonly sample: DeviceConfig;
  /** First resolution (no previous mode). */
  readonly initial: ModeResolution;
  /** Per mode, computed on demand; emptied when the licence changes. */
  eligibility: Partial<Record<MdavMode, Eligibility>>;
}

type ByEngine = Map<string, Map<number | undefined, Profile>>;

/**
 * Interns devices into profiles without allocating per device: an integer of packed enum/boolean fields,
 * then platform, engine and CSP value, each a map level. Fields outside the known enums fall back to
 * a string key, so sharing is exact either way. `setTenant` drops eligibility when the licence changes.
 *
 * @example
 * const profiles = new DeviceProfiles(DEFAULT_CONFLICT_SETTINGS, DEFAULT_TENANT);
 * profiles.intern(a) === profiles.intern(b); // true for two devices made from one fleet template
 */
export class DeviceProfiles {
  private readonly packed = new Map<number, Map<string, ByEngine>>();
  private readonly unusual = new Map<string, Profile>();

  constructor(
    private readonly settings: ConflictSettings,
    private tenant: TenantConfig,
  ) {}

  intern(device: DeviceConfig): Profile {
    const flags = decisionFlags(device);
    if (flags === undefined) {
      const key = decisionKey(device);
      return this.unusual.get(key) ?? this.remember(this.unusual, key, device);
    }
    let byPlatform = this.packed.get(flags);
    if (byPlatform === undefined) this.packed.set(flags, (byPlatform = new Map()));
    let byEngine = byPlatform.get(device.mdav.platform);
    if (byEngine === undefined) byPlatform.set(device.mdav.platform, (byEngine = new Map()));
    let byCsp = byEngine.get(device.mdav.engine);
    if (byCsp === undefined) byEngine.set(device.mdav.engine, (byCsp = new Map()));
    return byCsp.get(device.passiveRemediation) ?? this.remember(byCsp, device.passiveRemediation, device);
  }

  eligibility(profile: Profile, mode: MdavMode): Eligibility {
    let eligibility = profile.eligibility[mode];
    if (eligibility === undefined) {
      eligibility = {
        requirements: blockModeRequirements(profile.sample, this.tenant, mode, this.settings),
        request: deviceBlockModeRequest(profile.sample),
      };
      profile.eligibility[mode] = eligibility;
    }
    return eligibility;
  }

  /** Only the licence enters eligibility; other tenant fields keep what was computed. */
  setTenant(tenant: TenantConfig): void {
    if (tenant.license !== this.tenant.license) {
      for (const profile of this.all()) profile.eligibility = {};
    }
    this.tenant = tenant;
  }

  private *all(): Iterable<Profile> {
    yield* this.unusual.values();
    for (const byPlatform of this.packed.values())
      for (const byEngine of byPlatform.values()) for (const byCsp of byEngine.values()) yield* byCsp.values();
  }

  private remember<K>(map: Map<K, Profile>, key: K, device: DeviceConfig): Profile {
    const profile: Profile = { sample: device, initial: resolveMode(device, undefined, this.settings), eligibility: {} };
    map.set(key, profile);
    return profile;
  }
}
