/** Turns a parsed `expect` item into a tagged `Expectation`: filters apart from count bounds. */
import type { z } from 'zod';
import { defined } from './build-devices.ts';
import { expectationName, type UnnamedExpectation } from './expectation-name.ts';
import { EXPECTATION_BRANCHES, type ExpectationKind } from '../schema/expectation-schema.ts';
import type { CountBounds, Expectation } from '../scenario.ts';

type Parsed<K extends ExpectationKind> = z.output<(typeof EXPECTATION_BRANCHES)[K]>;

function split<T extends CountBounds>(value: T): { filter: Omit<T, keyof CountBounds>; bounds: CountBounds } {
  const { count, atLeast, atMost, ...filter } = value;
  return { filter: defined(filter) as Omit<T, keyof CountBounds>, bounds: defined({ count, atLeast, atMost }) };
}

/**
 * The expectation at `index` of `expect`, of the kind its naming key chose, named by its `name:` or
 * else by what it asserts. A recommendation defaults to `turn-on-edr-block-mode` and `present: true` (§3.10).
 *
 * @example
 * buildExpectation('alerts', { alerts: { detectionStatus: 'Detected', count: 0 } }, 3);
 * // { kind: 'alerts', index: 3, filter: { detectionStatus: 'Detected' }, bounds: { count: 0 }, name: 'alerts (detectionStatus Detected): exactly 0' }
 */
export function buildExpectation<K extends ExpectationKind>(kind: K, parsed: Parsed<K>, index: number): Expectation {
  const unnamed = build(kind, parsed, index);
  return { ...unnamed, name: parsed.name ?? expectationName(unnamed) } as Expectation;
}

function build<K extends ExpectationKind>(kind: K, parsed: Parsed<K>, index: number): UnnamedExpectation {
  const base = { index, ...(parsed.cite === undefined ? {} : { cite: parsed.cite }) };
  switch (kind) {
    case 'artifact':
    case 'device': {
      const { cite: _cite, name: _name, ...rest } = parsed as Parsed<'artifact' | 'device'>;
      return { kind, ...base, ...defined(rest) } as UnnamedExpectation;
    }
    case 'actionCenter':
      return { kind, ...base, ...split((parsed as Parsed<'actionCenter'>).actionCenter) };
    case 'alerts':
      return { kind, ...base, ...split((parsed as Parsed<'alerts'>).alerts) };
    case 'actionCenterEntry': {
      const entry = (parsed as Parsed<'actionCenterEntry'>).actionCenterEntry;
      return { kind, ...base, ...defined(entry), present: entry.present ?? true } as UnnamedExpectation;
    }
    case 'investigation':
      return { kind, ...base, ...defined((parsed as Parsed<'investigation'>).investigation) } as UnnamedExpectation;
    case 'recommendation': {
      const { device, id, present } = (parsed as Parsed<'recommendation'>).recommendation;
      return { kind, ...base, device, id: id ?? 'turn-on-edr-block-mode', present: present ?? true };
    }
    default: {
      const { share, ...rest } = (parsed as Parsed<'totals'>).totals;
      const { filter, bounds } = split(rest);
      return { kind: 'totals', ...base, filter, ...(share === undefined ? { bounds } : { share: defined(share) }) };
    }
  }
}
