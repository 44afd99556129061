/** The identity of a device configuration as far as mode and block-mode decisions go (name, tags, exclusions left out). */
import type { DeviceConfig } from '../core/config.ts';
import { OS_NAMES } from '../core/vocabulary.ts';

const OS_CODE: Readonly<Record<string, number>> = Object.fromEntries(OS_NAMES.map((os, index) => [os, index]));
const SAC_CODE: Readonly<Record<string, number>> = { off: 0, on: 1, evaluation: 2 };
const TURN_OFF_CODE: Readonly<Record<string, number>> = { none: 0, 'before-onboarding': 1, 'after-onboarding': 2 };
const AGENT_CODE: Readonly<Record<string, number>> = { unified: 0, legacy: 1 };
const AV_CODE: Readonly<Record<string, number>> = { defender: 0, 'non-microsoft': 1 };
const THIRD_PARTY_CODE: Readonly<Record<string, number>> = { running: 0, expired: 1 };

function forceCode(value: unknown): number | undefined {
  return value === undefined ? 0 : value === 0 ? 1 : value === 1 ? 2 : undefined;
}

/**
 * Packs the enum and boolean fields the decisions read into one integer (18 bits), allocating nothing;
 * undefined when a field holds a value outside the contract's enums (then use `decisionKey`). Booleans
 * are packed by truthiness, as the resolvers read them.
 *
 * @example
 * decisionFlags(a) === decisionFlags(b); // true when a and b differ only by name, tags or exclusions
 */
export function decisionFlags(device: DeviceConfig): number | undefined {
  const os = OS_CODE[device.os];
  const sac = SAC_CODE[device.smartAppControl];
  const turnOff = TURN_OFF_CODE[device.turnOffDefenderPolicy];
  const agent = AGENT_CODE[device.serverAgent];
  const av = AV_CODE[device.primaryAv];
  const thirdParty = THIRD_PARTY_CODE[device.thirdPartyAv];
  const force = forceCode(device.forceDefenderPassiveMode);
  if (
    os === undefined ||
    sac === undefined ||
    turnOff === undefined ||
    agent === undefined ||
    av === undefined ||
    thirdParty === undefined ||
    force === undefined
  ) {
    return undefined;
  }
  const m = device.mdav;
  return (
    os |
    (sac << 3) |
    (turnOff << 5) |
    (force << 7) |
    (agent << 9) |
    (av << 10) |
    (thirdParty << 11) |
    ((device.onboarded ? 1 : 0) << 12) |
    ((device.securityCenter ? 1 : 0) << 13) |
    ((device.tamperProtection ? 1 : 0) << 14) |
    ((device.groupPolicyEdrBlockMode ? 1 : 0) << 15) |
    ((m.installed ? 1 : 0) << 16) |
    ((m.cloudProtection ? 1 : 0) << 17)
  );
}

/**
 * The same identity as a string, for configurations `decisionFlags` cannot pack; every free-text or
 * unknown value is JSON-quoted so no two configurations share a key by accident.
 *
 * @example
 * decisionKey(device); // '["windows-10",true,"unified",…]'
 */
export function decisionKey(device: DeviceConfig): string {
  const m = device.mdav;
  return JSON.stringify([
    device.os,
    !!device.onboarded,
    device.serverAgent,
    device.primaryAv,
    device.thirdPartyAv,
    !!device.securityCenter,
    device.smartAppControl,
    device.forceDefenderPassiveMode ?? null,
    device.turnOffDefenderPolicy,
    !!device.tamperProtection,
    !!m.installed,
    !!m.cloudProtection,
    device.passiveRemediation ?? null,
    !!device.groupPolicyEdrBlockMode,
    m.platform,
    m.engine,
  ]);
}
