/** Cite codes written in scenario text (`§3.8`, `T33`, `§7 C15`) as links to their Learn page, in HTML and Markdown. */
import { CITE_CODE_IN_TEXT, resolveCite } from '../core/cite/resolve-cite.ts';
import { forMarkdown, forXml } from '../core/escape.ts';

/**
 * Links every cite code in `escaped` (HTML text, already escaped) that the citation registry resolves to a page;
 * codes it does not know, and codes whose source has no page, stay text. Linear: one regex pass, no backtracking
 * beyond a code's few characters.
 *
 * @example
 * linkCites('(§3.8, T33)'); // '(<a href="https://learn.microsoft.com/…" title="…" rel="noopener noreferrer">§3.8</a>, <a …>T33</a>)'
 */
export function linkCites(escaped: string): string {
  return escaped.replace(CITE_CODE_IN_TEXT, (code) => {
    const cite = resolveCite(code);
    if (cite?.url === undefined || !/^https:\/\//.test(cite.url)) return code;
    return `<a href="${forXml(cite.url)}" title="${forXml(`${cite.label}: ${cite.title}`)}" rel="noopener noreferrer">${code}</a>`;
  });
}

/**
 * `text` (raw) as Markdown through `forMarkdown`, with every cite code the registry resolves to a page written
 * as a link to it. A URL with a character that would end a Markdown link (space, parenthesis, angle bracket)
 * leaves its code as text.
 *
 * @example
 * linkCitesMarkdown('see §3.8'); // 'see [§3\\.8](https://learn.microsoft.com/…)'
 */
export function linkCitesMarkdown(text: string): string {
  let out = '';
  let plain = 0;
  for (const match of text.matchAll(CITE_CODE_IN_TEXT)) {
    const url = resolveCite(match[0])?.url;
    if (url === undefined || !/^https:\/\/[^\s()<>]+$/.test(url)) continue;
    out += `${forMarkdown(text.slice(plain, match.index))}[${forMarkdown(match[0])}](${url})`;
    plain = match.index + match[0].length;
  }
  return out + forMarkdown(text.slice(plain));
}
