// writeJson must print exactly what JSON.stringify(value, null, 2) prints, however much of it streams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamedArray, streamedObject, writeJson } from '../../engine/report/json-writer.ts';

/** Turns every array and object of `value` into its streamed form, so every part goes through the writer. */
function streamify(value: unknown): unknown {
  if (Array.isArray(value)) {
    return streamedArray((emit) => {
      for (const item of value) emit(streamify(item));
    });
  }
  if (value !== null && typeof value === 'object')
    return streamedObject(Object.fromEntries(Object.entries(value).map(([key, member]) => [key, streamify(member)])));
  return value;
}

function written(value: unknown, indent?: string): string {
  const chunks: string[] = [];
  writeJson((chunk) => void chunks.push(chunk), value, indent);
  return chunks.join('');
}

describe('writeJson', () => {
  it('should print any JSON value as JSON.stringify(value, null, 2) does, with every array and object streamed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(written(streamify(value))).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('should print plain values nested in streamed ones at their nesting depth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
        (items, record) => {
          const value = { items, record };
          expect(written(streamedObject({ items: streamedArray((emit) => items.forEach(emit)), record }))).toBe(
            JSON.stringify(value, null, 2),
          );
        },
      ),
    );
  });

  it('should leave out an undefined member and print an undefined array item as null, like JSON.stringify', () => {
    const value = streamedObject({ a: undefined, b: streamedArray((emit) => emit(undefined)), c: { d: undefined } });
    expect(written(value)).toBe(JSON.stringify({ a: undefined, b: [undefined], c: { d: undefined } }, null, 2));
  });

  it('should print empty streamed arrays and objects as [] and {}', () => {
    expect(written(streamedObject({ a: streamedArray(() => {}), b: streamedObject({}) }))).toBe('{\n  "a": [],\n  "b": {}\n}');
  });

  it('should keep line breaks inside strings escaped, so the indent never lands inside a value', () => {
    expect(written({ text: 'a\nb\r\n\u2028' }, '    ')).toBe('{\n      "text": "a\\nb\\r\\n\u2028"\n    }');
  });

  it('should refuse, at compile time, a projection with a missing or misspelt key of its shape', () => {
    type Summary = { scenarios: number; passed: number; failed: number; invalid?: number };
    // @ts-expect-error -- `faild` is not a key of the shape (misspelt `failed`, which is then missing too)
    const misspelt = streamedObject<Summary>({ scenarios: 1, passed: 1, faild: 0 });
    // @ts-expect-error -- `failed` is missing
    const missing = streamedObject<Summary>({ scenarios: 1, passed: 1 });
    // @ts-expect-error -- a streamed item must have the array's item shape
    const wrongItem = streamedObject<{ list: readonly number[] }>({ list: streamedArray<string>((emit) => emit('1')) });
    expect([misspelt, missing, wrongItem].map((value) => written(value))).toEqual([
      '{\n  "scenarios": 1,\n  "passed": 1,\n  "faild": 0\n}',
      '{\n  "scenarios": 1,\n  "passed": 1\n}',
      '{\n  "list": [\n    "1"\n  ]\n}',
    ]);
  });
});
