// FROZEN (issue 13): a verbatim copy of engine/pipeline/synth/hash-tape.ts at e2b9e62, part of the G baseline; never optimise or update it (see bench/frozen-generator.ts).
/** File hashes without per-artifact hex formatting: each file identity reads fixed windows of random hex tapes. */
import { Rng } from '../../engine/core/random.ts';

const TAPE_BITS = 18;
const MASK = (1 << TAPE_BITS) - 1;
const HEX = '0123456789abcdef';

/** How many distinct file identities the tapes can tell apart (each gets its own sha256, sha1 and md5). */
export const IDENTITY_CAPACITY = 1 << TAPE_BITS;

/** Three random lowercase-hex strings, read at `tapeOffset(identity)` for 64, 40 and 32 characters. */
export interface HashTapes {
  readonly sha256: string;
  readonly sha1: string;
  readonly md5: string;
}

let tapes: HashTapes | undefined;

/**
 * The hash tapes, built on first use from fixed seeds (about 0.8 MB in all). A hash is then one
 * `substring` (a slice, no copy), about 30× cheaper than formatting 64 hex digits per artifact.
 *
 * @example
 * const { sha256 } = hashTapes();
 * sha256.substring(tapeOffset(7), tapeOffset(7) + 64); // the same 64 hex digits on every run
 */
export function hashTapes(): HashTapes {
  tapes ??= { sha256: buildTape(0x5a256), sha1: buildTape(0x5a001), md5: buildTape(0x5a005) };
  return tapes;
}

/**
 * Where identity `identity` (0 ≤ identity < IDENTITY_CAPACITY) starts reading. A bijection on the tape,
 * so distinct identities get distinct windows, and neighbours land far apart (no visibly shifted hashes).
 *
 * @example
 * tapeOffset(1) !== tapeOffset(2); // true, and far apart
 */
export function tapeOffset(identity: number): number {
  const x = identity & MASK;
  return Math.imul(x ^ (x >>> 7), 0x9e3779b1) & MASK;
}

/** A 32-bit mix of an integer (murmur3's finaliser), for per-identity details such as file-name numbers. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function buildTape(seed: number): string {
  const rng = Rng.from(seed);
  const chunks: string[] = [];
  // 64 extra characters so a window starting at the last offset still has a full sha256 to read.
  for (let i = 0; i < (IDENTITY_CAPACITY + 64) / 8; i++) {
    const w = rng.nextUint32();
    chunks.push(
      HEX[w >>> 28]! +
        HEX[(w >>> 24) & 15]! +
        HEX[(w >>> 20) & 15]! +
        HEX[(w >>> 16) & 15]! +
        HEX[(w >>> 12) & 15]! +
        HEX[(w >>> 8) & 15]! +
        HEX[(w >>> 4) & 15]! +
        HEX[w & 15]!,
    );
  }
  return chunks.join('');
}
