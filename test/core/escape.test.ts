import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forAnnotationMessage,
  forAnnotationProperty,
  forCsv,
  forJsonText,
  forMarkdown,
  forTerminal,
  forTerminalLines,
  forXml,
  ownText,
  terminalLine,
} from '../../engine/core/escape.ts';

describe('forTerminal', () => {
  it('should show ESC and bidi overrides as \\u escapes, so a name cannot clear the screen or reverse text', () => {
    expect(forTerminal('x\u001b[2J\u202eALL PASS')).toBe('x\\u001b[2J\\u202eALL PASS');
  });
  it('should change nothing when applied twice, so text escaped early stays as it is', () => {
    expect(forTerminal(forTerminal('x\u001b\u202e'))).toBe(forTerminal('x\u001b\u202e'));
  });
});

describe('terminalLine', () => {
  it('should escape every value it joins, line breaks included, and keep the template as written', () => {
    const name = 'ws\u001b[2J\n\u202e';
    expect(terminalLine`✔ ${name} at ${5}`).toBe('✔ ws\\u001b[2J\\u000a\\u202e at 5');
  });
  it("should pass the program's own text (a colour code) through", () => {
    expect(terminalLine`${ownText('\u001b[32m✔\u001b[0m')} ${'\u001b[31m'}`).toBe('\u001b[32m✔\u001b[0m \\u001b[31m');
  });
});

describe('forTerminalLines', () => {
  it('should keep line breaks and escape everything else invisible, CR included', () => {
    expect(forTerminalLines('a\u001b\nb\r\nc')).toBe('a\\u001b\nb\\u000d\nc');
  });
  it('should keep printable characters beyond ASCII and escape DEL, tab and C1 controls', () => {
    expect(forTerminalLines('§3.7 — ≥ 0.9\u007f\t\u0085é')).toBe('§3.7 — ≥ 0.9\\u007f\\u0009\\u0085é');
  });
});

describe('forJsonText', () => {
  it('should write invisible characters inside JSON strings as \\u escapes, so the text parses to the same value', () => {
    const value = { name: 'a\u202eb\u2028c\u007f\u001b', list: [1, 'x'] };
    const text = forJsonText(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(/[\u202e\u2028\u007f\u001b]/);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(value);
  });
  it('should keep the line breaks and indentation between values', () => {
    expect(forJsonText('{\n  "a": 1\n}')).toBe('{\n  "a": 1\n}');
  });
});

describe('forCsv', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('should neutralise a formula cell %j with a leading quote', (cell) => {
    expect(forCsv(cell).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('should quote a cell with a comma, quote or line break and double its quotes', () => {
    expect(forCsv('a,"b"')).toBe('"a,""b"""');
    expect(forCsv('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
  it('should leave a plain cell as it is', () => {
    expect(forCsv('ws-01')).toBe('ws-01');
  });
});

describe('forXml', () => {
  it('should write the five metacharacters as entities and drop controls XML forbids', () => {
    expect(forXml(`<script>&"'\u0001`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
  });
});

describe('GitHub annotations', () => {
  it('should percent-encode %, CR and LF in a message, so %0A::error:: stays one annotation', () => {
    expect(forAnnotationMessage('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
  });
  it('should also encode : and , in a property', () => {
    expect(forAnnotationProperty('C:\\a,b')).toBe('C%3A\\a%2Cb');
  });
});

describe('forMarkdown', () => {
  it('should turn off raw HTML, Markdown syntax and @ mentions', () => {
    const out = forMarkdown('@team <script>alert(1)</script> [x](http://e)');
    expect(out).not.toMatch(/<|@|\[x\]\(/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&#64;team');
  });
  it('should keep one line and show invisible characters', () => {
    expect(forMarkdown('a\nb\u202e')).toBe('a b\\\\u202e');
  });
});

describe('escaping laws', () => {
  // Any UTF-16 text, lone surrogates, controls and bidi overrides included.
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\u001b', '\u202e', '\u2028', '\n', '\r', '\u007f', '\ud800', '"', '\\', '<', '='),
      fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    ),
  });
  const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

  it('should leave nothing invisible in a terminal line, whatever the user text', () => {
    fc.assert(fc.property(text, (value) => !INVISIBLE.test(terminalLine`x ${value} y`)));
  });

  it('should write JSON whose only invisible characters are its line feeds, and which parses to the same strings', () => {
    fc.assert(
      fc.property(text, (value) => {
        const json = forJsonText(JSON.stringify({ value }, null, 2));
        return !INVISIBLE.test(json.replaceAll('\n', '')) && (JSON.parse(json) as { value: string }).value === value;
      }),
    );
  });
});
