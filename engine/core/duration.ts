/** Simulated durations: the contract's `90s`, `30m`, `2h`, `1d` and `HH:MM:SS` strings, as milliseconds. */
import { fail, ok, type Result, type Path } from './issue.ts';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const UNIT_FORM = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const CLOCK_FORM = /^(\d+):([0-5]\d):([0-5]\d)$/;

/**
 * Parses a duration string into milliseconds. Accepts `<number><unit>` with unit ms, s, m, h or d
 * (e.g. `90s`, `1.5h`), compound forms such as `1h30m`, `HH:MM:SS`, and `0`.
 *
 * @example
 * parseDuration('30m'); // { ok: true, value: 1_800_000 }
 * parseDuration('-5m'); // { ok: false, issues: [{ code: 'bad_duration', … }] }
 */
export function parseDuration(text: unknown, path: Path = []): Result<number> {
  if (typeof text === 'number' && text === 0) return ok(0);
  if (typeof text !== 'string') {
    return fail([
      {
        code: 'bad_duration',
        path,
        message: `duration must be a string like "30m"`,
        expected: 'a duration such as 90s, 30m, 2h, 1d or HH:MM:SS',
        received: JSON.stringify(text) ?? String(text),
        hint: typeof text === 'number' ? `write "${text}s" or "${text}m" to say which unit` : undefined,
      },
    ]);
  }
  const trimmed = text.trim();
  if (trimmed === '0') return ok(0);
  const clock = CLOCK_FORM.exec(trimmed);
  if (clock) return ok((Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * 1000);
  const parts = trimmed.match(/\d+(?:\.\d+)?(?:ms|s|m|h|d)/g);
  if (parts && parts.join('') === trimmed) {
    let total = 0;
    for (const part of parts) {
      const [, amount, unit] = UNIT_FORM.exec(part) as unknown as [string, string, keyof typeof UNIT_MS];
      total += Number(amount) * UNIT_MS[unit];
    }
    return ok(Math.round(total));
  }
  return fail([
    {
      code: 'bad_duration',
      path,
      message: trimmed.startsWith('-') ? `duration "${text}" is negative` : `"${text}" is not a duration`,
      expected: 'a non-negative duration such as 90s, 30m, 2h, 1d or HH:MM:SS',
      received: JSON.stringify(text),
      hint: trimmed.startsWith('-') ? 'times are offsets from the scenario start and cannot be negative' : undefined,
    },
  ]);
}

/**
 * Formats milliseconds compactly with the largest exact units: `0m`, `90s` → `1m30s`, `1d2h`.
 *
 * @example
 * formatDuration(1_800_000); // '30m'
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0m';
  let rest = ms;
  let out = '';
  for (const unit of ['d', 'h', 'm', 's', 'ms'] as const) {
    const size = UNIT_MS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}

/** ISO-8601 UTC timestamp of `offset` ms after `startMs`. Pure: no wall clock. */
export function timestampAt(startMs: number, offset: number): string {
  return new Date(startMs + offset).toISOString();
}

/** The fixed default start (offset 0) so that reports are deterministic. */
export const DEFAULT_START = '2026-01-05T09:00:00.000Z';
