/** One device's artifacts in time order, drawn lazily from that device's own rng. */
import type { Artifact } from '../../core/artifact.ts';
import { RngBank, type RandomSource } from '../../core/random.ts';
import { isClientOs } from '../../core/vocabulary.ts';
import { CATALOG } from './compile-catalog.ts';
import { artifactsOfDevice } from './generate-spec.ts';
import { makeArtifact } from './make-artifact.ts';
import type { SynthPlan } from './synth-plan.ts';

const make = makeArtifact; // a local binding: tsx turns cross-module calls into getter calls

/**
 * The cursor over device `index`'s artifacts: which one is next (`k` of `n`) and when (`at`). Times are
 * stratified, artifact k falling at a random point of slot k of the window, so the stream is sorted
 * without sorting and holds no buffer. State: a row of an {@link RngBank} (the merge's, shared by all its
 * devices, or a bank of its own), a user, and three numbers.
 */
export class DeviceStream {
  readonly n: number;
  /** Sequence number of the pending artifact. */
  k = 0;
  /** ms of the pending artifact; `Infinity` once the stream is done. */
  at = Infinity;
  private readonly bank: RngBank;
  private readonly user: number;
  private readonly name: string;
  /** The device's fleet index from the plan, −1 when not given. */
  private readonly fleetIndex: number;

  constructor(
    private readonly plan: SynthPlan,
    readonly index: number,
    bank?: RngBank,
    private readonly row = 0,
  ) {
    const { spec } = plan;
    this.name = spec.devices[index] ?? '';
    this.fleetIndex = plan.deviceIndexes?.[index] ?? -1;
    this.n = artifactsOfDevice(spec.count, spec.devices.length, index);
    // Everything this device ever draws comes from this one derived stream: shards agree without talking.
    this.bank = bank ?? new RngBank(1);
    this.bank.derive(row, plan.root, `${spec.id}:${this.name}`);
    const rng = this.bank.select(row);
    const os = spec.os?.[index];
    const server = os !== undefined && !isClientOs(os);
    this.user = server ? CATALOG.workstationUsers + rng.int(CATALOG.serverUsers) : rng.int(CATALOG.workstationUsers);
    if (this.n > 0) this.at = this.slotTime(rng, 0);
  }

  /** True when every artifact of the device has been taken. */
  get done(): boolean {
    return this.k >= this.n;
  }

  /** Returns the pending artifact and draws the time of the next one. Call only while `!done`. */
  take(): Artifact {
    const rng = this.bank.select(this.row);
    const artifact = make(this.plan, rng, this.name, this.user, this.k, this.at, this.fleetIndex);
    this.k += 1;
    this.at = this.k < this.n ? this.slotTime(rng, this.k) : Infinity;
    return artifact;
  }

  private slotTime(rng: RandomSource, k: number): number {
    const { spec, lastOffset } = this.plan;
    // Rounded products are monotone, so slot k's floor never passes slot k+1's: sorted even past 2^53.
    const offset = Math.floor(((k + rng.next()) * spec.window) / this.n);
    return spec.at + (offset > lastOffset ? lastOffset : offset);
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
