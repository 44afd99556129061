/** The counting sink of a run: verdict codes and per-device outcomes in typed arrays, turned into `Counts` at the end. */
import { alertStatusOf } from './build-verdict.ts';
import type { CompactVerdict } from './compact-verdict.ts';
import { emptyCounts, type Counts } from './counts.ts';
import type { Outcome } from '../core/vocabulary.ts';
import { decodeVerdict, VERDICT_CODES } from './verdict-code.ts';
import { COUNT_SLOT, deviceRows, ROW_SLOTS } from './device-rows.ts';

/** Something that names its device: an artifact or a verdict. */
interface Named {
  readonly device: string;
}

const nameOf = (device: string | Named): string => (typeof device === 'string' ? device : device.device);

/**
 * Counts compact verdicts with two array increments each: one per verdict code (`verdict-code.ts`), one
 * per device and outcome, the device by its index in the fleet (`FleetModel.indexOf`). `counts()` gives
 * exactly what `countVerdict` into `emptyCounts()` gives for the same verdicts, `byDevice` in the order
 * devices were first seen (a law in test/pipeline checks both). A device the fleet does not know (index
 * −1) is counted by name.
 *
 * @example
 * const tally = new CountTally(model.size);
 * tally.add(verdict, model.indexOf(verdict.device) ?? -1);
 * tally.counts().byOutcome.blocked; // 1
 */
export class CountTally {
  private readonly codes = new Float64Array(VERDICT_CODES);
  /** Outcome counts per device in its row (`device-rows.ts`), 4 of its slots. Float64: exact past 2^31 artifacts. */
  private readonly rows: Float64Array;
  /** Devices in the order of their first verdict: a fleet index, or a name the fleet does not know. */
  private readonly order: (number | string)[] = [];
  /** Without `nameAt`: the name each device of `order` was first counted under (with it: empty). */
  private readonly names: string[] = [];
  private readonly unknown = new Map<string, Float64Array>();
  /** Builds the `byDevice` of each `counts()` not read yet (see there): a list, so any number take no deeper stack. */
  private unbuilt: (() => unknown)[] = [];

  /**
   * `rows`: the run's per-device rows, shared with its context cache (default: rows of its own). `nameAt`: the name of
   * the fleet device at an index, the name its artifacts carry (a run passes its input's device names): a device's name
   * is then read only when `byDevice` is, not on its first count, a random read per device at 10^6 devices (issue 13).
   */
  constructor(
    deviceCount: number,
    rows: Float64Array = deviceRows(deviceCount),
    private readonly nameAt?: (index: number) => string,
  ) {
    if (rows.length < deviceCount * ROW_SLOTS) throw new RangeError('CountTally: fewer rows than devices');
    this.rows = rows;
  }

  /** Counts one verdict on the device at `deviceIndex` of the fleet, or −1 for a device it does not have. */
  add(verdict: CompactVerdict, deviceIndex: number): void {
    this.count(verdict.code, deviceIndex, verdict);
  }

  /**
   * Counts one decision by its code (`decideCode`), as {@link add} counts the verdict that has it: the counting
   * run's path, which makes no verdict. `device` is the device's name, or what names it (the artifact or the
   * verdict), read only on the device's first count (never, given `nameAt`) or for a device the fleet lacks: a
   * generated artifact reads its name from a 10^6-entry array at a random index (issue 13, eighth pass).
   */
  count(code: number, deviceIndex: number, device: string | Named): void {
    if (this.unbuilt.length !== 0) this.buildUnbuilt();
    this.codes[code]! += 1;
    if (deviceIndex >= 0) {
      const at = deviceIndex * ROW_SLOTS + COUNT_SLOT;
      const rows = this.rows;
      if (rows[at]! + rows[at + 1]! + rows[at + 2]! + rows[at + 3]! === 0) {
        this.order.push(deviceIndex);
        if (this.nameAt === undefined) this.names.push(nameOf(device));
      }
      rows[at + (code & 3)]! += 1;
      return;
    }
    this.countUnknown(code, nameOf(device));
  }

  private countUnknown(code: number, device: string): void {
    let row = this.unknown.get(device);
    if (row === undefined) {
      this.unknown.set(device, (row = new Float64Array(4)));
      this.order.push(device);
      if (this.nameAt === undefined) this.names.push(device);
    }
    row[code & 3]! += 1;
  }

  /**
   * The counts so far, as `Counts`. Its `byDevice` is built when first read (nothing in a counting run reads it: at
   * 10^6 devices the `Map` of names cost ≈ 0.5–0.8 µs per device, issue 13, ninth pass), from the rows as they are
   * now: a later count first builds every map handed out before it, so each is a snapshot of its call, as before.
   * Until it is read, the counts keep the tally's rows alive (64 bytes a device, less than the map they stand for).
   */
  counts(): Counts {
    const counts = emptyCounts();
    for (let code = 0; code < VERDICT_CODES; code++) {
      const n = this.codes[code]!;
      if (n === 0) continue;
      const facts = decodeVerdict(code);
      counts.artifacts += n;
      counts.byOutcome[facts.outcome] += n;
      counts.byBlocker[facts.by] += n;
      counts.byDetectionStatus[facts.detectionStatus] += n;
      counts.byClass[facts.class][facts.outcome] += n;
      if (facts.alertCount > 0) {
        counts.alerts += n * facts.alertCount;
        counts.alertsByStatus[alertStatusOf(facts.detectionStatus)] += n * facts.alertCount;
      }
      if (facts.actionCenter) {
        counts.actionCenter += n;
        counts.actionCenterBy[facts.by === 'edr-block-mode' ? 'edr-block-mode' : 'mdav'] += n;
      }
    }
    let byDevice: Map<string, Record<Outcome, number>> | undefined;
    const build = (): Map<string, Record<Outcome, number>> => (byDevice ??= this.byDevice());
    this.unbuilt.push(build);
    // Replaced by the built map on first read: later reads are a plain property, as `emptyCounts` makes it.
    Object.defineProperty(counts, 'byDevice', {
      get: () => {
        const built = build();
        Object.defineProperty(counts, 'byDevice', { value: built, enumerable: true, writable: true, configurable: true });
        return built;
      },
      enumerable: true,
      configurable: true,
    });
    return counts;
  }

  /** Builds every `byDevice` handed out and not read yet, before a count changes the rows they read. */
  private buildUnbuilt(): void {
    const unbuilt = this.unbuilt;
    this.unbuilt = [];
    for (const build of unbuilt) build();
  }

  /** Each device's outcomes as they are now, in the order devices were first counted. */
  private byDevice(): Map<string, Record<Outcome, number>> {
    const byDevice = new Map<string, Record<Outcome, number>>();
    const { order, nameAt } = this;
    for (let at = 0; at < order.length; at++) {
      const device = order[at]!;
      // Read in place, one literal in OUTCOMES order: a `subarray` view and four keyed stores per device were
      // ≈ 0.4 of the 1.3 µs each device cost here at 10^6 devices (issue 13, eighth pass).
      const row = typeof device === 'number' ? this.rows : this.unknown.get(device)!;
      const i = typeof device === 'number' ? device * ROW_SLOTS + COUNT_SLOT : 0;
      const name = nameAt === undefined ? this.names[at]! : typeof device === 'number' ? nameAt(device) : device;
      byDevice.set(name, {
        blocked: row[i]!,
        detected: row[i + 1]!,
        allowed: row[i + 2]!,
        missed: row[i + 3]!,
      });
    }
    return byDevice;
  }
}
