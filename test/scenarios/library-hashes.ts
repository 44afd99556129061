/** The SHA-256 of each library scenario's JSON report, as `edrsim run <file> --format json` prints it. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectScenarioFiles } from '../../engine/cli/collect-files.ts';
import { recordingIo } from '../cli/run-cli.ts';
import { main } from '../../engine/cli/main.ts';

/** The repository root, where `edrsim run scenarios/…` is run from (so each report's `file` is relative). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the committed hashes live: `{ "scenarios/…yaml": "<sha256 hex>" }`, sorted by file. */
export const HASHES_FILE = fileURLToPath(new URL('./library-hashes.json', import.meta.url));

/** The command that rewrites {@link HASHES_FILE} from the current engine. */
export const UPDATE_COMMAND = 'npx tsx test/scenarios/update-hashes.ts';

/**
 * Runs `edrsim run <file> --format json` in-process (the CLI's own `main`, cwd = repo root) for every
 * scenario under `scenarios/` and hashes the stdout bytes as they stream, so a 10 MB report costs no copy.
 *
 * @example
 * (await hashLibrary())['scenarios/01-modes/01-active-mode.yaml']; // 'e3b0c442…'
 */
export async function hashLibrary(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of collectScenarioFiles(['scenarios'], ROOT).files) {
    const hash = createHash('sha256');
    const { io, stderr } = recordingIo(ROOT, { out: (text) => void hash.update(text, 'utf8') });
    const code = await main(['run', file, '--format', 'json'], io);
    // A library scenario passes (exit 0); anything else is a broken library, not a hash to record.
    if (code !== 0) throw new Error(`edrsim run ${file} --format json exited ${code}: ${stderr().split('\n')[0] ?? ''}`);
    hashes[file] = hash.digest('hex');
  }
  return hashes;
}

/** The committed hashes, or `{}` when the file does not exist yet. */
export function readCommittedHashes(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(HASHES_FILE, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** The files whose hash differs, was added or was removed, sorted. */
export function changedFiles(committed: Record<string, string>, current: Record<string, string>): string[] {
  const files = new Set([...Object.keys(committed), ...Object.keys(current)]);
  return [...files].filter((file) => committed[file] !== current[file]).sort();
}
