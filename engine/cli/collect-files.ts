/** Expands the CLI's `<file-or-dir>…` arguments into scenario files, per the contract's directory-walk rules. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Issue } from '../core/issue.ts';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;
/** Not scenarios of their own: JSON Schemas, and `edrsim diff` teaching pairs with their expected diff (scenarios/11-policy-changes/). */
const SKIPPED_FILE = /(\.schema\.json|\.base\.ya?ml|\.head\.ya?ml|\.diff\.json)$/i;

/**
 * Files are taken as given; directories are walked recursively for `*.yaml`, `*.yml` and `*.json`, skipping
 * `node_modules`, `*.schema.json` and the diff pairs (`*.base.yaml`, `*.head.yaml`, `*.diff.json`), in sorted order so output is deterministic. Missing paths and
 * unreadable folders are issues. `walked` holds the files found only by walking a folder, not named: a
 * folder may hold exports next to its scenarios, a file named as a scenario must be one.
 */
export function collectScenarioFiles(
  args: readonly string[],
  cwd: string,
): { files: string[]; walked: Set<string>; issues: Issue[] } {
  const files: string[] = [];
  const named = new Set<string>();
  const issues: Issue[] = [];
  for (const arg of args) {
    const full = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch {
      issues.push({ code: 'file_not_found', path: [], file: arg, message: `no such file or directory: ${arg}` });
      continue;
    }
    if (!isDirectory) {
      files.push(full);
      named.add(full);
    } else {
      walk(full, files, (dir, code) =>
        issues.push({
          code: 'folder_unreadable',
          path: [],
          file: displayPath(cwd, dir),
          message: `cannot read the folder (${code})`,
          hint: 'check its permissions, or name the scenario files you want',
        }),
      );
    }
  }
  const unique = [...new Set(files)];
  const walked = new Set(unique.filter((file) => !named.has(file)).map((file) => displayPath(cwd, file)));
  return { files: unique.map((file) => displayPath(cwd, file)), walked, issues };
}

/**
 * How output names a file: relative to `cwd` when it lies inside it, else absolute, so a file outside the
 * working folder reads the same in a success line and in an error (never `../../tmp/x.yaml`).
 *
 * @example
 * displayPath('/work', '/work/scenarios/a.yaml'); // 'scenarios/a.yaml'
 * displayPath('/work', '/tmp/a.yaml'); // '/tmp/a.yaml'
 */
export function displayPath(cwd: string, file: string): string {
  const full = resolve(cwd, file);
  const inside = relative(cwd, full);
  return inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside) ? full : inside;
}

// A folder that cannot be listed (no permission) is invalid input for the walk, not an internal error.
function walk(dir: string, out: string[], unreadable: (dir: string, code: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    unreadable(dir, (error as { code?: string }).code ?? String(error));
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, unreadable);
    else if (SCENARIO_FILE.test(entry.name) && !SKIPPED_FILE.test(entry.name)) out.push(full);
  }
}
