import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/scenario/index.ts';
import { aliasTable, MAX_ALIASES } from '../../../engine/scenario/text/alias-table.ts';
import { documentData, MAX_ALIAS_VALUES } from '../../../engine/scenario/text/document-data.ts';
import { parseSource } from '../../../engine/scenario/text/parse-source.ts';
import { MINIMAL, yaml } from '../scenario-text.ts';

/** A scenario with `count` distinct anchors, each used once by an alias, in the device's tags (anchor on line 6 + 2i). */
function withAliases(count: number): string {
  const lines = [MINIMAL.trimEnd(), '    tags:'];
  for (let i = 0; i < count; i++) lines.push(`      - &a${i} n`, `      - *a${i}`);
  return yaml(...lines);
}

const parse = (text: string, file = 'demo.yaml') => {
  const parsed = parseSource(text, file);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  return parsed.source.doc;
};

describe('aliasTable', () => {
  it('should resolve every alias to the last anchor of its name before it, visiting each node once', () => {
    const doc = parseDocument('a: &x 1\nb: *x\nc: &x 2\nd: [*x, *x]\n');
    const table = aliasTable(doc);
    expect(table.count).toBe(3);
    // The root map, 4 keys, 4 values and the 2 aliases in d: the walk is linear, never one walk per alias.
    expect(table.visited).toBe(11);
    expect(table.aliases.map((alias) => (table.source(alias) as { value?: unknown } | undefined)?.value)).toEqual([1, 2, 2]);
  });

  it('should visit each node once however many aliases there are', () => {
    const doc = parseDocument(withAliases(9_000));
    const table = aliasTable(doc);
    expect(table.count).toBe(9_000);
    expect(table.visited).toBeLessThan(9_000 * 2 + 20);
  });
});

describe('documentData', () => {
  it('should convert like yaml does: aliases share their anchor, merge keys fill only missing keys', () => {
    for (const text of [
      'a: &x { k: 1, j: [1, 2] }\nb: *x\nc: { <<: *x, k: 2 }\nd: { k: 3, <<: [*x, { z: 1 }] }\n',
      'list: [&s one, *s, { __proto__: 1, n: ~ }]\n"1": true\n',
      'm: &m [{ a: 1 }, { a: 2, b: 2 }]\nx: { <<: *m, c: 3 }\n',
      MINIMAL,
    ]) {
      const doc = parse(text);
      const data = documentData(doc, 'demo.yaml');
      expect(data).toEqual({ ok: true, value: doc.toJS() });
    }
  });

  it('should keep a __proto__ key as data, never as the prototype', () => {
    const data = documentData(parse('{ __proto__: { polluted: 1 } }\n'), 'demo.yaml');
    expect(data.ok && Object.getPrototypeOf(data.value)).toBe(Object.prototype);
    expect(data.ok && Object.keys(data.value as object)).toEqual(['__proto__']);
  });

  it('should load a scenario with 9,000 aliases', () => {
    expect(loadScenario(withAliases(9_000), 'demo.yaml').ok).toBe(true);
  });

  it(`should refuse the alias after the ${MAX_ALIASES}th with its line and column`, () => {
    const result = loadScenario(withAliases(MAX_ALIASES + 1), 'demo.yaml');
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'too_many_aliases', file: 'demo.yaml', line: 6 + 2 * MAX_ALIASES + 1, column: 9 });
    expect(issues[0]?.message).toBe(`more than ${MAX_ALIASES} aliases: refused as a resource exhaustion attack`);
  });

  it('should refuse aliases that expand to more values than the budget, counted without expanding them', () => {
    const result = loadScenario(
      yaml(
        MINIMAL.trimEnd(),
        `    tags: &a [${'t,'.repeat(999)}t]`,
        '  - name: ws-02',
        '    os: windows-11',
        `    tags: [${'*a,'.repeat(1_999)}*a]`,
      ),
      'demo.yaml',
    );
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['alias_bomb']);
  });

  it(`should take aliases that stand for exactly ${MAX_ALIAS_VALUES} values and refuse one value more`, () => {
    // An anchored list of n items counts n + 1 values (the list and its items); each alias counts them again.
    const aliases = MAX_ALIAS_VALUES / 1_000;
    const text = (extra: string) => `s: &s x\na: &a [${'t,'.repeat(998)}t]\nb: [${'*a,'.repeat(aliases - 1)}*a]\n${extra}`;
    const atLimit = documentData(parse(text('')), 'demo.yaml');
    expect(atLimit.ok && (atLimit.value as { b: unknown[] }).b.length).toBe(aliases);
    expect(documentData(parse(text('c: *s\n')), 'demo.yaml')).toMatchObject({ ok: false, issues: [{ code: 'alias_bomb' }] });
  });

  it('should refuse a merge key whose value is not a map, as bad input rather than an internal error', () => {
    const result = documentData(parse('a: { <<: 1 }\n'), 'demo.yaml');
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['bad_merge']);
  });

  it('should refuse an alias whose anchor comes after it', () => {
    const doc = parseDocument('a: *x\nb: &x 1\n');
    const result = documentData(doc, 'demo.yaml');
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      'alias *x cannot be resolved: no anchor &x before it',
    ]);
  });
});
