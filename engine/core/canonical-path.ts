/** Windows paths as Win32 hands them to Defender: `/` is `\`, `.` and `..` folded, trailing dots and spaces dropped. */

/**
 * The `\\?\` prefix: Win32 passes the rest to the file system verbatim, without normalisation (Microsoft,
 * "Naming Files, Paths, and Namespaces"), so a path that carries it is already what Defender sees.
 */
const VERBATIM_PREFIX = '\\\\?\\';

const DRIVE = /^[A-Za-z]:$/;
// Cheap test for the common case: no `/`, no segment ending in `.` or space (`.` and `..` included), no
// repeated separator after the first character (a UNC path's leading `\\` is not one).
const NEEDS_WORK = /\/|[. ](?:\\|$)|[^]\\\\/;
// Segments end with at most a few dots or spaces; a loop avoids a regex per segment.
function trimDotsAndSpaces(segment: string): string {
  let end = segment.length;
  while (end > 0 && (segment.charCodeAt(end - 1) === 46 || segment.charCodeAt(end - 1) === 32)) end--;
  return end === segment.length ? segment : segment.slice(0, end);
}

/**
 * The path Windows hands Defender for `path` (contract §5.1; the reference is silent, so this is an
 * **[inference]** from Win32 path normalisation): `/` becomes `\`, repeated separators collapse, `.`
 * segments go, `..` removes the segment before it (at the root it stays at the root: `C:\..\x` is
 * `C:\x`; a UNC path's root is `\\server\share`), and trailing dots and spaces are dropped from every
 * segment (`evil.exe.` is `evil.exe`; a segment of only dots and spaces disappears). A path that starts
 * with `\\?\` is returned as written: that prefix turns normalisation off. Case and a trailing `\` are
 * kept; a relative path keeps the `..` it cannot fold. Returns `path` itself when it is already canonical.
 *
 * @example
 * canonicalPath('C:\\Tools\\..\\Windows\\System32\\evil.exe'); // 'C:\\Windows\\System32\\evil.exe'
 * canonicalPath('C:\\Tools\\evil.exe. '); // 'C:\\Tools\\evil.exe'
 * canonicalPath('\\\\?\\C:\\Tools\\evil.exe.'); // unchanged
 */
export function canonicalPath(path: string): string {
  if (path.startsWith(VERBATIM_PREFIX) || !NEEDS_WORK.test(path)) return path;
  const unified = path.replaceAll('/', '\\');
  let lead = 0;
  while (unified.charCodeAt(lead) === 92) lead++;
  const parts = unified.slice(lead).split('\\');
  const trailing = unified.length > lead && unified.endsWith('\\');
  let prefix: string;
  let rest: string[];
  let rootless = false;
  if (lead >= 2) {
    // UNC: `\\server\share` is the root, kept as written; `..` never climbs above it.
    const share = parts.length > 1 && parts[1] !== '' ? `\\${parts[1] ?? ''}` : '';
    prefix = `\\\\${parts[0] ?? ''}${share}`;
    rest = parts.slice(share === '' ? 1 : 2);
  } else if (lead === 1) {
    // Rooted on the current drive (`\Windows\x.exe`): `..` stops at that root.
    prefix = '\\';
    rest = parts;
  } else if (DRIVE.test(parts[0] ?? '')) {
    prefix = parts[0] ?? '';
    rest = parts.slice(1);
  } else {
    prefix = '';
    rest = parts;
    rootless = true;
  }
  const out: string[] = [];
  for (const part of rest) {
    if (part === '.' || part === '') continue;
    if (part === '..') {
      // Above the root stays at the root, as Win32 does; a relative path keeps what it cannot fold.
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (rootless) out.push('..');
      continue;
    }
    const trimmed = trimDotsAndSpaces(part);
    if (trimmed !== '') out.push(trimmed);
  }
  const body = out.join('\\');
  let canonical: string;
  if (lead === 1) canonical = `${prefix}${body}${trailing && body !== '' ? '\\' : ''}`;
  else if (rootless) canonical = body === '' ? '.' : `${body}${trailing ? '\\' : ''}`;
  else if (lead >= 2) canonical = `${prefix}${body === '' ? '' : `\\${body}`}${trailing ? '\\' : ''}`;
  // A drive: `C:\` whenever a separator followed the letter, `C:` alone stays drive-relative.
  else canonical = parts.length > 1 ? `${prefix}\\${body}${trailing && body !== '' ? '\\' : ''}` : prefix;
  return canonical === path ? path : canonical;
}

/**
 * The note a verdict or `check-exclusion` gives when canonicalisation changed what was written:
 * `` `as written` → `canonical` `` for the path, then the opening process, marked `[inference]` since
 * the reference is silent on how Defender sees such paths. `written` holds only what changed.
 *
 * @example
 * canonicalisationNote({ path: 'C:\\a\\..\\x.exe' }, 'C:\\x.exe');
 * // 'path canonicalised as Windows hands it to Defender: `C:\\a\\..\\x.exe` → `C:\\x.exe` [inference]'
 */
export function canonicalisationNote(
  written: { readonly path?: string; readonly process?: string },
  path: string,
  process?: string,
): string {
  const changes: string[] = [];
  if (written.path !== undefined)
    changes.push(`path canonicalised as Windows hands it to Defender: \`${written.path}\` → \`${path}\``);
  if (written.process !== undefined) {
    const lead = changes.length === 0 ? 'opening process canonicalised as Windows hands it to Defender' : 'opening process';
    changes.push(`${lead}: \`${written.process}\` → \`${process ?? ''}\``);
  }
  return `${changes.join('; ')} [inference]`;
}

/**
 * Whether `path` is what {@link canonicalPath} returns for it.
 *
 * @example
 * isCanonicalPath('C:\\Windows\\x.exe'); // true
 */
export function isCanonicalPath(path: string): boolean {
  return canonicalPath(path) === path;
}

// An 8.3 alias: at most 6 name characters, `~`, a number, an extension of at most 3 (FAT/NTFS short names).
const SHORT_NAME = /^[^\\~.\s*?]{1,6}~[1-9][0-9]{0,5}(?:\.[^\\.\s*?]{1,3})?$/;

/**
 * The first segment of `path` that reads as an 8.3 short name (`PROGRA~1`), or undefined. Defender
 * matches the path it is handed, so a short name does not match an entry written with the long name
 * **[inference]**; callers lint it, never expand it.
 *
 * @example
 * shortNameIn('C:\\PROGRA~2\\Contoso\\'); // 'PROGRA~2'
 */
export function shortNameIn(path: string): string | undefined {
  if (path.indexOf('~') === -1) return undefined;
  for (const segment of path.split(/[\\/]/)) {
    const tilde = segment.indexOf('~');
    const dot = segment.indexOf('.');
    if (SHORT_NAME.test(segment) && (dot === -1 ? segment.length : dot) <= 8 && tilde > 0) return segment;
  }
  return undefined;
}
