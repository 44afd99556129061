import { describe, expect, it } from 'vitest';
import { hashTapes, IDENTITY_CAPACITY, mix32, tapeOffset } from '../../../engine/pipeline/synth/hash-tape.ts';

describe('hashTapes', () => {
  it('should be lowercase hex, long enough to read a sha256 at every offset', () => {
    const { sha256, sha1, md5 } = hashTapes();
    for (const tape of [sha256, sha1, md5]) {
      expect(tape.length).toBe(IDENTITY_CAPACITY + 64);
      expect(/^[0-9a-f]+$/.test(tape)).toBe(true);
    }
    expect(sha1).not.toBe(sha256);
    expect(hashTapes()).toBe(hashTapes());
  });
});

describe('tapeOffset', () => {
  it('should map identities one-to-one onto the tape, so distinct files get distinct windows', () => {
    const seen = new Uint8Array(IDENTITY_CAPACITY);
    for (let identity = 0; identity < IDENTITY_CAPACITY; identity++) seen[tapeOffset(identity)] = 1;
    expect(seen.every((mark) => mark === 1)).toBe(true);
  });

  it('should send neighbouring identities far apart (no visibly shifted hashes)', () => {
    const gaps = Array.from({ length: 100 }, (_, i) => Math.abs(tapeOffset(i + 1) - tapeOffset(i)));
    expect(Math.min(...gaps)).toBeGreaterThan(64);
  });

  it('should read 10,000 distinct sha256 values for 10,000 identities', () => {
    const { sha256 } = hashTapes();
    const values = new Set(Array.from({ length: 10_000 }, (_, i) => sha256.substring(tapeOffset(i), tapeOffset(i) + 64)));
    expect(values.size).toBe(10_000);
  });
});

describe('mix32', () => {
  it('should be a deterministic unsigned 32-bit mix', () => {
    expect(mix32(1)).toBe(mix32(1));
    expect(mix32(1)).not.toBe(mix32(2));
    expect(mix32(0xffffffff)).toBeGreaterThanOrEqual(0);
    expect(mix32(0xffffffff)).toBeLessThan(2 ** 32);
  });
});
