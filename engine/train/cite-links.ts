/** Cite codes written in scenario text (`§3.8`, `T33`, `§7 C15`) as links to their Learn page, for HTML pages. */
import { CITE_CODE_IN_TEXT, resolveCite } from '../core/cite/resolve-cite.ts';
import { forXml } from '../core/escape.ts';

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
