/** Deterministic ids shaped like Defender's: alert ids (`da…_…`), 40-hex machine ids and GUIDs, from the scenario and a record. */
import { hashString } from '../core/random.ts';

// .NET ticks (100 ns since 0001-01-01) at the Unix epoch: the API's alert ids start with the creation time in ticks.
const EPOCH_TICKS_MS = 62_135_596_800_000;
// Seeds of the FNV-1a words a machine id and a GUID are made of; any distinct constants would do, these stay fixed.
const WORD_SEEDS = [0x811c9dc5, 0x9747b28c, 0x5bd1e995, 0x27d4eb2f, 0x165667b1] as const;

/**
 * What makes a scenario's ids its own: its name and seed, so two runs of the same scenario and seed give the
 * same ids however the file was named on the command line, and two scenarios in one run do not share them.
 *
 * @example
 * recordScope({ name: 'Blocked, prevented, detected', seed: 7 }); // 'Blocked, prevented, detected\u00007'
 */
export function recordScope(scenario: { readonly name: string; readonly seed: number }): string {
  return `${scenario.name}\u0000${scenario.seed}`;
}

/**
 * An alert id shaped like the MDE API's (`da637472900382838869_1364969609`, alert-api): `da`, the alert's
 * creation time in .NET ticks, `_`, a signed 32-bit number. The number is the alert's ordinal in the run
 * (1-based) through a bijection of 32-bit integers keyed by the scope, so ids never repeat within a scenario.
 *
 * @example
 * alertIdOf('x\u00001', 1, Date.UTC(2026, 0, 5, 9)); // 'da639032004000000000_474799853'
 */
export function alertIdOf(scope: string, ordinal: number, atMs: number): string {
  // Multiplying by an odd constant and XOR with a constant are both one-to-one on 32-bit words.
  const number = (Math.imul(ordinal, 0x9e3779b1) ^ hashString(scope)) | 0;
  return `da${String(atMs + EPOCH_TICKS_MS)}0000_${number}`;
}

/**
 * A machine id shaped like the API's (40 lowercase hex digits, like a SHA-1; machineaction, alert-api): five
 * 32-bit FNV-1a words of the scope and the device name. Not a cryptographic hash (the report layer has none,
 * and none is needed: it is a name, not a seal); the same device of the same scenario always gets the same id.
 *
 * @example
 * machineIdOf('x\u00001', 'ws-01').length; // 40
 */
export function machineIdOf(scope: string, device: string): string {
  return words(`machine\u0000${scope}\u0000${device}`, 5);
}

/**
 * A GUID-shaped id (`5382f7ea-7557-4ab7-9782-d50480024a4e`, the machine action id's shape in machineaction) for
 * the record `key` of a scope, e.g. a manual response action `action:3`.
 *
 * @example
 * guidOf('x\u00001', 'action:1'); // '8-4-4-4-12' lowercase hex
 */
export function guidOf(scope: string, key: string): string {
  const hex = words(`guid\u0000${scope}\u0000${key}`, 4);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function words(text: string, count: number): string {
  let hex = '';
  for (let i = 0; i < count; i++) hex += hashString(text, WORD_SEEDS[i]).toString(16).padStart(8, '0');
  return hex;
}
