/** Turns the path part of an entry into a PathPattern, enforcing every §4.2 grammar rule. */
import { fail, ok, type Issue, type Path, type Result } from '../../core/issue.ts';
import type { PathPattern } from './exclusion-entry.ts';
import { expandEnvVars, knownVariableList } from './expand-env-vars.ts';
import { pathSegments, rootKind } from './normalize-path.ts';
import { compileSegmentGlob, countWildcards } from './segment-glob.ts';

/** §4.2 (ext-excl): at most six wildcards per entry. */
const MAX_WILDCARDS = 6;

export interface PathPatternOptions {
  /** §4.3: `C:\Temp\*` is files directly in the folder (`literal`, default) or the whole folder (`folder`). */
  readonly trailingStar?: 'literal' | 'folder';
  /** Names the entry in messages, e.g. "path exclusion `C:\x`". */
  readonly label: string;
  readonly path: Path;
}

/**
 * Parses an absolute path pattern: system env vars expand, `/` reads as `\`, case folds, trailing `\`
 * is dropped; the drive may not be a wildcard and at most 6 wildcards are allowed.
 *
 * @example
 * parsePathPattern('C:\\somepath\\*\\Data', { label: 'path exclusion', path: ['paths', 0] });
 * // ok: segments c: / somepath / * / data, recursive
 */
export function parsePathPattern(text: string, options: PathPatternOptions): Result<PathPattern> {
  const { label, path } = options;
  const expansion = expandEnvVars(text);
  const issues: Issue[] = expansion.unknown.map((variable) => ({
    code: 'exclusion_unknown_variable',
    path,
    message: `${named(label, text)} uses ${variable}, which is not a system environment variable`,
    expected: 'a variable the MDAV service (LocalSystem) knows',
    received: variable,
    hint: `user variables are not expanded (§4.2, C11); write the real path or use one of ${knownVariableList()}`,
  }));
  const segments = pathSegments(expansion.text);
  const root = rootKind(segments[0]);
  if (root === 'wildcard-drive') {
    issues.push({
      code: 'exclusion_wildcard_drive',
      path,
      message: `${named(label, text)} uses a wildcard drive letter`,
      expected: 'a real drive letter such as C:',
      received: segments[0],
      hint: 'the drive letter may not be a wildcard (§4.2); add one entry per drive',
    });
  } else if (root === 'relative' && expansion.unknown.length === 0) {
    issues.push({
      code: 'exclusion_relative_path',
      path,
      message: `${named(label, text)} is not a full path`,
      expected: 'a path that starts with a drive (C:\\…) or a UNC share (\\\\server\\share\\…)',
      received: text,
      hint: text.startsWith('*.') ? `for a file type use an extension exclusion: ${text.slice(2)}` : 'write the full path',
    });
  }
  const wildcards = countWildcards(expansion.text);
  if (wildcards > MAX_WILDCARDS) {
    issues.push({
      code: 'exclusion_too_many_wildcards',
      path,
      message: `${named(label, text)} has ${wildcards} wildcards; at most ${MAX_WILDCARDS} are allowed`,
      expected: `at most ${MAX_WILDCARDS} of * and ?`,
      received: String(wildcards),
      hint: 'split it into several entries (§4.2)',
    });
  }
  if (issues.length > 0) return fail(issues);
  return ok(buildPattern(segments, wildcards, options.trailingStar ?? 'literal'));
}

/** The entry as messages name it; built only for an issue, so a valid entry makes no text for it. */
function named(label: string, text: string): string {
  return `${label} \`${text}\``;
}

function buildPattern(segments: string[], wildcards: number, trailingStar: 'literal' | 'folder'): PathPattern {
  const last = segments[segments.length - 1] ?? '';
  // §4.3: `X\*` read as the folder X, recursively, when the `folder` reading is chosen.
  if (trailingStar === 'folder' && last === '*' && segments.length > 1) {
    const folder = segments.slice(0, -1);
    return {
      normalized: folder.join('\\'),
      segments: folder.map(compileSegmentGlob),
      recursive: true,
      wildcards,
      shape: 'trailing-star-folder',
    };
  }
  const globs = segments.map(compileSegmentGlob);
  const lastIsGlob = !(globs[globs.length - 1]?.literal ?? true);
  // §4.2: a wildcard in the file-name segment matches within the last folder only; a plain last
  // segment names a file or a folder, and a folder covers everything below it.
  return {
    normalized: segments.join('\\'),
    segments: globs,
    recursive: !lastIsGlob,
    wildcards,
    shape: lastIsGlob ? 'file-pattern' : wildcards > 0 ? 'wildcard-folders' : 'path',
  };
}
