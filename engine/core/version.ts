/** Defender version strings (`4.18.2001.10`, `1.1.16700.2`) compared numerically, part by part. */
import { fail, ok, type Path, type Result } from './issue.ts';

/** A parsed version: its numeric parts and the text it came from. */
export interface Version {
  readonly parts: readonly number[];
  readonly text: string;
}

const VERSION_FORM = /^\d+(\.\d+){1,3}$/;

/**
 * Parses a dotted version of 2 to 4 numeric parts. `4.18.2202.X` (the docs' wildcard build) is
 * accepted with `X` read as 0.
 *
 * @example
 * parseVersion('4.18.2001.10'); // { ok: true, value: { parts: [4, 18, 2001, 10], text: '4.18.2001.10' } }
 */
export function parseVersion(text: unknown, path: Path = []): Result<Version> {
  const raw = typeof text === 'number' ? String(text) : text;
  if (typeof raw === 'string') {
    const normalised = raw.trim().replace(/\.[xX]$/, '.0');
    if (VERSION_FORM.test(normalised)) {
      return ok({ parts: normalised.split('.').map(Number), text: raw.trim() });
    }
  }
  return fail([
    {
      code: 'bad_version',
      path,
      message: `version ${JSON.stringify(text)} is not a dotted version`,
      expected: 'numbers separated by dots, e.g. 4.18.24090.11 (platform) or 1.1.24090.11 (engine)',
      received: JSON.stringify(text) ?? String(text),
      hint: 'copy AMProductVersion / AMEngineVersion from Get-MpComputerStatus; quote it in YAML',
    },
  ]);
}

/** Negative when a < b, 0 when equal, positive when a > b. Missing parts count as 0. */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Parses a version known to be well formed (constants in code); throws on a programming error. */
export function version(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(`core.version: ${text} is not a version`);
  return parsed.value;
}

/** True when `actual` is `minimum` or newer. */
export function isAtLeast(actual: Version, minimum: Version): boolean {
  return compareVersions(actual, minimum) >= 0;
}
