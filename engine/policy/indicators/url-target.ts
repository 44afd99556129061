/** Host names and URLs as network indicators write them, split into the parts matching needs (§5.1). */

/** A URL split for matching: scheme when written, lowercase host, path (with query) without trailing `/`. */
export interface UrlTarget {
  readonly scheme?: 'http' | 'https';
  readonly host: string;
  /** `''` for the host itself, else starts with `/`. */
  readonly path: string;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const URL_FORM = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#]*)([^#]*)/i;

/**
 * Checks a host name (already lowercase, no trailing dot): labels of letters, digits and inner hyphens,
 * at least two labels, at most 253 characters. Returns the problem, or undefined when it is fine.
 *
 * @example
 * domainProblem('contoso.com'); // undefined
 * domainProblem('-bad.com'); // 'label "-bad" …'
 */
export function domainProblem(host: string): string | undefined {
  if (host.length === 0) return 'the host name is empty';
  if (host.length > 253) return `the host name has ${host.length} characters; at most 253 are allowed`;
  const labels = host.split('.');
  if (labels.length < 2) return `"${host}" has a single label; a domain needs at least two, like contoso.com`;
  for (const label of labels) {
    if (!LABEL.test(label)) {
      return `label "${label}" must be 1–63 letters, digits or inner hyphens`;
    }
  }
  return undefined;
}

/**
 * Splits a URL written as an indicator or requested by a browser. The scheme is optional; only `http`
 * and `https` are known. Returns a problem string when the text is not a URL of that form.
 *
 * @example
 * parseUrlTarget('https://support.microsoft.com/office/'); // { scheme: 'https', host: 'support.microsoft.com', path: '/office' }
 */
export function parseUrlTarget(text: string): UrlTarget | string {
  const match = URL_FORM.exec(text.trim());
  const scheme = match?.[1]?.toLowerCase();
  const authority = match?.[2] ?? '';
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return `scheme "${scheme}" is not supported; URL indicators are http or https`;
  }
  if (authority.includes('@')) return 'user information ("user@") is not allowed in a URL indicator';
  const host = authority
    .replace(/:\d{1,5}$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    const problem = domainProblem(host);
    if (problem !== undefined) return problem;
  }
  const path = (match?.[3] ?? '').replace(/\/+$/, '').replace(/\/+\?/, '?');
  return scheme === undefined ? { host, path } : { scheme, host, path };
}

/** Renders a target back to canonical text (`https://host/path`), the normalised indicator value. */
export function formatUrlTarget(target: UrlTarget): string {
  return `${target.scheme === undefined ? '' : `${target.scheme}://`}${target.host}${target.path}`;
}

/**
 * True when `requestPath` is `indicatorPath` or lies under it (§5.1: `https://example.com/block` matches
 * resources under `/block`). Matching is per path segment, so `/block` does not cover `/blocker`.
 *
 * @example
 * pathCovers('/office', '/office/x'); // true
 */
export function pathCovers(indicatorPath: string, requestPath: string): boolean {
  if (indicatorPath === '') return true;
  if (!requestPath.startsWith(indicatorPath)) return false;
  const next = requestPath.charCodeAt(indicatorPath.length);
  // NaN (end of string), '/' or '?'
  return Number.isNaN(next) || next === 47 || next === 63;
}
