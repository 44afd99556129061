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
