/** Parses one `ExclusionPath` entry, plain or contextual (`<path>\:{…}`), per §4.2 and ctx-excl. */
import { append } from '../../core/append.ts';
import type { Issue, Path } from '../../core/issue.ts';
import { isAtLeast, version } from '../../core/version.ts';
import type { ExclusionOptions, PathEntry } from './exclusion-entry.ts';
import { parsePathPattern } from './parse-path-pattern.ts';
import { parseRestrictions, type ParsedRestrictions } from './parse-restrictions.ts';

/** ctx-excl: contextual entries need platform 4.18.2205.7+ and engine 1.1.19300.2+ (#45). */
const CONTEXTUAL_MIN_PLATFORM = version('4.18.2205.7');
const CONTEXTUAL_MIN_ENGINE = version('1.1.19300.2');

/** One parsed entry (absent when invalid) and every issue found in it, warnings included. */
export interface EntryParse<T> {
  readonly entry?: T;
  readonly issues: readonly Issue[];
}

/** Why a device's versions cannot read contextual entries, or undefined when they can (or are unknown). */
function versionGap(options: ExclusionOptions): string | undefined {
  if (options.platform !== undefined && !isAtLeast(options.platform, CONTEXTUAL_MIN_PLATFORM)) {
    return `platform ${options.platform.text} is older than ${CONTEXTUAL_MIN_PLATFORM.text}`;
  }
  if (options.engine !== undefined && !isAtLeast(options.engine, CONTEXTUAL_MIN_ENGINE)) {
    return `engine ${options.engine.text} is older than ${CONTEXTUAL_MIN_ENGINE.text}`;
  }
  return undefined;
}

/**
 * Parses a path entry. Repeated restriction types (#41) and too-old devices (#45) give a warning and
 * an entry that never applies; everything else wrong gives errors and no entry.
 *
 * @example
 * parsePathEntry('C:\\documents\\:{ScanType:full}', 0).entry?.restrictions?.scanType; // 'full'
 */
export function parsePathEntry(text: string, index: number, options: ExclusionOptions = {}): EntryParse<PathEntry> {
  const path: Path = ['paths', index];
  const trimmed = text.trim();
  const label = `path exclusion \`${trimmed}\``;
  if (trimmed === '') {
    return { issues: [{ code: 'exclusion_empty', path, message: 'path exclusion is empty', hint: 'remove the empty entry' }] };
  }
  const trailingStar = options.conflicts?.trailingStar ?? 'literal';
  const marker = trimmed.indexOf(':{');
  let pathText = trimmed;
  let restrictions: ParsedRestrictions | undefined;
  const issues: Issue[] = [];
  if (marker !== -1) {
    const separator = trimmed[marker - 1];
    if ((separator !== '\\' && separator !== '/') || !trimmed.endsWith('}')) {
      const issue: Issue = {
        code: 'exclusion_contextual_syntax',
        path,
        message: `${label} is not a well-formed contextual exclusion`,
        expected: '<path>\\:{Type:value,…}',
        received: trimmed,
        hint: 'put `\\:` between the path and `{`, and end the entry with `}` (ctx-excl)',
      };
      return { issues: [issue] };
    }
    pathText = trimmed.slice(0, marker - 1);
    const parsed = parseRestrictions(trimmed.slice(marker + 2, -1), { label, path, trailingStar });
    if (parsed.ok) restrictions = parsed.value;
    else append(issues, parsed.issues);
  }
  const pattern = parsePathPattern(pathText, { label: 'path exclusion', path, trailingStar });
  if (!pattern.ok) append(issues, pattern.issues);
  if (!pattern.ok || issues.length > 0) return { issues };
  let inactive: string | undefined;
  if (restrictions !== undefined) {
    const gap = versionGap(options);
    if (gap !== undefined) {
      inactive = `contextual exclusions are not supported: ${gap} (§4.4 #45)`;
      issues.push({
        code: 'exclusion_contextual_unsupported',
        severity: 'warning',
        path,
        message: `${label} is contextual, but ${gap}`,
        expected: `platform ≥ ${CONTEXTUAL_MIN_PLATFORM.text} and engine ≥ ${CONTEXTUAL_MIN_ENGINE.text}`,
        hint: 'update the Defender platform and engine, or use a plain path exclusion',
      });
    } else if (restrictions.never !== undefined) {
      inactive = `${restrictions.never} (§4.4 #41)`;
      issues.push({
        code: 'exclusion_contextual_never_applies',
        severity: 'warning',
        path,
        message: `${label} never applies: ${restrictions.never}`,
        hint: 'create one exclusion per value instead (ctx-excl, C12)',
      });
    }
  }
  // Set field by field, not spread: a 10,000-entry list makes 10,000 of these (issue 13).
  const entry: { -readonly [K in keyof PathEntry]: PathEntry[K] } = {
    kind: 'path',
    list: 'paths',
    index,
    text,
    pattern: pattern.value,
  };
  if (restrictions !== undefined) entry.restrictions = restrictions.restrictions;
  if (inactive !== undefined) entry.inactive = inactive;
  return { entry, issues };
}
