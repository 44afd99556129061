/** One device's artifacts in time order, drawn lazily from that device's own rng, its cursor a row of an RngBank. */
import type { Artifact } from '../../core/artifact.ts';
import { RngBank } from '../../core/random.ts';
import { isClientOs } from '../../core/vocabulary.ts';
import { CATALOG } from './compile-catalog.ts';
import { artifactsOfDevice } from './generate-spec.ts';
import { makeArtifact } from './make-artifact.ts';
import type { SynthPlan } from './synth-plan.ts';

const make = makeArtifact; // a local binding: tsx turns cross-module calls into getter calls
const countOf = artifactsOfDevice;

/**
 * Words per stream row: the generator's 4, the cursor's 4 (below), then 2 for the merge's calendar (a waiting
 * device's time, `STREAM_ROW_CALENDAR`) and 6 spare. 64 bytes: one cache line holds a device, so the calendar's
 * read of a waiting device's time brings in the row its artifact is drawn from (issue 13, eighth pass).
 */
export const STREAM_ROW_WORDS = 16;
/** The float (8-byte) index within a row where the merge's calendar keeps a waiting device's time: words 8–9. */
export const STREAM_ROW_CALENDAR = 4;
/** The most artifacts one device's row can count (its sequence number is a uint32 word). */
export const MAX_ARTIFACTS_PER_DEVICE = 0xffff_ffff;
/** Row words beside the generator: the pending artifact's sequence number (read unsigned), the user, the fleet index, the spec index. */
const K = 4;
const USER = 5;
const FLEET_INDEX = 6;
/** The word of a row holding the device's fleet index (−1: none): what the merge's read-ahead reads. */
export const STREAM_ROW_FLEET_INDEX = FLEET_INDEX;
const INDEX = 7;

/**
 * Starts the stream of device `index` (of `plan.spec.devices`) in `row` of `bank` (made with
 * `STREAM_ROW_WORDS` words a row): derives its rng, draws its user, and returns the time of its first
 * artifact, or `Infinity` when it has none. Times are stratified, artifact k falling at a random point of
 * slot k of the window, so the stream is sorted without sorting and holds no buffer. Everything the stream
 * keeps is in its row, so a merge of 10^6 devices allocates nothing per device and each artifact touches
 * one row.
 *
 * @example
 * const bank = new RngBank(1, STREAM_ROW_WORDS);
 * let at = startStream(plan, 0, bank, 0);
 * const first = takeFromStream(plan, bank, 0); // first.at === at
 * at = pendingAt(plan, bank, 0);               // the next one's time, or Infinity
 */
export function startStream(plan: SynthPlan, index: number, bank: RngBank, row: number): number {
  const { spec } = plan;
  const name = spec.devices[index] ?? '';
  if (countOf(spec.count, spec.devices.length, index) > MAX_ARTIFACTS_PER_DEVICE)
    throw new RangeError(
      `generate.count: more than ${MAX_ARTIFACTS_PER_DEVICE} artifacts for device ${name}; spread them over more devices`,
    );
  // Everything this device ever draws comes from this one derived stream: shards agree without talking.
  bank.derive(row, plan.root, name, plan.streamPrefix);
  const rng = bank.select(row);
  const os = spec.os?.[index];
  const server = os !== undefined && !isClientOs(os);
  const user = server ? CATALOG.workstationUsers + rng.int(CATALOG.serverUsers) : rng.int(CATALOG.workstationUsers);
  bank.setWord(row, K, 0);
  bank.setWord(row, USER, user);
  bank.setWord(row, FLEET_INDEX, plan.deviceIndexes?.[index] ?? -1);
  bank.setWord(row, INDEX, index);
  return pendingAt(plan, bank, row);
}

/** The time of the row's pending artifact, drawn from its rng (call once per artifact), or `Infinity` when the stream is done. */
export function pendingAt(plan: SynthPlan, bank: RngBank, row: number): number {
  const { spec, lastOffset } = plan;
  const k = bank.word(row, K) >>> 0;
  const n = countOf(spec.count, spec.devices.length, bank.word(row, INDEX));
  if (k >= n) return Infinity;
  // Rounded products are monotone, so slot k's floor never passes slot k+1's: sorted even past 2^53. The draw is
  // `next()`'s, taken as an int32 (`nextInt32`), never a 16-byte heap number should the call not be inlined.
  const offset = Math.floor(((k + (bank.select(row).nextInt32() >>> 0) / 4294967296) * spec.window) / n);
  return spec.at + (offset > lastOffset ? lastOffset : offset);
}

/** Makes the row's pending artifact, at `at` (what `pendingAt` returned for it), and moves the row's cursor past it. */
export function takeFromStream(plan: SynthPlan, bank: RngBank, row: number, at: number): Artifact {
  const k = bank.word(row, K) >>> 0;
  const artifact = make(plan, bank.select(row), bank.word(row, INDEX), bank.word(row, USER), k, at, bank.word(row, FLEET_INDEX));
  bank.setWord(row, K, k + 1);
  return artifact;
}

/**
 * The cursor over device `index`'s artifacts alone, in a bank of its own: which one is next (`k` of `n`)
 * and when (`at`). The merge drives many devices' rows directly (`startStream`, `takeFromStream`,
 * `pendingAt`); this is the same code for one device.
 */
export class DeviceStream {
  readonly n: number;
  /** ms of the pending artifact; `Infinity` once the stream is done. */
  at: number;
  private readonly bank = new RngBank(1, STREAM_ROW_WORDS);

  constructor(
    private readonly plan: SynthPlan,
    readonly index: number,
  ) {
    this.n = countOf(plan.spec.count, plan.spec.devices.length, index);
    this.at = startStream(plan, index, this.bank, 0);
  }

  /** Sequence number of the pending artifact. */
  get k(): number {
    return this.bank.word(0, K) >>> 0;
  }

  /** True when every artifact of the device has been taken. */
  get done(): boolean {
    return this.k >= this.n;
  }

  /** Returns the pending artifact and draws the time of the next one. Call only while `!done`. */
  take(): Artifact {
    const artifact = takeFromStream(this.plan, this.bank, 0, this.at);
    this.at = pendingAt(this.plan, this.bank, 0);
    return artifact;
  }
}

/** Iterates one device's artifacts; a fresh stream per iteration, so the iterable can be replayed. */
export function deviceIterable(plan: SynthPlan | undefined, index: number): Iterable<Artifact> {
  return {
    *[Symbol.iterator]() {
      if (plan === undefined || index < 0 || index >= plan.spec.devices.length || !Number.isInteger(index)) return;
      const stream = new DeviceStream(plan, index);
      while (!stream.done) yield stream.take();
    },
  };
}
