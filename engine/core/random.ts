/** Seeded randomness: the only source of chance in engine/. Same seed, same sequence, on every machine. */

/** 32-bit FNV-1a hash of a string, for deriving independent streams from names. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A small, fast seeded generator (sfc32). Use {@link Rng.derive} to give each device its own stream,
 * so that sharding a fleet never changes what any device sees.
 *
 * @example
 * const rng = Rng.from(7).derive('ws-01');
 * rng.next(); // a float in [0, 1), the same on every run
 */
export class Rng {
  // `declare`: no class-field initialisers, so the state is set once in the constructor and V8 keeps
  // it in fast in-object slots (ES2022 field semantics would start each as undefined: ~2× slower draws).
  declare private a: number;
  declare private b: number;
  declare private c: number;
  declare private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A generator seeded by an integer seed. */
  static from(seed: number): Rng {
    const s = Math.trunc(seed) >>> 0;
    return new Rng(0x9e3779b9, 0x243f6a88, 0xb7e15162, s);
  }

  /** An independent generator for `name` (a device, a generator id), from this generator's seed state. */
  derive(name: string): Rng {
    return new Rng(hashString(name, this.a), hashString(name, this.b ^ 0x5bd1e995), this.c ^ hashString(name), this.d);
  }

  /**
   * Writes the state of `derive(prefix + name)` to `into[at..at+3]` (as {@link saveState} would), without
   * building the joined name or a generator: one pass over the characters feeds the three hashes, and the
   * warm-up draws run on locals. A fleet derives one stream per device, so at 10^6 devices this is per-device
   * set-up on the run's clock (issue 13); a law in test/core holds it to `derive`.
   */
  deriveInto(prefix: string, name: string, into: Uint32Array | Int32Array, at: number): void {
    let h1 = this.a >>> 0;
    let h2 = (this.b ^ 0x5bd1e995) >>> 0;
    let h3 = 0x811c9dc5;
    for (let part = 0; part < 2; part++) {
      const text = part === 0 ? prefix : name;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
        h2 = Math.imul(h2 ^ code, 0x01000193) >>> 0;
        h3 = Math.imul(h3 ^ code, 0x01000193) >>> 0;
      }
    }
    let a = h1;
    let b = h2;
    let c = (this.c ^ h3) >>> 0;
    let d = this.d >>> 0;
    // The constructor's 12 warm-up draws, as nextUint32 makes them.
    for (let i = 0; i < 12; i++) {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
    }
    into[at] = a;
    into[at + 1] = b;
    into[at + 2] = c;
    into[at + 3] = d;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** {@link RandomSource.nextInt32}: `nextUint32()`'s 32 bits as a signed int32. */
  nextInt32(): number {
    return this.nextUint32() | 0;
  }

  /** Writes the four state words to `into[at..at+3]` (see {@link RngBank}). */
  saveState(into: Uint32Array | Int32Array, at: number): void {
    into[at] = this.a;
    into[at + 1] = this.b;
    into[at + 2] = this.c;
    into[at + 3] = this.d;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

/** What a draw needs: an {@link Rng}, or an {@link RngBank} at its selected row. */
export interface RandomSource {
  nextUint32(): number;
  /**
   * The same draw as `nextUint32`, its 32 bits as a signed int32 (`>>> 16`, `& 0xffff` and `>>> 0` read it as the
   * unsigned word): a small integer on 64-bit V8, so it is never boxed where the call is not inlined. A uint32 at or
   * above 2^31, or `next`'s float, is a 16-byte heap number per draw there (issue 13, ninth pass: the generator's
   * hot function exceeds TurboFan's inlining budget, and its class draw cost 16 B per artifact).
   */
  nextInt32(): number;
  next(): number;
  int(n: number): number;
}

/**
 * The generator states of many devices in one typed array, 16 bytes a row, drawn in place. A fleet of 10^6
 * devices then holds its random state in 16 MB of flat memory instead of 10^6 objects whose words above
 * 2^31 V8 may box: a draw touches one cache line. `select(row)` picks the row the next draws advance; each
 * row draws exactly the sequence of the {@link Rng} it was derived as (a law in test/core pins it).
 *
 * @example
 * const bank = new RngBank(2);
 * bank.derive(0, Rng.from(7), 'ws-01');
 * bank.select(0).next(); // equals Rng.from(7).derive('ws-01').next()
 */
export class RngBank implements RandomSource {
  private readonly state: Int32Array;
  /** Offset of the selected row's first word. */
  private at = 0;
  /** Words per row: the 4 of the generator, then `stride − 4` words the owner keeps beside them. */
  private readonly stride: number;

  /**
   * `rows` generators; `stride` (default 4, at least 4) words per row: a caller that reads its own per-row
   * counters with every draw keeps them in words 4… of the same row (`word`, `setWord`), so one cache line
   * serves both (8 words: a 32-byte row).
   */
  constructor(
    readonly rows: number,
    stride = 4,
  ) {
    this.stride = Math.max(4, Math.floor(stride));
    this.state = new Int32Array(rows * this.stride);
  }

  /** Seeds `row` with `root.derive(prefix + name)` (`prefix` default ''). */
  derive(row: number, root: Rng, name: string, prefix = ''): void {
    root.deriveInto(prefix, name, this.state, row * this.stride);
  }

  /** Makes `row` the one the next draws advance. */
  select(row: number): this {
    this.at = row * this.stride;
    return this;
  }

  /** The owner's word `i` (4 ≤ i < stride) of `row`, an int32. */
  word(row: number, i: number): number {
    return this.state[row * this.stride + i]!;
  }

  /** Sets the owner's word `i` (4 ≤ i < stride) of `row` to `value` (stored as int32). */
  setWord(row: number, i: number, value: number): void {
    this.state[row * this.stride + i] = value;
  }

  /**
   * The rows' memory as float64s, `stride / 2` a row (`stride` even): an owner that keeps a number beside a row
   * (a merge's waiting time, issue 13) keeps it in owner words `2j, 2j + 1` (j ≥ 2) as float `row * stride / 2 + j`,
   * so the row's one cache line holds it too. Draws never touch owner words.
   *
   * @example
   * new RngBank(2, 16).floats()[8 + 4] = 1.5; // row 1, owner words 8 and 9
   */
  floats(): Float64Array {
    return new Float64Array(this.state.buffer, this.state.byteOffset, (this.state.length * 4) >> 3);
  }

  /** {@link Rng.nextUint32} on the selected row: {@link nextInt32}'s word read unsigned. */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /**
   * {@link RandomSource.nextInt32} on the selected row, the one home of a row's step: the words are kept as int32 (the
   * same 32 bits: stores wrap modulo 2^32, `>>>` reads them unsigned), so loads stay small integers, never doubles,
   * and the draw is `Rng.nextUint32`'s word as an int32 (the sum of three int32s is exact before `| 0` wraps it).
   */
  nextInt32(): number {
    const s = this.state;
    const i = this.at;
    const a = s[i]!;
    const b = s[i + 1]!;
    const c = s[i + 2]!;
    const d = s[i + 3]!;
    const t = (a + b + d) | 0;
    s[i] = b ^ (b >>> 9);
    s[i + 1] = c + (c << 3);
    s[i + 2] = ((c << 21) | (c >>> 11)) + t;
    s[i + 3] = d + 1;
    return t;
  }

  /** A float in [0, 1) from the selected row. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n) from the selected row. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
