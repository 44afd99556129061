import { describe, expect, it } from 'vitest';
import { forAnnotationMessage, forAnnotationProperty, forCsv, forMarkdown, forTerminal, forXml } from '../../engine/core/escape.ts';

describe('forTerminal', () => {
  it('should show ESC and bidi overrides as \\u escapes, so a name cannot clear the screen or reverse text', () => {
    expect(forTerminal('x\u001b[2J\u202eALL PASS')).toBe('x\\u001b[2J\\u202eALL PASS');
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
