/** Import confinement: a `from:` path must stay inside the import root or the scenario's own folder. */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fail, ok, type Issue, type Result } from '../core/issue.ts';

const HINT = 'keep imported files under the import root (the working folder, or --import-root DIR) or beside the scenario';

/**
 * The absolute path of the file that `from` (as a scenario wrote it) names, resolved relative to the
 * scenario file `scenarioFile`, when it stays inside the import root `importRoot` (default: the working
 * folder) or inside the scenario's own folder, both before and after symbolic links are resolved.
 * Refused, so that a scenario from a pull request cannot read `/etc/passwd` or `~/.ssh` into a report:
 * absolute paths (POSIX, `C:\`, `\\server`), `..` that climbs out, and links that lead out. A path that
 * does not exist is returned as is, for the reader to report; one outside is refused before anyone
 * looks, so nothing is learnt about files outside.
 *
 * @example
 * confineImport('mppref.txt', '/work/scenarios/a.yaml', '/work'); // { ok: true, value: '/work/scenarios/mppref.txt' }
 * confineImport('../../etc/passwd', '/work/scenarios/a.yaml', '/work').ok; // false
 */
export function confineImport(from: string, scenarioFile: string, importRoot: string = process.cwd()): Result<string> {
  if (isAbsolute(from) || /^(?:[A-Za-z]:|[/\\])/.test(from)) {
    return fail([refusal('an absolute path is not allowed: an import is written relative to the scenario file')]);
  }
  const folder = dirname(resolve(scenarioFile));
  const target = resolve(folder, from);
  const allowed = [...new Set([resolve(importRoot), folder, real(importRoot), real(folder)])].filter(
    (dir): dir is string => dir !== undefined,
  );
  if (!allowed.some((dir) => isInside(target, dir))) {
    return fail([refusal("the path leads outside the import root and the scenario's folder")]);
  }
  // A missing file in a linked folder is checked by its folder, so "not found" is never said of a file outside.
  const resolved = real(target) ?? real(dirname(target));
  if (resolved !== undefined && !allowed.some((dir) => isInside(resolved, dir))) {
    return fail([refusal("the path goes through a symbolic link that leads outside the import root and the scenario's folder")]);
  }
  return ok(real(target) ?? target);
}

/**
 * True when `path` is `folder` or lies below it (both absolute).
 *
 * @example
 * isInside('/work/a/b.txt', '/work'); // true
 * isInside('/workshop/b.txt', '/work'); // false
 */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function refusal(message: string): Issue {
  return { code: 'import_outside_root', path: [], message, hint: HINT };
}
