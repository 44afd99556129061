import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DURATION_MS, parseDuration, parseTime } from '../../engine/core/duration.ts';

describe('parseDuration', () => {
  it('should read units, compound forms and HH:MM:SS', () => {
    expect([parseDuration('90s'), parseDuration('1h30m'), parseDuration('01:00:05'), parseDuration(0)]).toEqual([
      { ok: true, value: 90_000 },
      { ok: true, value: 5_400_000 },
      { ok: true, value: 3_605_000 },
      { ok: true, value: 0 },
    ]);
  });

  it('should accept the longest duration, 36500d (100 years)', () => {
    expect(parseDuration('36500d')).toEqual({ ok: true, value: MAX_DURATION_MS });
  });

  it('should refuse 100000000d, which printed "Infinityd" and crashed json output, with the longest allowed', () => {
    const parsed = parseDuration('100000000d', ['timeline', 0, 'at']);
    expect(parsed).toEqual({
      ok: false,
      issues: [
        {
          code: 'duration_too_long',
          path: ['timeline', 0, 'at'],
          message: 'duration "100000000d" is longer than 36500d (100 years), the longest a scenario may span',
          expected: 'a duration of at most 36500d',
          received: '"100000000d"',
          hint: 'simulated time is minutes to days; a scenario spans at most 100 years',
        },
      ],
    });
  });

  it('should refuse durations that overflow to Infinity, in every form', () => {
    for (const text of [`${'9'.repeat(400)}d`, `${'9'.repeat(400)}:00:00`, '36500d1ms', '1d'.repeat(40_000)]) {
      const parsed = parseDuration(text);
      expect(parsed.ok ? parsed.value : parsed.issues[0]?.code).toBe('duration_too_long');
    }
  });

  it('should give a finite duration that formats without "Infinity" for any text it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\d{1,20}(\.\d{1,3})?(ms|s|m|h|d)){1,4}$/), (text) => {
        const parsed = parseDuration(text);
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value) && parsed.value <= MAX_DURATION_MS).toBe(true);
          expect(formatDuration(parsed.value)).not.toContain('Infinity');
        } else expect(parsed.issues[0]?.code).toBe('duration_too_long');
      }),
    );
  });
});

describe('parseTime', () => {
  it('should read an ISO-8601 time with a zone as epoch milliseconds', () => {
    expect(parseTime('2026-03-16T09:00:00Z')).toEqual({ ok: true, value: Date.parse('2026-03-16T09:00:00Z') });
    expect(parseTime('2024-02-29T23:59:59.5+02:00')).toEqual({ ok: true, value: Date.parse('2024-02-29T23:59:59.5+02:00') });
    // Year 0 is a leap year in the proleptic Gregorian calendar; year 100 is not.
    expect([parseTime('0000-02-29T00:00:00Z').ok, parseTime('0100-02-29T00:00:00Z').ok]).toEqual([true, false]);
  });

  it('should refuse 2026-02-30, which Date.parse rolls over to March 2', () => {
    expect(parseTime('2026-02-30T00:00:00Z')).toEqual({
      ok: false,
      issues: [
        {
          code: 'bad_time',
          path: [],
          message: '"2026-02-30T00:00:00Z" is not a calendar date: February 2026 has 28 days',
          expected: 'a time such as 2026-03-16T09:00:00Z',
          received: '"2026-02-30T00:00:00Z"',
        },
      ],
    });
  });

  it('should refuse impossible months, days, hours, minutes, seconds and zones', () => {
    for (const text of [
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:60Z',
      '2026-01-01T10:00:00+24:00',
    ]) {
      const parsed = parseTime(text);
      expect(parsed.ok ? text : parsed.issues[0]?.code).toBe('bad_time');
    }
  });
});
