/** Expands the CLI's `<file-or-dir>…` arguments into scenario files, per the contract's directory-walk rules. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Issue } from '../core/issue.ts';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * Files are taken as given; directories are walked recursively for `*.yaml`, `*.yml` and `*.json`, skipping
 * `node_modules` and `*.schema.json`, in sorted order so output is deterministic. Missing paths are issues.
 */
export function collectScenarioFiles(args: readonly string[], cwd: string): { files: string[]; issues: Issue[] } {
  const files: string[] = [];
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
    if (!isDirectory) files.push(full);
    else walk(full, files);
  }
  const unique = [...new Set(files)];
  return { files: unique.map((file) => relative(cwd, file) || file), issues };
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SCENARIO_FILE.test(entry.name) && !entry.name.endsWith('.schema.json')) out.push(full);
  }
}
