/** Scenario Markdown as HTML with raw HTML off: a small, linear-time subset for the classroom's pages. */
import { forXml } from '../core/escape.ts';
import { linkCites } from './cite-links.ts';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const BULLET = /^[ \t]*[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]*\d{1,9}[.)][ \t]+(.*)$/;
// Only these schemes become links; `javascript:`, `data:` and relative URLs stay text. Read on escaped text: an `&`
// must be `&amp;`, so a URL with a quote or angle bracket (`&quot;`, `&lt;`) is no link either.
const WEB_URL = /^https?:\/\/(?:[^\s<>"'`&]|&amp;)+$/i;

type Block = { kind: 'p' | 'h3' | 'h4'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[][] };

/**
 * Renders Markdown as HTML with raw HTML off: every `<`, `>`, `&` and quote is escaped, so inline HTML shows
 * as text. Supports paragraphs, `#` headings (as `h3`, `##` and deeper as `h4`, to nest under the page's own),
 * `**bold**`, `*em*`, `` `code` ``, `-` and `1.` lists, and `[text](url)` links for `https:` and `http:` URLs
 * only (any other link shows its text), with `rel="noopener noreferrer"`. Cite codes in plain text (`§3.8`, `T33`)
 * link to their Learn page ({@link linkCites}). Linear in the input's length: each delimiter search starts where
 * the last one ended.
 *
 * @example
 * markdownToHtml('**Note** <b>x</b>'); // '<p><strong>Note</strong> &lt;b&gt;x&lt;/b&gt;</p>'
 */
export function markdownToHtml(markdown: string): string {
  return blocks(markdown).map(renderBlock).join('\n');
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let open: Block | undefined;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      open = undefined;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      out.push({ kind: (heading[1] ?? '#').length === 1 ? 'h3' : 'h4', lines: [withoutClosingHashes(heading[2] ?? '')] });
      open = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet === null ? NUMBERED.exec(line) : null;
    const item = bullet ?? numbered;
    if (item !== null) {
      const kind = bullet !== null ? 'ul' : 'ol';
      if (open === undefined || open.kind !== kind) out.push((open = { kind, items: [] }));
      open.items.push([item[1] ?? '']);
      continue;
    }
    // A line under a list item continues it; any other line continues the paragraph.
    if (open?.kind === 'ul' || open?.kind === 'ol') open.items.at(-1)?.push(line.trim());
    else if (open?.kind === 'p') open.lines.push(line.trim());
    else out.push((open = { kind: 'p', lines: [line.trim()] }));
  }
  return out;
}

// `## Title ##` → `Title`: trailing `#`s after a space close a heading. A loop, since a regex such as
// `(.*?)[ #]*$` backtracks quadratically on a long line of `# # # … x`.
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let at = trimmed.length;
  while (at > 0 && trimmed[at - 1] === '#') at--;
  return at === 0 || trimmed[at - 1] === ' ' || trimmed[at - 1] === '\t' ? trimmed.slice(0, at).trimEnd() : trimmed;
}

function renderBlock(block: Block): string {
  if ('items' in block)
    return `<${block.kind}>${block.items.map((lines) => `<li>${inline(lines.join('\n'))}</li>`).join('')}</${block.kind}>`;
  return `<${block.kind}>${inline(block.lines.join('\n'))}</${block.kind}>`;
}

/**
 * Inline Markdown of one block as HTML. The block is escaped first, in one pass: the delimiters (`` ` * [ ] ( ) ``)
 * are not HTML metacharacters, so they survive it, and every piece placed after is already inert text. Each
 * delimiter's next position is remembered, so a search never scans the same characters twice (`[[[[…` or `****…`
 * stays linear); nesting is at most link → bold → em → code.
 */
function inline(raw: string): string {
  return new InlineParser(forXml(raw)).span(0, Number.MAX_SAFE_INTEGER, true);
}

class InlineParser {
  private readonly next = new Map<string, number>();

  constructor(private readonly text: string) {}

  // The first `token` at or after `from`; searches only past the last answer, which is kept.
  private find(token: string, from: number): number {
    const known = this.next.get(token);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = this.text.indexOf(token, from);
    this.next.set(token, found);
    return found;
  }

  span(start: number, limit: number, links: boolean): string {
    const text = this.text;
    const end = Math.min(limit, text.length);
    let out = '';
    let plain = start;
    for (let at = start; at < end;) {
      const char = text.charCodeAt(at);
      let html: string | undefined;
      let after = at + 1;
      if (char === 0x60 /* ` */) {
        const close = this.find('`', at + 1);
        if (close !== -1 && close < end) {
          html = `<code>${text.slice(at + 1, close)}</code>`;
          after = close + 1;
        }
      } else if (char === 0x2a /* * */ && text.charCodeAt(at + 1) === 0x2a) {
        const close = this.find('**', at + 2);
        if (close > at + 2 && close + 2 <= end) {
          html = `<strong>${this.span(at + 2, close, links)}</strong>`;
          after = close + 2;
        } else after = at + 2;
      } else if (char === 0x2a && isText(text, at + 1)) {
        const close = this.find('*', at + 1);
        if (close !== -1 && close < end && isText(text, close - 1) && text.charCodeAt(close + 1) !== 0x2a) {
          html = `<em>${this.span(at + 1, close, links)}</em>`;
          after = close + 1;
        }
      } else if (char === 0x5b /* [ */ && links) {
        const label = this.find(']', at + 1);
        const target = label !== -1 && text.charCodeAt(label + 1) === 0x28 /* ( */ ? this.find(')', label + 2) : -1;
        if (target !== -1 && target < end) {
          // Escaped already: a quote in the URL is `&quot;` and cannot end the attribute.
          const url = text.slice(label + 2, target).trim();
          const body = this.span(at + 1, label, false);
          html = WEB_URL.test(url) ? `<a href="${url}" rel="noopener noreferrer">${body}</a>` : body;
          after = target + 1;
        }
      }
      if (html !== undefined) {
        out += this.plain(plain, at, links) + html;
        plain = after;
      }
      at = after;
    }
    return out + this.plain(plain, end, links);
  }

  // Text between the marks; cite codes become links, except inside a link's own label.
  private plain(from: number, to: number, links: boolean): string {
    const text = this.text.slice(from, to);
    return links ? linkCites(text) : text;
  }
}

// A character that is there and is not white space: what may follow an opening `*` or precede a closing one.
function isText(text: string, at: number): boolean {
  const char = text[at];
  return char !== undefined && char.trim() !== '';
}
