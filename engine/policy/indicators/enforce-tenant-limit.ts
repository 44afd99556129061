/** The tenant's indicator limit (15,000, §5.1, T58): what fits is kept, the rest refused with one issue. */
import type { Issue, Path } from '../../core/issue.ts';
import { TENANT_INDICATOR_LIMIT, type Indicator } from './indicator.ts';

/**
 * Keeps the indicators that fit under the tenant limit (default 15,000 minus `existingCount`, T58) and
 * adds one issue, at the first refused entry, naming how many were refused.
 *
 * @example
 * enforceTenantLimit(list, paths, [], { existingCount: 15_000 }).indicators; // []
 */
export function enforceTenantLimit(
  parsed: readonly Indicator[],
  paths: readonly Path[],
  issues: Issue[],
  options: { readonly existingCount?: number; readonly limit?: number },
): { indicators: readonly Indicator[]; issues: readonly Issue[] } {
  const limit = options.limit ?? TENANT_INDICATOR_LIMIT;
  const existing = options.existingCount ?? 0;
  const room = Math.max(0, limit - existing);
  if (parsed.length <= room) return { indicators: parsed, issues };
  issues.push({
    code: 'indicator_limit',
    path: paths[room] ?? [],
    message: `the tenant limit of ${limit.toLocaleString('en-US')} indicators is reached: this entry and the ${parsed.length - room - 1} valid ones after it were not added`,
    expected: `at most ${room} more indicators (the tenant already has ${existing})`,
    received: `${parsed.length} valid indicators`,
    hint: 'the limit has no increases (§5.1); delete expired or unused indicators, or block applications with WDAC instead',
  });
  return { indicators: parsed.slice(0, room), issues };
}
