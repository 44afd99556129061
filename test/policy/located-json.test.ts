import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn, MAX_JSON_DEPTH, parseLocatedJson } from '../../engine/policy/located-json.ts';

describe('parseLocatedJson', () => {
  it('should give the line and column where each object and array starts', () => {
    const doc = parseLocatedJson('{\n  "value": [\n    { "a": 1 },\n    [true, null]\n  ]\n}');
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    const list = (doc.value.value as { value: unknown[] }).value;
    expect(doc.value.at(list)).toEqual({ line: 2, column: 12 });
    expect(doc.value.at(list[0])).toEqual({ line: 3, column: 5 });
    expect(doc.value.at(list[1])).toEqual({ line: 4, column: 5 });
    expect(doc.value.at('a string')).toEqual({ line: 1, column: 1 });
  });

  it('should read the same value as JSON.parse for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        const doc = parseLocatedJson(text);
        expect(doc.ok && doc.value.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('should keep a "__proto__" key as data, as JSON.parse does', () => {
    const doc = parseLocatedJson('{ "__proto__": { "polluted": true } }');
    expect(doc.ok && Object.keys(doc.value.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should place a syntax error at its line and column, and skip a leading BOM', () => {
    expect(parseLocatedJson('\uFEFF{\n  "a": [1,]\n}')).toEqual({ ok: false, issues: { line: 2, column: 11, reason: 'syntax' } });
    expect(parseLocatedJson('{"a": 1} trailing')).toMatchObject({ ok: false, issues: { line: 1, column: 10 } });
    expect(parseLocatedJson('')).toMatchObject({ ok: false, issues: { reason: 'syntax' } });
  });

  it('should refuse nesting deeper than MAX_JSON_DEPTH without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseLocatedJson(deep)).toEqual({ ok: false, issues: { line: 1, column: MAX_JSON_DEPTH + 1, reason: 'depth' } });
  });
});

describe('lineColumn', () => {
  it('should count lines from 1 and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('parseLocatedJson on large input', () => {
  it('should read a 10 MB string without overflowing the stack, and check its escapes', () => {
    const doc = parseLocatedJson(`{"a": "${'x'.repeat(10_000_000)}", "b": "\\u00e9\\n"}`);
    expect(doc.ok && (doc.value.value as { b: string }).b).toBe('é\n');
    expect(parseLocatedJson('"\\x"')).toMatchObject({ ok: false, issues: { column: 2 } });
    expect(parseLocatedJson('"\\u12"')).toMatchObject({ ok: false, issues: { column: 2 } });
    expect(parseLocatedJson('"a\tb"')).toMatchObject({ ok: false, issues: { column: 3 } });
    expect(parseLocatedJson('"open')).toMatchObject({ ok: false, issues: { column: 6 } });
  });
});
