import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssues } from '../../../engine/core/issue.ts';
import { jsonTextIssue, scanJsonText } from '../../../engine/scenario/text/scan-json-text.ts';

const faults = (text: string) => scanJsonText(text).faults.map(({ kind, offset }) => `${kind}@${offset}`);

describe('scanJsonText', () => {
  it('should find a // comment line and blank it out, keeping every offset and line', () => {
    const text = '{\n  "name": "A comment in JSON",\n  // the sales laptops\n  "devices": []\n}\n';
    const scan = scanJsonText(text);
    expect(scan.faults).toEqual([{ kind: 'comment', offset: text.indexOf('//'), source: '// the sales laptops' }]);
    expect(scan.text).toBe(text.replace('// the sales laptops', ' '.repeat(20)));
    expect(JSON.parse(scan.text)).toEqual({ name: 'A comment in JSON', devices: [] });
  });

  it('should find /* */ comments across lines and # comments, keeping their line breaks', () => {
    const text = '{ /* one\n two */ "a": 1, # three\n "b": 2 }';
    expect(faults(text)).toEqual(['comment@2', 'comment@25']);
    expect(
      scanJsonText(text)
        .text.split('\n')
        .map((line) => line.length),
    ).toEqual(text.split('\n').map((line) => line.length));
  });

  it('should not take // or # inside strings, or in a bare URL, for a comment', () => {
    expect(faults('{ "url": "https://x/#a", "c": "/* no */", \'s\': \'//\' }')).toEqual([]);
    // A bare value is already "not a JSON value"; calling its // a comment would say the wrong thing.
    expect(faults('{ "url": http://x }')).toEqual([]);
  });

  it('should find trailing commas before ] and }, across spaces, lines and comments', () => {
    expect(faults('[ { "a": 1, }, ]')).toEqual(['trailing_comma@10', 'trailing_comma@13']);
    expect(faults('{ "tags": ["a",\n  ] }')).toEqual(['trailing_comma@14']);
    expect(faults('[1, // last\n]')).toEqual(['trailing_comma@2', 'comment@4']);
  });

  it('should not find a trailing comma where a value follows, or inside a string', () => {
    expect(faults('[1, 2, [3], {"a": ",]"}]')).toEqual([]);
  });

  it('should find nothing in any JSON that JSON.stringify writes, and leave its text alone', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const scan = scanJsonText(text);
        return scan.faults.length === 0 && scan.text === text;
      }),
      { numRuns: 200 },
    );
  });

  it('should keep the length and the line breaks of any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('/', '*', '#', '"', "'", ',', ']', '\n', ' ', 'a', '\\'), maxLength: 60 }),
        (text) => {
          const blanked = scanJsonText(text).text;
          return blanked.length === text.length && [...blanked].every((char, i) => (char === '\n') === (text[i] === '\n'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('jsonTextIssue', () => {
  it('should say that JSON has no comments, and that a trailing comma must go', () => {
    const [comment, comma] = scanJsonText('{ "a": [1, ] // why\n}').faults.sort((a, b) => b.offset - a.offset);
    expect(formatIssues([jsonTextIssue(comment!, []), jsonTextIssue(comma!, ['a'])])).toMatchInlineSnapshot(`
      "✖ (root): comment "// why" is not allowed: JSON has no comments
        expected: plain JSON, without comments
        received: a // comment
        hint: remove it, or rename the file to .yaml and write it as a # comment: YAML has comments
      ✖ a: trailing comma before ], which JSON does not allow
        expected: a value after every comma, or ] right after the last value
        received: , ]
        hint: remove the trailing comma"
    `);
  });

  it('should shorten a long comment and show its invisible characters', () => {
    const issue = jsonTextIssue({ kind: 'comment', offset: 0, source: `/* \u202e${'x'.repeat(60)} */` }, []);
    expect(issue.message).toBe(`comment "/* \\u202e${'x'.repeat(36)}…" is not allowed: JSON has no comments`);
    expect(issue.received).toBe('a /* */ comment');
  });
});
