/** Writes JSON in the exact layout of `JSON.stringify(value, null, 2)`, with objects and arrays whose parts are produced one at a time. */
import type { Write } from './scenario-report.ts';

/** An array whose items are produced on demand, each handed to `emit` in order; none is kept. */
export class StreamedArray<T> {
  constructor(readonly items: (emit: (item: T) => void) => void) {}
}

/** An object written member by member, in the members' insertion order, so that a member's value may itself stream. */
export class StreamedObject<T> {
  constructor(readonly members: StreamedMembers<T>) {}
}

/** A value of type `T` as written: whole, or streamed (an array item by item, an object member by member). */
export type Streamable<T> = T | (T extends readonly (infer Item)[] ? StreamedArray<Streamable<Item>> : never) | StreamedObject<T>;

/** The members of a `T` for {@link streamedObject}: every key of `T`, spelt as `T` spells it, each value streamable. */
export type StreamedMembers<T> = { readonly [K in keyof T]: Streamable<T[K]> };

/**
 * An array for {@link writeJson} whose items `items` produces by calling `emit`, each written as it comes.
 *
 * @example
 * streamedArray<string>((emit) => { for (const report of reports) emit(report.name); });
 */
export function streamedArray<T>(items: (emit: (item: T) => void) => void): StreamedArray<T> {
  return new StreamedArray(items);
}

/**
 * An object for {@link writeJson} with its members in the order written; a member whose value is
 * undefined is left out, as `JSON.stringify` does. Name the shape (`streamedObject<JsonScenario>(…)`) and
 * the compiler refuses a missing or misspelt key.
 *
 * @example
 * streamedObject<{ name: string; verdicts: readonly string[] }>({ name: 'x', verdicts: streamedArray(each) });
 */
export function streamedObject<T>(members: StreamedMembers<T>): StreamedObject<T> {
  return new StreamedObject(members);
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would print it at nesting `indent` (default none),
 * byte for byte, but never holds more than one streamed item's text: plain values are stringified whole,
 * {@link streamedArray} and {@link streamedObject} part by part. No trailing newline.
 *
 * @example
 * writeJson(write, streamedObject({ a: streamedArray((emit) => { emit(1); emit(2); }) }));
 * // writes '{\n  "a": [\n    1,\n    2\n  ]\n}', one chunk per bracket, key and item
 */
export function writeJson(write: Write, value: unknown, indent = ''): void {
  const inner = `${indent}  `;
  if (value instanceof StreamedArray) {
    let first = true;
    value.items((item: unknown) => {
      write(first ? `[\n${inner}` : `,\n${inner}`);
      first = false;
      writeJson(write, item, inner);
    });
    write(first ? '[]' : `\n${indent}]`);
  } else if (value instanceof StreamedObject) {
    const members = Object.entries(value.members as object).filter(([, member]) => member !== undefined);
    members.forEach(([key, member], index) => {
      write(`${index === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      writeJson(write, member, inner);
    });
    write(members.length === 0 ? '{}' : `\n${indent}}`);
  } else {
    // Inside strings JSON.stringify escapes every line break, so each raw '\n' is layout: indent after it.
    // An undefined array item prints as null, as in JSON.stringify.
    const text = JSON.stringify(value, null, 2) ?? 'null';
    write(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
  }
}
