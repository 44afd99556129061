/** A run's per-device numbers in one 64-byte row per fleet index: the tally's counts and the context cache's check, side by side. */

/** Float64 slots per device: 8, one cache line (64 bytes). */
export const ROW_SLOTS = 8;
/** Slots 0–3: the device's outcome counts, in `OUTCOMES` order (`CountTally`). */
export const COUNT_SLOT = 0;
/**
 * Slots 4–7: the context cache's check (`createContextCache`): the id of the device's context plus one (0: none yet),
 * the epoch it was last found valid at, and the device and policy revisions it was compiled at.
 */
export const CONTEXT_SLOT = 4;

/**
 * The rows of `devices` devices, zeroed. Every artifact of a counting run reads its device's context check and adds
 * to its counts: at 10^6 devices each is a cache miss at a random index, two per artifact in two arrays, one in a
 * shared row (issue 13, eighth pass). A tally or cache made without shared rows makes its own.
 *
 * @example
 * const rows = deviceRows(model.deviceCount());
 * const tally = new CountTally(model.deviceCount(), rows);
 * const contexts = createContextCache(model, policy, settings, startMs, rows);
 */
export function deviceRows(devices: number): Float64Array {
  return new Float64Array(Math.max(0, devices) * ROW_SLOTS);
}
