/** File sizes as people write them (`64MiB`, `10MB`, `5000`): the `--max-file-size` value and how sizes are shown. */
import { fail, ok, type Result } from '../core/issue.ts';

/** Largest input file read by default: 64 MiB, far above any hand-written scenario or real export. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/**
 * Largest `--max-file-size` accepted: 256 MiB. Text is held as one string, and V8 cannot hold a string
 * of much more than 512 Mi characters, so a larger cap would end in an internal error, not a refusal.
 */
export const MAX_FILE_SIZE_LIMIT = 256 * 1024 * 1024;

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/**
 * Parses a size: a whole number of bytes, or a number with a unit (`B`, `kB`/`KiB`, `MB`/`MiB`,
 * `GB`/`GiB`; `k`, `M`, `G` are the decimal ones), between 1 byte and {@link MAX_FILE_SIZE_LIMIT}.
 * The failure is the sentence to print after the option's name.
 *
 * @example
 * parseByteSize('64MiB'); // { ok: true, value: 67108864 }
 * parseByteSize('10MB'); // { ok: true, value: 10000000 }
 * parseByteSize('lots').ok; // false
 */
export function parseByteSize(text: string): Result<number, string> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text.replace(/_/g, ''));
  const unit = match === null ? undefined : UNITS[(match[2] ?? '').toLowerCase()];
  const bytes = match === null || unit === undefined ? NaN : Math.floor(Number(match[1]) * unit);
  if (!Number.isSafeInteger(bytes) || bytes < 1 || bytes > MAX_FILE_SIZE_LIMIT) {
    return fail(`must be a size from 1 byte to ${formatByteSize(MAX_FILE_SIZE_LIMIT)}, e.g. 64MiB, 10MB or 1048576 (bytes)`);
  }
  return ok(bytes);
}

/**
 * A size the way `--max-file-size` takes it: whole MiB or KiB when exact, else bytes (`unit: false`
 * leaves out the word, for an option value).
 *
 * @example
 * formatByteSize(64 * 1024 * 1024); // '64MiB'
 * formatByteSize(1000); // '1000 bytes'
 * formatByteSize(1000, false); // '1000'
 */
export function formatByteSize(bytes: number, unit = true): string {
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024}KiB`;
  return unit ? `${bytes} byte${bytes === 1 ? '' : 's'}` : String(bytes);
}
