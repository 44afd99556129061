import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, RngBank, type RandomSource } from '../../engine/core/random.ts';

/** One step of an interleaving: a row, what it draws, how many times; or a re-derivation of the row. */
const step = fc.record({
  row: fc.nat({ max: 7 }),
  op: fc.constantFrom('next', 'nextUint32', 'nextInt32', 'int', 'rederive'),
  times: fc.integer({ min: 1, max: 5 }),
  n: fc.integer({ min: 1, max: 1_000_000 }),
});

function draw(rng: RandomSource, op: string, n: number): number {
  if (op === 'next') return rng.next();
  if (op === 'nextUint32') return rng.nextUint32();
  if (op === 'nextInt32') return rng.nextInt32();
  return rng.int(n);
}

describe('RngBank', () => {
  it('should draw, row by row, exactly what one Rng per row draws, for any seeds, names, row widths and interleaving', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.string({ maxLength: 12 }), { minLength: 8, maxLength: 8 }),
        fc.array(step, { maxLength: 120 }),
        fc.integer({ min: 4, max: 9 }),
        (seed, names, steps, stride) => {
          const root = Rng.from(seed);
          const oracles = names.map((name) => root.derive(name));
          const bank = new RngBank(names.length, stride);
          names.forEach((name, row) => bank.derive(row, root, name));
          // The owner's words beside each row's generator: written between draws, they must neither move nor be moved.
          const owned = (row: number, i: number): number => (row * 31 + i * 7 + seed) | 0;
          for (let row = 0; row < names.length; row++) for (let i = 4; i < stride; i++) bank.setWord(row, i, owned(row, i));
          for (const { row, op, times, n } of steps) {
            for (let i = 4; i < stride; i++) expect(bank.word(row, i)).toBe(owned(row, i));
            if (op === 'rederive') {
              // Re-deriving a row starts its sequence again, as a fresh Rng would.
              oracles[row] = root.derive(names[row]!);
              bank.derive(row, root, names[row]!);
              continue;
            }
            const rng = bank.select(row);
            const got = Array.from({ length: times }, () => draw(rng, op, n));
            expect(got).toEqual(Array.from({ length: times }, () => draw(oracles[row]!, op, n)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should seed a row with a prefix exactly as deriving the joined name does, for any seed, prefix and name', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ maxLength: 12 }), fc.string({ maxLength: 16 }), (seed, prefix, name) => {
        const root = Rng.from(seed);
        const bank = new RngBank(1);
        bank.derive(0, root, name, prefix);
        const oracle = root.derive(prefix + name);
        const expected = Array.from({ length: 8 }, () => oracle.nextUint32());
        expect(Array.from({ length: 8 }, () => bank.select(0).nextUint32())).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('should advance only the selected row, words above 2^31 included', () => {
    const bank = new RngBank(2);
    bank.derive(0, Rng.from(0xdeadbeef), 'srv-9');
    bank.derive(1, Rng.from(0xdeadbeef), 'ws-02');
    const oracle = Rng.from(0xdeadbeef).derive('srv-9');
    const expected = Array.from({ length: 50 }, () => oracle.nextUint32());
    expect(expected.some((word) => word >= 2 ** 31)).toBe(true);
    expect(Array.from({ length: 50 }, () => bank.select(0).nextUint32())).toEqual(expected);
    // Row 1 never moved while row 0 drew.
    expect(bank.select(1).nextUint32()).toBe(Rng.from(0xdeadbeef).derive('ws-02').nextUint32());
  });

  it("should draw nextInt32 as nextUint32's word read signed: the same sequence, the same bits, a negative int32 above 2^31", () => {
    for (const [a, b] of [
      [Rng.from(11).derive('ws-01'), Rng.from(11).derive('ws-01')],
      [new RngBank(1), new RngBank(1)],
    ] as const) {
      if (a instanceof RngBank && b instanceof RngBank) {
        a.derive(0, Rng.from(11), 'ws-01');
        b.derive(0, Rng.from(11), 'ws-01');
      }
      const words = Array.from({ length: 64 }, () => a.nextUint32());
      const signed = Array.from({ length: 64 }, () => b.nextInt32());
      expect(signed.map((word) => word >>> 0)).toEqual(words);
      expect(signed.every((word) => Number.isInteger(word) && word >= -(2 ** 31) && word < 2 ** 31)).toBe(true);
      expect(signed.some((word) => word < 0)).toBe(true);
      expect(signed.map((word) => [word >>> 16, word & 0xffff])).toEqual(words.map((word) => [word >>> 16, word & 0xffff]));
    }
  });

  it('should share its memory with floats(): an owner float in words 8–9 of a row is kept there and never moves a draw', () => {
    const bank = new RngBank(3, 16);
    const untouched = new RngBank(3, 16);
    for (const b of [bank, untouched]) for (let row = 0; row < 3; row++) b.derive(row, Rng.from(5), `d${row}`);
    const floats = bank.floats();
    expect(floats.length).toBe(3 * 8);
    floats[1 * 8 + 4] = 1_733_000_000_123.5; // row 1, words 8 and 9
    expect(bank.word(1, 8)).not.toBe(0);
    expect(bank.word(0, 8)).toBe(0);
    for (let row = 0; row < 3; row++)
      expect(Array.from({ length: 20 }, () => bank.select(row).nextUint32())).toEqual(
        Array.from({ length: 20 }, () => untouched.select(row).nextUint32()),
      );
    expect(floats[1 * 8 + 4]).toBe(1_733_000_000_123.5);
  });
});
