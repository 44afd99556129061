/** Navigates a zod schema along a data path: what keys are known there, and how to describe what is expected. */
import { z } from 'zod';
import type { Path } from '../../core/issue.ts';
import { expectedText } from '../schema/common-schema.ts';

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

interface AnyDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly entries?: Record<string, unknown>;
  readonly values?: readonly unknown[];
  readonly getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): AnyDef {
  return schema.def as unknown as AnyDef;
}

/** The schema under optional/default/pipe/lazy wrappers: the one that decides the value's shape. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let hops = 0; hops < 16; hops++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return current;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

function accepts(schema: z.ZodType, value: unknown): number {
  const def = defOf(unwrap(schema));
  const kind = kindOf(value);
  if (def.type === 'object' && kind === 'object') {
    const keys = Object.keys(value as object);
    return 1 + keys.filter((key) => def.shape && key in def.shape).length;
  }
  if (def.type === 'record' && kind === 'object') return 1;
  if (def.type === 'array' && kind === 'array') return 1;
  if (def.type === 'enum') return Object.values(def.entries ?? {}).includes(value) ? 2 : kind === 'string' ? 1 : 0;
  if (def.type === 'literal') return (def.values ?? []).includes(value) ? 2 : kindOf(def.values?.[0]) === kind ? 1 : 0;
  if (def.type === 'union') return Math.max(0, ...(def.options ?? []).map((option) => accepts(option, value)));
  return def.type === kind ? 1 : 0;
}

/**
 * The union option that fits `value` best by shape (an object option sharing most keys, else the first
 * of the value's type), or undefined when no option has the value's type.
 *
 * @example
 * pickOption(z.union([z.string(), z.array(z.string())]), ['a']); // the array option
 */
export function pickOption(union: z.ZodType, value: unknown): z.ZodType | undefined {
  let best: z.ZodType | undefined;
  let bestScore = 0;
  for (const option of defOf(unwrap(union)).options ?? []) {
    const score = accepts(option, value);
    if (score > bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The schema that validates `path` inside `data`, following the union option that fits the data.
 *
 * @example
 * schemaAt(z.object({ a: z.array(z.boolean()) }), ['a', 0], { a: [true] }); // the boolean schema
 */
export function schemaAt(schema: z.ZodType, path: Path, data: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let value = data;
  for (const segment of path) {
    if (current === undefined) return undefined;
    current = unwrap(current);
    if (defOf(current).type === 'union') current = pickOption(current, value);
    if (current === undefined) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[String(segment)] : undefined;
  }
  return current;
}

/** The keys an object schema at `path` accepts (empty when it is not an object). */
export function knownKeysAt(schema: z.ZodType, path: Path, data: unknown): string[] {
  let target = schemaAt(schema, path, data);
  if (target === undefined) return [];
  let value: unknown = data;
  for (const segment of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[String(segment)] : undefined;
  if (defOf(unwrap(target)).type === 'union') target = pickOption(target, value);
  const def = target === undefined ? undefined : defOf(unwrap(target));
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** A short description of what a schema accepts: its registered phrase, its values, or its type. */
export function describeSchema(schema: z.ZodType | undefined): string | undefined {
  if (schema === undefined) return undefined;
  for (let current = schema, hops = 0; hops < 16; hops++) {
    const phrase = expectedText.get(current)?.expected;
    if (phrase !== undefined) return phrase;
    const def = defOf(current);
    const inner = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (inner === undefined) break;
    current = inner;
  }
  const def = defOf(unwrap(schema));
  if (def.type === 'enum') return `one of ${Object.values(def.entries ?? {}).join(' | ')}`;
  const values = def.values ?? [];
  if (def.type === 'literal') return values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map(String).join(' | ')}`;
  if (def.type === 'union') return (def.options ?? []).map((option) => describeSchema(option)).join(' or ');
  if (def.type === 'object') return 'a map';
  if (def.type === 'array') return 'a list';
  if (def.type === 'boolean') return 'true or false';
  return def.type === 'record' ? 'a map' : `a ${def.type}`;
}
