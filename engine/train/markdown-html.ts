/** Scenario Markdown as HTML with raw HTML off: a small, linear-time subset for the classroom's pages. */
import { forXml } from '../core/escape.ts';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^[ \t]*[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]*\d{1,9}[.)][ \t]+(.*)$/;
// Only these schemes become links; `javascript:`, `data:` and relative URLs stay text.
const WEB_URL = /^https?:\/\/[^\s<>"'`]+$/i;

type Block = { kind: 'p' | 'h3' | 'h4'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[][] };

/**
 * Renders Markdown as HTML with raw HTML off: every `<`, `>`, `&` and quote is escaped, so inline HTML shows
 * as text. Supports paragraphs, `#` headings (as `h3`, `##` and deeper as `h4`, to nest under the page's own),
 * `**bold**`, `*em*`, `` `code` ``, `-` and `1.` lists, and `[text](url)` links for `https:` and `http:` URLs
 * only (any other link shows its text), with `rel="noopener noreferrer"`. Linear in the input's length: each
 * delimiter search starts where the last one ended.
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
      out.push({ kind: (heading[1] ?? '#').length === 1 ? 'h3' : 'h4', lines: [heading[2] ?? ''] });
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

function renderBlock(block: Block): string {
  if ('items' in block)
    return `<${block.kind}>${block.items.map((lines) => `<li>${inline(lines.join('\n'))}</li>`).join('')}</${block.kind}>`;
  return `<${block.kind}>${inline(block.lines.join('\n'))}</${block.kind}>`;
}

/**
 * Inline Markdown of one block as HTML. Each delimiter's next position is remembered, so a search never scans
 * the same characters twice (`[[[[…` or `****…` stays linear); nesting is at most link → bold → em → code.
 */
function inline(text: string): string {
  const next = new Map<string, number>();
  const find = (token: string, from: number): number => {
    const known = next.get(token);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(token, from);
    next.set(token, found);
    return found;
  };
  const span = (start: number, end: number, links: boolean): string => {
    let out = '';
    let plain = start;
    const flush = (to: number) => {
      out += forXml(text.slice(plain, to));
    };
    for (let at = start; at < end;) {
      const char = text[at];
      let close = -1;
      if (char === '`') {
        close = find('`', at + 1);
        if (close !== -1 && close < end) {
          flush(at);
          out += `<code>${forXml(text.slice(at + 1, close))}</code>`;
          plain = at = close + 1;
          continue;
        }
      } else if (char === '*' && text[at + 1] === '*') {
        close = find('**', at + 2);
        if (close > at + 2 && close < end - 1) {
          flush(at);
          out += `<strong>${span(at + 2, close, links)}</strong>`;
          plain = at = close + 2;
          continue;
        }
        at += 2;
        continue;
      } else if (char === '*' && /\S/.test(text[at + 1] ?? ' ')) {
        close = find('*', at + 1);
        if (close !== -1 && close < end && /\S/.test(text[close - 1] ?? ' ') && text[close + 1] !== '*') {
          flush(at);
          out += `<em>${span(at + 1, close, links)}</em>`;
          plain = at = close + 1;
          continue;
        }
      } else if (char === '[' && links) {
        const label = find(']', at + 1);
        if (label !== -1 && label < end && text[label + 1] === '(') {
          const target = find(')', label + 2);
          if (target !== -1 && target < end) {
            const url = text.slice(label + 2, target).trim();
            flush(at);
            const body = span(at + 1, label, false);
            out += WEB_URL.test(url) ? `<a href="${forXml(url)}" rel="noopener noreferrer">${body}</a>` : body;
            plain = at = target + 1;
            continue;
          }
        }
      }
      at++;
    }
    flush(end);
    return out;
  };
  return span(0, text.length, true);
}
