/** Simulated time: the contract's `90s`, `30m`, `2h`, `1d` and `HH:MM:SS` durations, and ISO-8601 start times, as milliseconds. */
import { fail, ok, type Issue, type Result, type Path } from './issue.ts';
import { quote } from './quote.ts';

/**
 * The longest duration a scenario may write: 36500d (100 years). Simulated time is minutes to days;
 * the bound keeps every start (year 9999 at most) plus offset far inside what a JavaScript Date holds
 * (±8.64e15 ms), so no timestamp is ever "Invalid time value" and no duration prints as "Infinityd".
 */
export const MAX_DURATION_MS = 36_500 * 86_400_000;

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
  if (clock) return bounded((Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * 1000, text, path);
  const parts = trimmed.match(/\d+(?:\.\d+)?(?:ms|s|m|h|d)/g);
  if (parts && parts.join('') === trimmed) {
    let total = 0;
    for (const part of parts) {
      const [, amount, unit] = UNIT_FORM.exec(part) as unknown as [string, string, keyof typeof UNIT_MS];
      total += Number(amount) * UNIT_MS[unit];
      // Stop adding once past the bound: 400 digits of days is Infinity, and so is a long enough sum.
      if (!(total <= MAX_DURATION_MS)) break;
    }
    return bounded(Math.round(total), text, path);
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

function bounded(ms: number, text: string, path: Path): Result<number> {
  if (ms <= MAX_DURATION_MS) return ok(ms);
  const shown = quote(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return fail([
    {
      code: 'duration_too_long',
      path,
      message: `duration ${shown} is longer than 36500d (100 years), the longest a scenario may span`,
      expected: 'a duration of at most 36500d',
      received: shown,
      hint: 'simulated time is minutes to days; a scenario spans at most 100 years',
    },
  ]);
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Parses an ISO-8601 time with a zone (`2026-03-16T09:00:00Z`, `…+02:00`) into epoch milliseconds.
 * Refuses what `Date.parse` would quietly roll over: 2026-02-30 (to March 2), hour 24, minute or second
 * 60, a zone of 24 hours or more.
 *
 * @example
 * parseTime('2026-03-16T09:00:00Z'); // { ok: true, value: 1773651600000 }
 * parseTime('2026-02-30T00:00:00Z').ok; // false: February 2026 has 28 days
 */
export function parseTime(text: string, path: Path = []): Result<number> {
  const match = ISO_TIME.exec(text);
  const shown = quote(text.length > 80 ? `${text.slice(0, 80)}…` : text);
  const refuse = (why: string, hint?: string): Result<number> => {
    const issue: Issue = {
      code: 'bad_time',
      path,
      message: `${shown} is ${why}`,
      expected: 'a time such as 2026-03-16T09:00:00Z',
      received: shown,
    };
    return fail([hint === undefined ? issue : { ...issue, hint }]);
  };
  if (match === null)
    return refuse('not an ISO-8601 time with a time zone', ISO_TIME.test(`${text}Z`) ? 'add Z for UTC' : undefined);
  const [year, month, day, hour, minute, second = '0', , zoneHours = '0', zoneMinutes = '0'] = match
    .slice(1)
    .map((part) => part ?? undefined) as string[];
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (mo < 1 || mo > 12) return refuse(`not a calendar date: there is no month ${mo}`);
  // Day 0 of the next month is the last day of this one (setUTCFullYear: Date.UTC reads year 4 as 1904).
  const last = new Date(0);
  last.setUTCFullYear(y, mo, 0);
  const days = last.getUTCDate();
  if (d < 1 || d > days) return refuse(`not a calendar date: ${MONTHS[mo - 1]} ${year} has ${days} days`);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
    return refuse('not a time of day: hours go to 23, minutes and seconds to 59');
  if (Number(zoneHours) > 23 || Number(zoneMinutes) > 59) return refuse('not a time zone offset: at most ±23:59');
  return ok(Date.parse(text));
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
