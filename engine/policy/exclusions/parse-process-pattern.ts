/** Parses a process as an exclusion names it: a bare image name or a full path (§4.2 proc-excl). */
import { fail, ok, type Path, type Result } from '../../core/issue.ts';
import type { ProcessPattern } from './exclusion-entry.ts';
import { expandEnvVars, knownVariableList } from './expand-env-vars.ts';
import { parsePathPattern } from './parse-path-pattern.ts';
import { countWildcards } from './segment-glob.ts';

export interface ProcessPatternOptions {
  readonly trailingStar?: 'literal' | 'folder';
  readonly label: string;
  readonly path: Path;
}

/**
 * Parses `test.exe` (that image from any location; no wildcards allowed, #32) or a full path, which may
 * use wildcards and env vars like a path entry.
 *
 * @example
 * parseProcessPattern('test.exe', { label: 'process exclusion', path: ['processes', 0] });
 * // { ok: true, value: { kind: 'image', image: 'test.exe' } }
 */
export function parseProcessPattern(text: string, options: ProcessPatternOptions): Result<ProcessPattern> {
  const { label, path } = options;
  const expanded = expandEnvVars(text);
  const isImage = !/[\\/]/.test(expanded.text);
  if (!isImage) {
    const pattern = parsePathPattern(text, options);
    return pattern.ok ? ok({ kind: 'path', pattern: pattern.value }) : pattern;
  }
  const named = `${label} \`${text}\``;
  if (expanded.unknown.length > 0) {
    return fail(
      expanded.unknown.map((variable) => ({
        code: 'exclusion_unknown_variable',
        path,
        message: `${named} uses ${variable}, which is not a system environment variable`,
        expected: 'a variable the MDAV service (LocalSystem) knows',
        received: variable,
        hint: `user variables are not expanded (§4.2, C11); use one of ${knownVariableList()}`,
      })),
    );
  }
  if (countWildcards(expanded.text) > 0) {
    return fail([
      {
        code: 'exclusion_process_image_wildcard',
        path,
        message: `${named} is an image name with a wildcard`,
        expected: 'an image name without * or ?, or a full path (which may use wildcards)',
        received: text,
        hint: `wildcards are not allowed in image-name-only entries (§4.2); write a full path such as C:\\Tools\\${text}`,
      },
    ]);
  }
  return ok({ kind: 'image', image: expanded.text.toLowerCase() });
}
