import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeHeap } from '../../../engine/core/time-heap.ts';
import { SlotCalendar } from '../../../engine/pipeline/synth/slot-calendar.ts';

/** One operation on both queues: push a key not waiting, pop, or replace the top. */
type Op = { kind: 'push' | 'replace'; time: number; key: number } | { kind: 'pop' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('push' as const, 'replace' as const),
    // Few distinct times (many ties), times outside the span, and the odd infinity.
    time: fc.oneof(fc.integer({ min: -20, max: 120 }), fc.integer({ min: 0, max: 5 }), fc.constant(Infinity)),
    key: fc.integer({ min: 0, max: 15 }),
  }),
  fc.constant({ kind: 'pop' as const }),
);

describe('SlotCalendar', () => {
  it('should pop in the order of a binary heap (time, then key) for any operations, spans and slot counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(op, { maxLength: 200 }),
        fc.option(fc.record({ stride: fc.integer({ min: 1, max: 6 }), offset: fc.integer({ min: 0, max: 5 }) })),
        (start, span, slots, ops, rows) => {
          // Either its own array, or a float of each key's row in a caller's memory, whose other floats it must not touch.
          const store =
            rows === null
              ? undefined
              : {
                  floats: new Float64Array(16 * rows.stride).fill(0.5),
                  stride: rows.stride,
                  offset: rows.offset % rows.stride,
                };
          const calendar = new SlotCalendar(start, span, slots, 16, store);
          const heap = new TimeHeap();
          const waiting = new Set<number>();
          const seen: [number, number][] = [];
          const expected: [number, number][] = [];
          for (const step of ops) {
            if (step.kind === 'pop') {
              if (heap.size === 0) continue;
              seen.push([calendar.topTime, calendar.topKey]);
              expected.push([heap.topTime, heap.topKey]);
              waiting.delete(heap.topKey);
              calendar.pop();
              heap.pop();
            } else if (step.kind === 'push') {
              if (waiting.has(step.key)) continue;
              waiting.add(step.key);
              calendar.push(step.time, step.key);
              heap.push(step.time, step.key);
            } else {
              if (heap.size === 0 || (waiting.has(step.key) && heap.topKey !== step.key)) continue;
              waiting.delete(heap.topKey);
              waiting.add(step.key);
              calendar.replaceTop(step.time, step.key);
              heap.replaceTop(step.time, step.key);
            }
            expect(calendar.size).toBe(heap.size);
          }
          while (heap.size > 0) {
            seen.push([calendar.topTime, calendar.topKey]);
            expected.push([heap.topTime, heap.topKey]);
            calendar.pop();
            heap.pop();
          }
          expect(seen).toEqual(expected);
          expect(calendar.size).toBe(0);
          if (store !== undefined) {
            const others = store.floats.filter((_, i) => i % store.stride !== store.offset);
            expect(others.every((value) => value === 0.5)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should break a tie at one time by the smaller key, across slots filled in any order', () => {
    const calendar = new SlotCalendar(0, 100, 10, 8);
    calendar.push(70, 1);
    calendar.push(5, 3);
    calendar.push(5, 2);
    calendar.push(-4, 7);
    const order: number[] = [];
    while (calendar.size > 0) {
      order.push(calendar.topKey);
      calendar.pop();
    }
    expect(order).toEqual([7, 2, 3, 1]);
  });

  it('should read ahead, for each key a settle takes out of its slot, the row its word names, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 120 }), fc.integer({ min: -2, max: 12 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (keys, slots) => {
          // Key rows of 4 floats (8 int32 words): the time in float 0, the row to read ahead in word 6.
          const floats = new Float64Array(Math.max(1, keys.length) * 4);
          const words = new Int32Array(floats.buffer);
          keys.forEach(([, row], key) => (words[key * 8 + 6] = row));
          const read: number[] = [];
          // 10 rows of 2 floats: row 10 and beyond, and negative rows, are outside and must not be read.
          const rows = new Proxy(new Float64Array(20), {
            get: (target, property) => {
              if (typeof property === 'string' && /^\d+$/.test(property)) read.push(Number(property));
              return Reflect.get(target, property) as unknown;
            },
          }) as Float64Array;
          const calendar = new SlotCalendar(0, 100, slots, keys.length, { floats, stride: 4, offset: 0 });
          calendar.readAhead(rows, 2, 1, 6);
          const heap = new TimeHeap();
          keys.forEach(([time], key) => {
            calendar.push(time, key);
            heap.push(time, key);
          });
          while (heap.size > 0) {
            expect([calendar.topTime, calendar.topKey]).toEqual([heap.topTime, heap.topKey]);
            calendar.pop();
            heap.pop();
          }
          // Every key waited in a slot (the calendar had not started), so each was settled once.
          const expected = keys.flatMap(([, row]) => (row >= 0 && row < 10 ? [row * 2 + 1] : []));
          expect(read.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should refuse a key store without a float per key inside each row', () => {
    const floats = new Float64Array(8);
    expect(() => new SlotCalendar(0, 10, 4, 4, { floats, stride: 2, offset: 2 })).toThrow(RangeError);
    expect(() => new SlotCalendar(0, 10, 4, 5, { floats, stride: 2, offset: 0 })).toThrow(RangeError);
    expect(() => new SlotCalendar(0, 10, 4, 4, { floats, stride: 2, offset: 0 }).size).not.toThrow();
  });

  it('should do nothing when popping an empty queue', () => {
    const calendar = new SlotCalendar(0, 10, 4, 2);
    calendar.pop();
    expect(calendar.size).toBe(0);
  });
});
