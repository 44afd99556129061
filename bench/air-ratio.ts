/** Prints the bench's `air.ratio` alone (P with AIR on / off, 1,000 devices): `npx tsx bench/air-ratio.ts [artifacts] [rounds]`. */
import { measureAirCost } from './air-stage.ts';
import { benchInput } from './bench-shape.ts';
import { BASE_SHAPE } from './bench-sizes.ts';

// The headline shape of `edrsim bench` (seed 7) at the AIR stage's size, so a before/after pair reads the same input.
const artifacts = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 3);
const cost = measureAirCost(benchInput({ ...BASE_SHAPE, artifacts, seed: 7 }), rounds);
console.log(JSON.stringify(cost));
