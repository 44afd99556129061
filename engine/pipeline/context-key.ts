/** The identity of a compiled device context: every per-device input `compileContext` reads, so equal keys compile equal contexts. */
import { decisionFlags, decisionKey, type DeviceState } from '../model/index.ts';
import type { ExclusionHitLookup } from './device-context.ts';

/**
 * Numbers objects by identity, so a key can name an immutable object (a mode resolution's reasons, a
 * block-mode state, an exclusion lookup) in a few characters. Weak: a forgotten object frees its number.
 *
 * @example
 * const ids = new IdentityIds();
 * ids.of(a) === ids.of(a); // true; ids.of(b) differs for any other object b
 */
export class IdentityIds {
  private readonly ids = new WeakMap<object, number>();
  private next = 0;

  of(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) this.ids.set(object, (id = this.next++));
    return id;
  }
}

/**
 * The shared-context key of one device state. What it holds, field by field of `DeviceContext`:
 * - the configuration fields the context reads (OS, onboarding, agent, primary AV and third-party AV
 *   state, cloud protection: all in `decisionFlags`, or the full `decisionKey` for unusual values), and
 *   the platform version (§5.2 client minimum), JSON-quoted;
 * - the MDAV mode and, by identity, its resolution's reasons (`modeReason`);
 * - by identity, the block-mode state (effective, reasons, disable-pending: propagation at the current
 *   time gives a new state object, so a new key);
 * - by identity, the exclusion lookup (global and the device's own lists, platform and engine versions);
 * - the device group's name, JSON-quoted (indicator scope, §5.3).
 * Tenant-wide inputs (licence, the allow-or-block-file feature, indicators, settings, start time) are the
 * same for every device: the cache drops all shared contexts when the tenant or the policy changes.
 *
 * @example
 * contextKey(state, 'Servers', lookup, ids); // '5243|"4.18.24090.11"|"Servers"|active|3|7|0'
 */
export function contextKey(state: DeviceState, group: string, exclusions: ExclusionHitLookup, ids: IdentityIds): string {
  const config = state.config;
  const flags = decisionFlags(config) ?? decisionKey(config);
  return (
    `${flags}|${JSON.stringify(config.mdav.platform)}|${JSON.stringify(group)}|${state.mode}|` +
    `${ids.of(state.modeReasons)}|${ids.of(state.edrBlockMode)}|${ids.of(exclusions)}`
  );
}
