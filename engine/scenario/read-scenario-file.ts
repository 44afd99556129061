/** Reads a scenario from disk: the only file in scenario/ that touches the file system. */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fail, type Result } from '../core/issue.ts';
import { decodeText, MAX_SOURCE_CHARS } from './check-source-text.ts';
import type { LoadOptions } from './load-options.ts';
import { loadScenario } from './load-scenario.ts';
import type { Scenario } from './scenario.ts';

/** Reads a text file as UTF-8, refusing missing, oversized and binary files with an issue. */
function readText(filePath: string): Result<string> {
  try {
    const size = statSync(filePath).size;
    // Bytes ≥ characters for UTF-8, so a file this large cannot hold an acceptable scenario.
    if (size > MAX_SOURCE_CHARS * 4) {
      return fail([{ code: 'too_large', path: [], file: filePath, message: `file is ${size} bytes, too large for a scenario`, expected: `at most ${MAX_SOURCE_CHARS} characters` }]);
    }
    return decodeText(readFileSync(filePath), filePath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fail([
      {
        code: 'read_failed',
        path: [],
        file: filePath,
        message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read the file (${code ?? String(error)})`,
      },
    ]);
  }
}

/**
 * Reads and loads the scenario at `filePath`: bytes are checked for binary content, `{ from: file }`
 * imports are read relative to the scenario's folder, then {@link loadScenario} does the rest.
 * `options.readFile` replaces the default reader.
 *
 * @example
 * const result = readScenarioFile('scenarios/passive-block-mode.yaml', { overrides: ['tenant.edrBlockMode=false'] });
 */
export function readScenarioFile(filePath: string, options: LoadOptions = {}): Result<Scenario> {
  const text = readText(filePath);
  if (!text.ok) return text;
  const folder = dirname(filePath);
  const readFile = options.readFile ?? ((relativePath: string) => readText(resolve(folder, relativePath)));
  return loadScenario(text.value, filePath, { ...options, readFile });
}
