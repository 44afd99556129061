/** The folder lists of the two folder-based semi-automation levels, each exactly as its page writes it (§6.5, §7 C15). */
import { canonicalPath } from '../core/canonical-path.ts';
import { pathSegments } from '../policy/exclusions/normalize-path.ts';
import { compileSegmentGlob, matchSegmentGlob, type SegmentGlob } from '../policy/exclusions/segment-glob.ts';

/**
 * "Core folders" of "Semi – require approval for core folders remediation": the Windows folder as air-levels writes
 * it (`\windows\*`) and "the Program files folder" of air-review. `\program files (x86)\` is on neither page, so it
 * is not core here (read literally; §7 C15 keeps each level's list as written).
 */
export const CORE_FOLDERS: readonly string[] = ['\\windows\\*', '\\program files\\*'];

/**
 * "Temporary folders" of "Semi – require approval for non-temp folders remediation", verbatim from air-levels:
 * Program Files is temporary here although air-review calls it core (§7 C15).
 */
export const TEMPORARY_FOLDERS: readonly string[] = [
  '\\users\\*\\appdata\\local\\temp\\*',
  '\\documents and settings\\*\\local settings\\temp\\*',
  '\\documents and settings\\*\\local settings\\temporary\\*',
  '\\windows\\temp\\*',
  '\\users\\*\\downloads\\*',
  '\\program files\\',
  '\\program files (x86)\\*',
  '\\documents and settings\\*\\users\\*',
];

interface FolderPattern {
  readonly text: string;
  /** The folder's segments; a file is in the folder when these match its leading segments and more follow. */
  readonly folder: readonly SegmentGlob[];
}

// `\windows\*` and `\program files\` both name a folder and everything beneath it (§9: a trailing `\` is the same
// path); a `*` between separators is exactly one folder, as in exclusion patterns (§4.2).
function compileFolder(text: string): FolderPattern {
  const segments = text.toLowerCase().split('\\').slice(1);
  const last = segments[segments.length - 1];
  const folder = last === '*' || last === '' ? segments.slice(0, -1) : segments;
  return { text, folder: folder.map(compileSegmentGlob) };
}

const COMPILED = new Map<readonly string[], readonly FolderPattern[]>([
  [CORE_FOLDERS, CORE_FOLDERS.map(compileFolder)],
  [TEMPORARY_FOLDERS, TEMPORARY_FOLDERS.map(compileFolder)],
]);

/**
 * The segments of `path` below its drive, lower case, after Windows canonicalisation (`canonicalPath`); undefined
 * for a path with no local drive (UNC shares and relative paths are in no listed folder: [inference], the pages list
 * drive-less local folders only).
 */
function localSegments(path: string): readonly string[] | undefined {
  const segments = pathSegments(canonicalPath(path));
  const first = segments[0];
  if (first === '') return segments.slice(1);
  return first !== undefined && /^[a-z]:$/.test(first) ? segments.slice(1) : undefined;
}

/**
 * The entry of `list` (`CORE_FOLDERS` or `TEMPORARY_FOLDERS`) whose folder holds `path`, or undefined. Case-insensitive;
 * the path is canonicalised as Windows hands it to Defender first.
 *
 * @example
 * folderMatch('C:\\Users\\u\\Downloads\\evil.exe', TEMPORARY_FOLDERS); // '\\users\\*\\downloads\\*'
 * folderMatch('C:\\ProgramData\\x.exe', TEMPORARY_FOLDERS); // undefined
 */
export function folderMatch(path: string, list: readonly string[]): string | undefined {
  const segments = localSegments(path);
  if (segments === undefined) return undefined;
  const patterns = COMPILED.get(list) ?? list.map(compileFolder);
  for (const pattern of patterns) {
    if (segments.length <= pattern.folder.length) continue;
    if (pattern.folder.every((glob, index) => matchSegmentGlob(glob, segments[index] ?? ''))) return pattern.text;
  }
  return undefined;
}
