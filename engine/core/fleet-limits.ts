/** How many devices a scenario may make: the one home of the fleet-size limits the schema, the checks and the builder apply. */

/** Devices one `fleet` entry may make (its `count`). */
export const MAX_FLEET_COUNT = 100_000;

/**
 * Devices a scenario may make, listed and from fleets together: ten fleets of the largest
 * ({@link MAX_FLEET_COUNT}). One million devices took 950 MB and 14 s to run; ten million died of
 * out-of-memory. `edrsim bench` builds its fleets without a scenario and checks memory instead.
 */
export const MAX_DEVICES = 10 * MAX_FLEET_COUNT;

/**
 * Artifacts a scenario with AIR on may make (timeline artifacts and generated ones together). An AIR run keeps
 * every investigation, Action Center entry and alert for its report, so its memory grows with the alerts, where
 * a run without AIR streams: 512,000 artifacts with AIR took 105 s and 628 MB (2026-12), 128,000 took 9 s. Since a
 * join no longer copies its investigation, time is linear (one device, 2,000,000 artifacts: 5.4 s CPU) but memory
 * is not bounded (527 MB there), so the limit stays (bench/README "AIR: the cost of a join").
 */
export const MAX_AIR_ARTIFACTS = 200_000;
