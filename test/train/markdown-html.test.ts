/** markdownToHtml: the Markdown subset scenarios use, raw HTML off, links only to the web, linear on hostile input. */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../engine/train/markdown-html.ts';
import { ATTACKS } from './classroom-hostile.ts';
import { unknownMarkup, visibleText } from './html-markup.ts';

describe('markdownToHtml', () => {
  it('should render paragraphs, headings one level under the page, emphasis, code and both kinds of list', () => {
    const html = markdownToHtml(
      [
        '# Title',
        '## Sub',
        'one **bold** and *em* and `C:\\Temp\\*`',
        'wrapped line',
        '',
        '- first',
        '  continued',
        '- second',
        '',
        '1. one',
        '2) two',
      ].join('\n'),
    );
    expect(html).toBe(
      [
        '<h3>Title</h3>',
        '<h4>Sub</h4>',
        '<p>one <strong>bold</strong> and <em>em</em> and <code>C:\\Temp\\*</code>\nwrapped line</p>',
        '<ul><li>first\ncontinued</li><li>second</li></ul>',
        '<ol><li>one</li><li>two</li></ol>',
      ].join('\n'),
    );
  });

  it('should show inline HTML as text, every metacharacter escaped', () => {
    expect(markdownToHtml('<b>x</b> & "q" \'s\'')).toBe('<p>&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &apos;s&apos;</p>');
    expect(markdownToHtml('`<script>`')).toBe('<p><code>&lt;script&gt;</code></p>');
  });

  it('should link https and http URLs with rel="noopener noreferrer", and show any other link as its text', () => {
    expect(markdownToHtml('[Learn](https://learn.microsoft.com/a?b=1&c=2)')).toBe(
      '<p><a href="https://learn.microsoft.com/a?b=1&amp;c=2" rel="noopener noreferrer">Learn</a></p>',
    );
    expect(markdownToHtml('[old](http://example.com)')).toContain('<a href="http://example.com"');
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:void(0)',
      'data:text/html,x',
      '//evil.example',
      'vbscript:x',
      'relative/page',
    ])
      // A `)` inside the URL ends it early (no balancing): either way the link is text, never an element.
      expect(markdownToHtml(`[click](${url})`)).toMatch(/^<p>click\)?<\/p>$/);
    // A quote cannot end the attribute: the URL is not a web URL with a quote in it, so it is text.
    expect(markdownToHtml('[x](https://a.example/"onmouseover="alert(1))')).toBe('<p>x)</p>');
  });

  it('should not nest a link inside a link, and keep emphasis inside link text', () => {
    const nested = markdownToHtml('[**a** [b](https://x.example)](https://y.example)');
    expect(nested.match(/<a /g)?.length).toBe(1);
    expect(nested).not.toMatch(/<a [^>]*>[^]*<a /);
    expect(markdownToHtml('[**a**](https://y.example)')).toBe(
      '<p><a href="https://y.example" rel="noopener noreferrer"><strong>a</strong></a></p>',
    );
  });

  it('should leave unmatched delimiters as text', () => {
    expect(markdownToHtml('a * b ** c ` d [e] (f) [g](')).toBe('<p>a * b ** c ` d [e] (f) [g](</p>');
    expect(markdownToHtml('')).toBe('');
    expect(markdownToHtml('\n\n  \n')).toBe('');
  });

  it('should let no attack string become markup', () => {
    for (const attack of ATTACKS) {
      const html = markdownToHtml(
        `# ${attack}\n\n${attack} **${attack}** *${attack}* \`${attack}\`\n\n- ${attack}\n1. [${attack}](${attack})`,
      );
      expect(unknownMarkup(html)).toEqual([]);
      expect(visibleText(html)).toContain(attack.replace(/\[click\]\(javascript:alert\(1\)\)/, 'click'));
    }
  });

  it('should render 1 MB of unbalanced delimiters in one pass, every character kept as text', () => {
    // Each would cost a quadratic scan in a naive parser: every [ looking for its ], every * for its partner,
    // a heading regex backtracking over `# # # … x`.
    const MB = 1_000_000;
    for (const pattern of ['[', '[a](', '](', '**']) {
      const input = pattern.repeat(MB / pattern.length);
      expect(markdownToHtml(input)).toBe(`<p>${input.replaceAll('&', '&amp;')}</p>`);
    }
    const stars = '*a '.repeat(MB / 3);
    expect(markdownToHtml(stars)).toBe(`<p>${stars.trimEnd()}</p>`);
    const heading = `# ${'# '.repeat(MB / 4)}x`;
    expect(markdownToHtml(heading)).toBe(`<h3>${heading.slice(2)}</h3>`);
    const links = '[x](https://a.example/'.repeat(10_000);
    expect(markdownToHtml(links)).toBe(`<p>${links}</p>`);
    expect(markdownToHtml('`'.repeat(100_000))).toBe(`<p>${'<code></code>'.repeat(50_000)}</p>`);
    expect(markdownToHtml('<'.repeat(100_000))).toBe(`<p>${'&lt;'.repeat(100_000)}</p>`);
    expect(markdownToHtml('- x\n'.repeat(10_000))).toBe(`<ul>${'<li>x</li>'.repeat(10_000)}</ul>`);
  });

  it('should be deterministic', () => {
    const text = `**a** ${ATTACKS.join(' ')} [b](https://c.example)`;
    expect(markdownToHtml(text)).toBe(markdownToHtml(text));
  });
});
