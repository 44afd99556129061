/** Test helper: reads HTML the classroom renders and lists every piece of markup that is not on an allow-list. */

/** Tags the classroom's pure renderers may write (HTML and inline SVG). */
export const CLASSROOM_TAGS = new Set([
  'p',
  'h3',
  'h4',
  'strong',
  'em',
  'code',
  'ul',
  'ol',
  'li',
  'a',
  'br',
  'sup',
  'span',
  'div',
  'section',
  'figure',
  'figcaption',
  'svg',
  'title',
  'g',
  'rect',
  'text',
  'tspan',
  'line',
  'path',
]);

/** Attributes they may write; never an event handler, `style`, `src` or `srcdoc`. */
const ATTRIBUTES = new Set([
  'class',
  'href',
  'title',
  'rel',
  'role',
  'aria-label',
  'viewbox',
  'width',
  'height',
  'xmlns',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'dy',
  'rx',
  'd',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'text-anchor',
  'font-weight',
  'font-size',
]);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-zA-Z][a-zA-Z0-9:-]*)="([^"<>]*)"/g;

/**
 * Every problem in `html`: a `<` that does not start a well-formed allowed tag, an attribute that is not allowed,
 * an `href` that is not `https:` or `http:`, a `&` that starts no entity. An empty list means nothing in the text
 * can become an element, attribute or link that the renderer did not write itself.
 *
 * @example
 * unknownMarkup('<p>a &lt;script&gt;</p>'); // []
 * unknownMarkup('<p><script>x</script></p>'); // ['tag <script>', 'tag </script>']
 */
export function unknownMarkup(html: string, tags: ReadonlySet<string> = CLASSROOM_TAGS): string[] {
  const problems: string[] = [];
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (match === null) {
      problems.push(`stray < at ${at}: ${JSON.stringify(html.slice(at, at + 40))}`);
      continue;
    }
    const name = (match[2] ?? '').toLowerCase();
    if (!tags.has(name)) problems.push(`tag <${match[1]}${name}>`);
    for (const attribute of (match[3] ?? '').matchAll(ATTRIBUTE)) {
      const key = (attribute[1] ?? '').toLowerCase();
      if (!ATTRIBUTES.has(key)) problems.push(`attribute ${key} on <${name}>`);
      if (key === 'href' && !/^https?:\/\//i.test(attribute[2] ?? '')) problems.push(`href ${attribute[2]}`);
    }
  }
  for (const entity of html.matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi))
    problems.push(`bare & at ${entity.index}`);
  return problems;
}

/** The text of `html` with its tags removed and the five entities decoded: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
