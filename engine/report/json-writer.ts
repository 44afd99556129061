/** Writes JSON in the exact layout of `JSON.stringify(value, null, 2)`, with objects and arrays whose parts are produced one at a time. */
import type { Write } from './scenario-report.ts';

/** An array whose items are produced on demand, each handed to `emit` in order; none is kept. */
class StreamedArray {
  constructor(readonly items: (emit: (item: unknown) => void) => void) {}
}

/** An object written member by member, so that a member's value may itself stream. */
class StreamedObject {
  constructor(readonly members: readonly (readonly [string, unknown])[]) {}
}

/**
 * An array for {@link writeJson} whose items `items` produces by calling `emit`, each written as it comes.
 *
 * @example
 * streamedArray((emit) => { for (const report of reports) emit(report.name); });
 */
export function streamedArray(items: (emit: (item: unknown) => void) => void): unknown {
  return new StreamedArray(items);
}

/**
 * An object for {@link writeJson} with its members in this order; a member whose value is undefined is
 * left out, as `JSON.stringify` does.
 *
 * @example
 * streamedObject([['name', 'x'], ['verdicts', streamedArray(each)]]);
 */
export function streamedObject(members: readonly (readonly [string, unknown])[]): unknown {
  return new StreamedObject(members);
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would print it at nesting `indent` (default none),
 * byte for byte, but never holds more than one streamed item's text: plain values are stringified whole,
 * {@link streamedArray} and {@link streamedObject} part by part. No trailing newline.
 *
 * @example
 * writeJson(write, streamedObject([['a', streamedArray((emit) => { emit(1); emit(2); })]]));
 * // writes '{\n  "a": [\n    1,\n    2\n  ]\n}', one chunk per bracket, key and item
 */
export function writeJson(write: Write, value: unknown, indent = ''): void {
  const inner = `${indent}  `;
  if (value instanceof StreamedArray) {
    let first = true;
    value.items((item) => {
      write(first ? `[\n${inner}` : `,\n${inner}`);
      first = false;
      writeJson(write, item, inner);
    });
    write(first ? '[]' : `\n${indent}]`);
  } else if (value instanceof StreamedObject) {
    const members = value.members.filter(([, member]) => member !== undefined);
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
