/** Which slice of the fleet a pool's worker counts next: its own first, then the others' from their far end. */
import type { ShardSource } from './shard-pipeline.ts';

/**
 * A worker's slices for one pass, claimed in `claims` (one Int32 a slice, shared by the pool, 0 = free; the main
 * thread clears it before each "go"). Worker w of N owns slices w, w + N, … — the devices the fixed shards gave it —
 * and claims them in order; when none of its own is left it claims the others' from their end, the ones their
 * owners would reach last. So a thread on a slower vCPU hands its last slices to a faster one and the pass ends
 * within about a slice of even; with equal speeds the split is the fixed shards' own, so it moves only as much as
 * the speeds differ. (A first version took slices from one counter in any order; its A/B against fixed shards
 * could not be told from the host's noise either way: issue 13, eleventh pass.)
 *
 * @example
 * const claims = new Int32Array(new SharedArrayBuffer(4 * 64));
 * countShards(input, claimedSlices(claims, 0, 2)); // slices 0, 2, …, 62, then whatever worker 1 left free
 */
export function claimedSlices(claims: Int32Array, worker: number, workers: number): ShardSource {
  const slices = claims.length;
  const order: number[] = [];
  for (let slice = worker; slice < slices; slice += workers) order.push(slice);
  for (let step = 1; step < workers; step++) {
    const other = (worker + step) % workers;
    const last = other + Math.floor((slices - 1 - other) / workers) * workers;
    for (let slice = last; slice >= 0 && slice % workers === other; slice -= workers) order.push(slice);
  }
  let next = 0;
  return () => {
    while (next < order.length) {
      const slice = order[next++]!;
      if (Atomics.compareExchange(claims, slice, 0, 1) === 0) return { index: slice, of: slices };
    }
    return undefined;
  };
}
