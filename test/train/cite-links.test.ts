/** Cite codes in scenario text become links to their Learn page in the classroom and the HTML handout. */
import { describe, expect, it } from 'vitest';
import { citeCodesIn, resolveCite } from '../../engine/core/cite/resolve-cite.ts';
import { linkCites, linkCitesMarkdown } from '../../engine/train/cite-links.ts';
import { markdownToHtml } from '../../engine/train/markdown-html.ts';

const href = (code: string) => `href="${resolveCite(code)?.url}"`;

describe('linkCites', () => {
  it('should link the codes the registry resolves to a page and leave the rest as text', () => {
    const html = linkCites('(§3.8, T33, §7 C15, §99, T999x)');
    expect(html).toContain(`<a ${href('§3.8')} title=`);
    expect(html).toContain(`<a ${href('T33')} title=`);
    expect(html).toContain(`<a ${href('§7 C15')} title=`);
    expect(html).toContain(', §99, T999x)');
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(resolveCite('§3.8')?.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('should link codes in Markdown text, but not in code spans or inside a link of its own', () => {
    const html = markdownToHtml('See §3.8 and `§3.8`, or [the page §3.8](https://example.com/x).');
    expect(html.match(new RegExp(href('§3.8'), 'g'))).toHaveLength(1);
    expect(html).toContain('<code>§3.8</code>');
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer">the page §3.8</a>');
  });

  it('should keep escaped hostile text inert around a code', () => {
    const html = markdownToHtml('<script>alert(1)</script>§3.8"><img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain(href('§3.8'));
  });
});

describe('citeCodesIn', () => {
  it('should list the codes the registry knows, each once, in order', () => {
    expect(citeCodesIn('(§3.1, T32, §99, T32, C15, §7 C15, AT32)')).toEqual(['§3.1', 'T32', 'C15', '§7 C15']);
  });
});

describe('linkCitesMarkdown', () => {
  it('should escape the text for Markdown and write each known code as a link to its page', () => {
    const md = linkCitesMarkdown('<b>x</b> *see* §3.8 and §99 [y](javascript:alert(1))');
    expect(md).toContain(`[§3\\.8](${resolveCite('§3.8')?.url})`);
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('](javascript:');
    expect(md.match(/\]\(https:/g)).toHaveLength(1);
  });
});
