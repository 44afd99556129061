// @ts-check
/** What both classroom pages share: building DOM from text (never HTML), calling the API, listening to its events. */

/**
 * An element with attributes and children; strings become text nodes, so user text is never parsed as HTML.
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @param {(Node | string | undefined | false)[]} children
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

/**
 * An SVG element (the instructor's bars: CSP forbids style attributes, so widths are attributes).
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {(Node | string)[]} children
 * @returns {SVGElement}
 */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/**
 * Calls the API: GET without a body, POST with JSON. Resolves with the parsed reply; rejects with its `error`.
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function api(path, body) {
  const init =
    body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const reply = await fetch(path, { ...init, credentials: 'same-origin' });
  const data = await reply.json().catch(() => ({ error: `the server answered ${reply.status}` }));
  if (!reply.ok) throw new Error(typeof data.error === 'string' ? data.error : `the server answered ${reply.status}`);
  return data;
}

/**
 * Listens to the server's events at `path` and calls `onChange` on each; reopens the stream when it is lost
 * (EventSource retries by itself while the server is up; after a restart it may have given up).
 * @param {string} path
 * @param {() => void} onChange
 */
export function listen(path, onChange) {
  /** @type {EventSource | undefined} */
  let source;
  const open = () => {
    source = new EventSource(path);
    for (const name of ['class', 'locked', 'unlocked', 'hello']) source.addEventListener(name, () => onChange());
    source.addEventListener('error', () => {
      if (source?.readyState === EventSource.CLOSED) setTimeout(open, 2000);
    });
  };
  open();
}

/**
 * Replaces the children of `node`.
 * @param {Element} node
 * @param {(Node | string)[]} children
 */
export function fill(node, ...children) {
  node.replaceChildren(...children);
}

/**
 * The element with `id`, or an error naming it (the page's HTML is ours: a missing id is a bug).
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found;
}
