/** The identity of a compiled device context: every per-device input `compileContext` reads, so equal keys compile equal contexts. */
import { decisionFlags, decisionKey, type DeviceState } from '../model/index.ts';
import type { ExclusionHitLookup } from './device-context.ts';

type Level = Map<unknown, unknown>;

/** The map under `part` in `level`, made on first use. */
function below(level: Level, part: unknown): Level {
  let next = level.get(part) as Level | undefined;
  if (next === undefined) level.set(part, (next = new Map()));
  return next;
}

/**
 * Shared values (compiled contexts) by the context key of a device state, the key's parts looked up level
 * by level in nested maps. Map keys compare strings and numbers by value and objects by identity, so no key
 * string is built, quoted or hashed on a miss (issue 13: the string key cost ≈ 1.3 µs of a device's first
 * artifact at 10^6 devices). The parts, field by field of `DeviceContext`, in lookup order:
 * - the configuration fields the context reads (OS, onboarding, agent, primary AV and third-party AV
 *   state, cloud protection: all in `decisionFlags`, a number, or the full `decisionKey` string for
 *   unusual values; a number never equals a string key);
 * - the platform version (§5.2 client minimum);
 * - the device group's name (indicator scope, §5.3);
 * - the MDAV mode and, by identity, its resolution's reasons (`modeReason`);
 * - by identity, the block-mode state (effective, reasons, disable-pending: propagation at the current
 *   time gives a new state object, so a new key);
 * - by identity, the exclusion lookup (global and the device's own lists, platform and engine versions).
 * Tenant-wide inputs (licence, the allow-or-block-file feature, indicators, settings, start time) are the
 * same for every device: the cache clears the memo when the tenant or the policy changes. Leaving a part
 * out makes devices share a context they must not (`test/pipeline/context-cache.test.ts` catches it).
 *
 * @example
 * const memo = new ContextMemo<DeviceContext>();
 * memo.resolve(state, 'Servers', lookup, () => compile(state)); // compiles once per distinct key
 * memo.size; // 1
 */
export class ContextMemo<T> {
  private root: Level = new Map();
  private count = 0;

  /** How many values the memo holds. */
  get size(): number {
    return this.count;
  }

  /** Forgets every value (a new tenant or policy, or the size limit). */
  clear(): void {
    this.root = new Map();
    this.count = 0;
  }

  /** The value of this key, made by `make` and kept on the key's first use. */
  resolve(state: DeviceState, group: string, exclusions: ExclusionHitLookup, make: () => T): T {
    const config = state.config;
    const flags = decisionFlags(config) ?? decisionKey(config);
    let level = below(this.root, flags);
    level = below(level, config.mdav.platform);
    level = below(level, group);
    level = below(level, state.mode);
    level = below(level, state.modeReasons);
    level = below(level, state.edrBlockMode);
    let value = level.get(exclusions) as T | undefined;
    if (value === undefined) {
      value = make();
      level.set(exclusions, value);
      this.count += 1;
    }
    return value;
  }
}
