/** Schema building blocks shared by every section: durations, versions, hashes, times, and core-issue plumbing. */
import { z } from 'zod';
import { parseDuration, parseTime } from '../../core/duration.ts';
import type { Issue } from '../../core/issue.ts';
import { parseVersion } from '../../core/version.ts';
import { quote } from '../../core/quote.ts';

/** What a schema accepts, phrased for "must be …" messages, where its type alone would say too little. */
export const expectedText = z.registry<{ expected: string }>();

/** Registers the phrase `expected` for `schema` in {@link expectedText} and returns the schema. */
export function expecting<T extends z.ZodType>(schema: T, expected: string): T {
  expectedText.add(schema, { expected });
  return schema;
}

/** The zod context a refinement or transform receives. */
export type CheckContext = z.core.$RefinementCtx;

/** Re-raises engine/core issues inside zod, keeping their code, expected, received and hint as params. */
export function addCoreIssues(ctx: CheckContext, issues: readonly Omit<Issue, 'path'>[]): void {
  for (const issue of issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      params: { code: issue.code, expected: issue.expected, received: issue.received, hint: issue.hint },
    });
  }
}

/** A string refined by `check`, which returns the problem (without a path) or undefined. */
export function checkedString(check: (value: string) => Omit<Issue, 'path'> | undefined) {
  return z.string().superRefine((value, ctx) => {
    const issue = check(value);
    if (issue !== undefined) addCoreIssues(ctx, [issue]);
  });
}

/** `90s`, `30m`, `2h`, `1d`, `HH:MM:SS` or `0` → milliseconds, via engine/core/duration.ts. */
export const durationSchema = expecting(
  z
    .union([z.string(), z.number()])
    .transform((value, ctx) => {
      const parsed = parseDuration(value);
      if (parsed.ok) return parsed.value;
      addCoreIssues(ctx, parsed.issues);
      return z.NEVER;
    })
    .meta({ description: 'a duration such as 90s, 30m, 2h, 1d or HH:MM:SS' }),
  'a duration such as 90s, 30m, 2h, 1d or HH:MM:SS',
);

/** A dotted Defender version (`4.18.24090.11`), validated by engine/core/version.ts, kept as text. */
export const versionSchema = expecting(
  z
    .union([z.string(), z.number()])
    .transform((value, ctx) => {
      const parsed = parseVersion(value);
      if (parsed.ok) return parsed.value.text;
      addCoreIssues(ctx, parsed.issues);
      return z.NEVER;
    })
    .meta({ description: 'a dotted version such as 4.18.24090.11', examples: ['4.18.24090.11'] }),
  'a dotted version such as 4.18.24090.11',
);

/** A hex digest of one of `lengths` digits (a hash or a certificate thumbprint). */
export function hexSchema(what: string, lengths: readonly number[]) {
  const pattern = new RegExp(`^(?:${lengths.map((length) => `[0-9a-fA-F]{${length}}`).join('|')})$`);
  return expecting(
    checkedString((value) =>
      pattern.test(value)
        ? undefined
        : {
            code: 'bad_hash',
            message: `${what} ${quote(value.slice(0, 80))} is not ${lengths.join(' or ')} hex digits`,
            expected: `${lengths.join(' or ')} hexadecimal digits`,
            received: `${quote(value.slice(0, 80))} (${value.length} characters)`,
            hint: /\s|-|:/.test(value) ? 'remove spaces, dashes and colons from the digest' : undefined,
          },
    ).meta({ description: `${what}: ${lengths.join(' or ')} hex digits`, pattern: pattern.source }),
    `${lengths.join(' or ')} hex digits`,
  );
}

/** An absolute ISO-8601 time with a zone (`2026-03-16T09:00:00Z`) that is a real calendar date, via engine/core/duration.ts. */
export const isoTimeSchema = expecting(
  checkedString((value) => {
    const parsed = parseTime(value);
    return parsed.ok ? undefined : parsed.issues[0];
  }).meta({ description: 'an ISO-8601 time with a zone, e.g. 2026-03-16T09:00:00Z', format: 'date-time' }),
  'a time such as 2026-03-16T09:00:00Z',
);

/** A non-empty name: devices, groups, artifact ids. */
export const nameSchema = z.string().min(1);

/** A probability in [0, 1]. */
export const probabilitySchema = z.number().min(0).max(1);

/** `cite`: the domain-reference fact an expectation pins, e.g. `§3.7`. */
export const citeSchema = z.string().optional().meta({ description: 'the doc fact this pins, e.g. "§3.7"' });

/** Count bounds of an expectation: `count` exactly, or `atLeast` / `atMost`. */
export const countBoundsShape = {
  count: z.number().int().min(0).optional(),
  atLeast: z.number().int().min(0).optional(),
  atMost: z.number().int().min(0).optional(),
};
