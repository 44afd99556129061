/** A tiny strict XML 1.0 reader for tests: throws on anything not well formed, else returns the element tree. */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own character data, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0 §2.2: tab, newline, carriage return and everything from U+0020, except the surrogates and U+FFFE/U+FFFF.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Parses `xml` (an optional `<?xml …?>` declaration, then one root element) and returns the root.
 * Throws an Error naming the offset for: unclosed or mismatched tags, unquoted or duplicate attributes,
 * `<` in an attribute, a bare `&` or unknown entity, forbidden control characters, text outside the root.
 *
 * @example
 * parseXml('<a x="1"><b/></a>').children[0]?.name; // 'b'
 */
export function parseXml(xml: string): XmlElement {
  const bad = FORBIDDEN_CHAR.exec(xml);
  if (bad) throw new Error(`forbidden character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(xml.slice(at, at + 30))}`);
  };
  const skipSpace = () => {
    while (at < xml.length && /\s/.test(xml[at]!)) at++;
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('"<" in character data or attribute');
    return raw.replace(/&([^;]*);|&/g, (whole, name: string | undefined) => {
      if (name === undefined) return fail('bare "&"');
      if (name in ENTITIES) return ENTITIES[name]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
      if (code === undefined) return fail(`unknown entity ${whole}`);
      return String.fromCodePoint(name.startsWith('#x') ? Number.parseInt(code, 16) : Number(code));
    });
  };
  const readName = (): string => {
    const match = NAME.exec(xml.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unclosed XML declaration');
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\?>$/.test(xml.slice(0, end + 2))) fail('bad XML declaration');
    at = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < xml.length) {
    const current = stack[stack.length - 1];
    if (xml[at] !== '<') {
      const end = xml.indexOf('<', at);
      const raw = xml.slice(at, end < 0 ? xml.length : end);
      if (current === undefined) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else current.text += decode(raw);
      at += raw.length;
      continue;
    }
    if (xml.startsWith('</', at)) {
      at += 2;
      const name = readName();
      skipSpace();
      if (xml[at] !== '>') fail('expected ">" to close an end tag');
      at++;
      const open = stack.pop();
      if (open?.name !== name) fail(`end tag </${name}> does not match <${open?.name ?? '(none)'}>`);
      continue;
    }
    at++;
    if (current === undefined && root !== undefined) fail('a second root element');
    const tag = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (xml.startsWith('/>', at) || xml[at] === '>') break;
      if (at === before) fail('expected white space before an attribute');
      const name = readName();
      if (name in attributes) fail(`duplicate attribute ${name}`);
      if (xml[at] !== '=' || xml[at + 1] !== '"') fail(`attribute ${name} must be ="quoted"`);
      const end = xml.indexOf('"', at + 2);
      if (end < 0) fail(`unclosed attribute ${name}`);
      attributes[name] = decode(xml.slice(at + 2, end));
      at = end + 1;
    }
    const element: XmlElement = { name: tag, attributes, children: [], text: '' };
    if (current === undefined) root = element;
    else current.children.push(element);
    if (xml.startsWith('/>', at)) at += 2;
    else {
      at++;
      stack.push(element);
    }
  }
  if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]!.name}>`);
  if (root === undefined) return fail('no root element');
  return root;
}
