/** Turns zod issues into the engine's issues: messages naming the bad key, expected/received, and "did you mean" hints. */
import type { z } from 'zod';
import type { Issue, Path } from '../../core/issue.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import { quote, quoteExcerpt } from '../../core/quote.ts';
import { describeSchema, knownKeysAt, schemaAt } from './schema-at.ts';

type ZodIssue = z.core.$ZodIssue;

/** A value as a message shows it: JSON for scalars, a short word for collections. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'a map';
  const text = typeof value === 'string' ? quote(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[String(segment)];
  }
  return value;
}

/** How a message names the thing at a path: its key, or `list[3]` for an item. */
function label(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `${String(path[path.length - 2] ?? 'item')}[${last}]`;
  return last ?? 'scenario';
}

const YAML_11_BOOLEANS = /^(?:yes|no|on|off|y|n|true|false)$/i;

function typeHint(expected: string, value: unknown): string | undefined {
  if (expected === 'boolean' && typeof value === 'string' && YAML_11_BOOLEANS.test(value)) {
    return 'YAML 1.2 reads yes/no/on/off as text: write true or false';
  }
  if (
    (expected === 'number' || expected === 'int') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  ) {
    return 'remove the quotes to write a number';
  }
  if (expected === 'array' && (typeof value === 'string' || typeof value === 'object'))
    return 'write a list: [a, b] or one "- item" per line';
  return undefined;
}

/**
 * Converts zod issues raised while parsing `data` with `schema` into engine issues at `base` + the
 * issue's path. Unknown keys get one issue each with the closest known key; a union that failed is
 * reported through the option that fits the data's shape, or as one "must be X or Y" issue.
 *
 * @example
 * fromZodIssues(tenantSchema.safeParse({ edrBlokMode: true }).error!.issues, tenantSchema, { edrBlokMode: true }, ['tenant']);
 * // [{ code: 'unknown_key', path: ['tenant', 'edrBlokMode'], hint: 'did you mean "edrBlockMode"?', … }]
 */
export function fromZodIssues(issues: readonly ZodIssue[], schema: z.ZodType, data: unknown, base: Path): Issue[] {
  return issues.flatMap((issue) => convert(issue, schema, data, base, []));
}

function convert(issue: ZodIssue, schema: z.ZodType, data: unknown, base: Path, prefix: Path): Issue[] {
  const relative: Path = [...prefix, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
  const path: Path = [...base, ...relative];
  const value = valueAt(data, relative);
  const name = label(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, relative, data);
      return issue.keys.map((key) => ({
        code: 'unknown_key',
        path: [...path, key],
        message: `unknown key ${quoteExcerpt(key)}`,
        expected: known.length > 0 ? `one of ${known.join(', ')}` : undefined,
        hint:
          didYouMean(key, known) ??
          (key === 'from' ? 'from imports the whole section from a file: write { from: file } alone' : undefined),
      }));
    }
    case 'invalid_union': {
      const branch = pickBranch(issue.errors);
      if (branch !== undefined) return branch.flatMap((inner) => convert(inner, schema, data, base, relative));
      return [typeMismatch(path, name, value, describeSchema(schemaAt(schema, relative, data)) ?? 'another type')];
    }
    case 'invalid_type': {
      const expected =
        issue.expected === 'int' ? 'a whole number' : (describeSchema(schemaAt(schema, relative, data)) ?? issue.expected);
      return [typeMismatch(path, name, value, expected, issue.expected)];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [
        {
          code: 'invalid_value',
          path,
          message: `${name} ${show(value)} is not an allowed value`,
          expected: allowed.join(' | '),
          received: show(value),
          hint: typeof value === 'string' ? didYouMean(value, allowed) : undefined,
        },
      ];
    }
    case 'too_small':
    case 'too_big':
      return [sizeIssue(issue, path, name, value)];
    case 'custom': {
      const params = (issue.params ?? {}) as Partial<Record<'code' | 'expected' | 'received' | 'hint', string>>;
      return [
        {
          code: params.code ?? 'invalid',
          path,
          message: issue.message,
          expected: params.expected,
          received: params.received,
          hint: params.hint,
        },
      ];
    }
    default:
      return [{ code: 'invalid', path, message: `${name}: ${issue.message}`, received: show(value) }];
  }
}

/** The union option whose errors are about the inside of the value (the option the value was meant for). */
function pickBranch(errors: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const rootMismatch = (issue: ZodIssue) =>
    issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  const fitting = errors.filter((branch) => !branch.some(rootMismatch));
  if (fitting.length === 0) return undefined;
  return fitting.reduce((best, branch) => (branch.length < best.length ? branch : best));
}

function typeMismatch(path: Path, name: string, value: unknown, expected: string, zodExpected = ''): Issue {
  if (value === undefined) {
    return { code: 'missing_key', path, message: `missing required key "${name}"`, expected };
  }
  return {
    code: 'invalid_type',
    path,
    message: `${name} must be ${expected}`,
    expected,
    received: show(value),
    hint: typeHint(zodExpected, value),
  };
}

function sizeIssue(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, path: Path, name: string, value: unknown): Issue {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const strict = issue.inclusive === false;
  const word = small ? (strict ? 'more than' : 'at least') : strict ? 'less than' : 'at most';
  const received = show(value);
  if (issue.origin === 'array') {
    return {
      code: small ? 'too_few' : 'too_many',
      path,
      message: `${name} has ${received.replace('a list of ', '')} items; it needs ${word} ${limit}`,
      expected: `${word} ${limit} items`,
      received,
    };
  }
  if (issue.origin === 'string') {
    return {
      code: small ? 'too_short' : 'too_long',
      path,
      message: limit === 1 && small ? `${name} must not be empty` : `${name} must be ${word} ${limit} characters`,
      received,
    };
  }
  return {
    code: small ? 'too_small' : 'too_big',
    path,
    message: `${name} must be ${word} ${limit}`,
    expected: `${word} ${limit}`,
    received,
  };
}
