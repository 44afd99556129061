/** Reads a scenario and its `from:` imports from disk through the one input reader (engine/io). */
import { ok, type Result } from '../core/issue.ts';
import { confineImport, readInput } from '../io/index.ts';
import type { LoadOptions } from './load-options.ts';
import { loadScenario } from './load-scenario.ts';
import { besideFile } from './build/resolve-imports.ts';
import type { Scenario } from './scenario.ts';

/**
 * Reads and loads the scenario at `filePath`, then {@link loadScenario} does the rest. Every file goes
 * through `readInput` (regular files only, at most `options.maxFileSize` bytes, UTF-8 or UTF-16 with a
 * BOM); `{ from: file }` imports are read relative to the scenario's folder and must stay inside
 * `options.importRoot` (default: the working folder) or that folder (see `confineImport`). The loaded
 * scenario's `sources` lists the real path of every file read for it. `options.readFile` replaces the
 * default import reader.
 *
 * @example
 * const result = readScenarioFile('scenarios/passive-block-mode.yaml', { overrides: ['tenant.edrBlockMode=false'] });
 * result.ok && result.value.sources; // ['/work/scenarios/passive-block-mode.yaml']
 */
export function readScenarioFile(filePath: string, options: LoadOptions = {}): Result<Scenario> {
  const sources: string[] = [];
  const onResolved = (realPath: string) => {
    sources.push(realPath);
    options.onRead?.(realPath);
  };
  const limit = options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize };
  const read = readInput(filePath, { ...limit, onResolved });
  if (!read.ok) return read;
  const readImport = (from: string): Result<string> => {
    const target = confineImport(from, filePath, options.importRoot);
    if (!target.ok) return target;
    const imported = readInput(target.value, { ...limit, shownAs: besideFile(filePath, from), onResolved });
    return imported.ok ? ok(imported.value.text) : imported;
  };
  const loaded = loadScenario(read.value.text, filePath, { ...options, readFile: options.readFile ?? readImport });
  return loaded.ok ? ok({ ...loaded.value, sources: [...new Set(sources)] }) : loaded;
}
