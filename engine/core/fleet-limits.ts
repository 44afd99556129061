/** How many devices a scenario may make: the one home of the fleet-size limits the schema, the checks and the builder apply. */

/** Devices one `fleet` entry may make (its `count`). */
export const MAX_FLEET_COUNT = 100_000;

/**
 * Devices a scenario may make, listed and from fleets together: ten fleets of the largest
 * ({@link MAX_FLEET_COUNT}). One million devices took 950 MB and 14 s to run; ten million died of
 * out-of-memory. `edrsim bench` builds its fleets without a scenario and checks memory instead.
 */
export const MAX_DEVICES = 10 * MAX_FLEET_COUNT;
