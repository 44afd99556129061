/** One call from lists to matcher: parse, add automatic server-role entries, compile; fails on any invalid entry. */
import type { ExclusionLists } from '../../core/config.ts';
import { fail, ok, type Issue, type Result } from '../../core/issue.ts';
import { compileExclusions, type ExclusionMatcher } from './compile-exclusions.ts';
import type { ExclusionOptions } from './exclusion-entry.ts';
import { hasErrors, parseExclusions } from './parse-exclusions.ts';
import { serverRoleExclusions, type ServerRoleOptions } from './server-role-exclusions.ts';

export interface BuildOptions extends ExclusionOptions {
  /** Installed server roles; automatic exclusions apply on Server 2016+ only (§4.1). Default none. */
  readonly serverRoles?: ServerRoleOptions;
}

/** A matcher with the warnings its lists raised (contextual entries that never apply, #41/#45). */
export interface BuiltMatcher {
  readonly matcher: ExclusionMatcher;
  readonly warnings: readonly Issue[];
}

/**
 * Parses and compiles a device's lists. Any invalid entry fails the whole build with every issue
 * at once (errors and warnings), so nothing is dropped silently.
 *
 * @example
 * const built = buildExclusionMatcher({ paths: ['C:\\Tools\\'], extensions: ['log'], processes: [] });
 * if (built.ok) built.value.matcher.match({ path: 'D:\\x.log', trigger: 'scheduled-scan' }); // excluded-by-extension
 */
export function buildExclusionMatcher(lists: Partial<ExclusionLists>, options: BuildOptions = {}): Result<BuiltMatcher> {
  const parsed = parseExclusions(lists, options);
  if (hasErrors(parsed.issues)) return fail(parsed.issues);
  const automatic = options.serverRoles === undefined ? [] : serverRoleExclusions(options.serverRoles, options).entries;
  const matcher = compileExclusions([...parsed.entries, ...automatic], options);
  return ok({ matcher, warnings: parsed.issues });
}
