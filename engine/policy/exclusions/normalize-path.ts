/** Path normalisation shared by entries and targets: `/` is `\`, case folds, separators collapse (§4.3, §9). */

/**
 * Splits a Windows path into lower-case segments. Repeated and trailing separators are dropped
 * (§9: trailing `\` = same path); a UNC path's first segment is `\\host`; a path that starts with a
 * single `\` gets an empty first segment so that callers can see it has no root.
 *
 * @example
 * pathSegments('C:/Tools\\'); // ['c:', 'tools']
 * pathSegments('\\\\srv\\share\\app'); // ['\\\\srv', 'share', 'app']
 */
export function pathSegments(text: string): string[] {
  const lower = text.toLowerCase();
  const unified = lower.indexOf('/') === -1 ? lower : lower.replaceAll('/', '\\');
  // Hot path (once per lookup): an indexOf loop is about twice as fast as String#split here.
  const parts: string[] = [];
  let clean = true;
  for (let start = 0; ;) {
    const at = unified.indexOf('\\', start);
    const end = at === -1 ? unified.length : at;
    if (end === start) clean = false;
    parts.push(unified.slice(start, end));
    if (at === -1) break;
    start = at + 1;
  }
  // A copy of exactly its length: `push` grew the array to room for 17, and the generator keeps one per file
  // identity (issue 13, fourteenth pass: 70,000 of them held 8 MB of empty slots, 14 % of a worker's heap).
  if (clean) return parts.slice();
  let lead = 0;
  while (unified.charCodeAt(lead) === 92) lead++;
  const rest = parts.filter((part) => part !== '');
  if (lead >= 2 && rest.length > 0) rest[0] = `\\\\${rest[0] ?? ''}`;
  else if (lead === 1) rest.unshift('');
  return rest;
}

/**
 * The normalised text of a path: its segments joined by `\`.
 *
 * @example
 * normalizePath('C:/Program Files/App/'); // 'c:\\program files\\app'
 */
export function normalizePath(text: string): string {
  return pathSegments(text).join('\\');
}

const DRIVE = /^[a-z]:$/;

/** How the first segment reads: a drive (`c:`), a UNC host (`\\srv`), or no root at all. */
export function rootKind(first: string | undefined): 'drive' | 'unc' | 'wildcard-drive' | 'relative' {
  if (first === undefined || first === '') return 'relative';
  if (DRIVE.test(first)) return 'drive';
  if (first.startsWith('\\\\') && first.length > 2) return 'unc';
  if (first.endsWith(':') && /[*?]/.test(first)) return 'wildcard-drive';
  return 'relative';
}

/** The last segment of a path: the file or folder name. */
export function baseName(segments: readonly string[]): string {
  return segments[segments.length - 1] ?? '';
}
